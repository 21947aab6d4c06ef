// indicators.parquet: every figure of every edition of the report (data contract in DESIGN.md).
import {loadTables} from "../lib/build/datasets.js";
import {runLoader} from "../lib/build/loader.js";
import {toParquet} from "../lib/build/parquet.js";

await runLoader(() => toParquet(loadTables().indicators));
