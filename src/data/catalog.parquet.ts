// catalog.parquet: one row per indicator and edition, with its place in the report (for ordering).
import {loadValidated} from "../lib/build/validated.js";
import {runLoader} from "../lib/build/loader.js";
import {toParquet} from "../lib/build/parquet.js";

await runLoader(() => toParquet(loadValidated().catalog));
