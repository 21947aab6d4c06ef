// communes.parquet: the ten communes, their census population, area and centroid.
import {loadCommunes} from "../lib/datasets.js";
import {runLoader} from "../lib/loader.js";
import {toParquet} from "../lib/parquet.js";
import {communesTable} from "../lib/schema.js";

await runLoader(() => toParquet({schema: communesTable, rows: loadCommunes()}));
