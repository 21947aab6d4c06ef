// territoire.json: boundaries of the ten communes and of their neighbours, for the maps.
import {loadTerritory} from "../lib/build/datasets.js";
import {runLoader} from "../lib/build/loader.js";

await runLoader(() => JSON.stringify(loadTerritory()));
