// indicators.parquet: every figure of every edition of the report (data contract in DESIGN.md).
import {loadTables} from "../lib/datasets.js";
import {runLoader} from "../lib/loader.js";
import {toParquet} from "../lib/parquet.js";

await runLoader(() => toParquet(loadTables().indicators));
