// catalog.parquet: one row per indicator and edition, with its place in the report (for ordering).
import {loadTables} from "../lib/datasets.js";
import {runLoader} from "../lib/loader.js";
import {toParquet} from "../lib/parquet.js";

await runLoader(() => toParquet(loadTables().catalog));
