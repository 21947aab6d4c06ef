// communes.parquet: the ten communes, their census population, area and centroid.
import {loadCommunes} from "../lib/build/datasets.js";
import {runLoader} from "../lib/build/loader.js";
import {toParquet} from "../lib/build/parquet.js";
import {communesTable} from "../lib/schema.js";

await runLoader(() => toParquet({schema: communesTable, rows: loadCommunes()}));
