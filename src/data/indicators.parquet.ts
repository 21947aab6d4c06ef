// indicators.parquet: every figure of every edition of the report (data contract in DESIGN.md).
import {loadValidated} from "../lib/build/validated.js";
import {runLoader} from "../lib/build/loader.js";
import {toParquet} from "../lib/build/parquet.js";

await runLoader(() => toParquet(loadValidated().indicators));
