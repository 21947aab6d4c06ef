// communes.parquet: the ten communes, their census population, area and centroid.
import {loadValidated} from "../lib/build/validated.js";
import {runLoader} from "../lib/build/loader.js";
import {toParquet} from "../lib/build/parquet.js";

await runLoader(() => toParquet(loadValidated().communes));
