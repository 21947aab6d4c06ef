// territoire.json: boundaries of the ten communes and of their neighbours, for the maps.
import {loadTerritory} from "../lib/datasets.js";
import {runLoader} from "../lib/loader.js";

await runLoader(() => JSON.stringify(loadTerritory()));
