// territoire.json: boundaries of the ten communes and of their neighbours, for the maps.
import {dataPaths, loadTerritory} from "../lib/build/datasets.js";
import {loadValidated} from "../lib/build/validated.js";
import {runLoader} from "../lib/build/loader.js";

await runLoader(() => JSON.stringify(loadTerritory(dataPaths(), loadValidated().communes.rows)));
