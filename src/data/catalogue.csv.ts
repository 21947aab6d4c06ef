// catalogue.csv: catalog.parquet as CSV (src/lib/build/csv-table.ts).
import {loadValidated} from "../lib/build/validated.js";
import {runLoader} from "../lib/build/loader.js";
import {tableCsv} from "../lib/build/csv-table.js";

await runLoader(() => tableCsv(loadValidated().catalog));
