// catalog.parquet: one row per indicator and edition, with its place in the report (for ordering).
import {loadTables} from "../lib/build/datasets.js";
import {runLoader} from "../lib/build/loader.js";
import {toParquet} from "../lib/build/parquet.js";

await runLoader(() => toParquet(loadTables().catalog));
