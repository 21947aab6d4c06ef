// indicateurs.csv: indicators.parquet as CSV (UTF-8 with BOM so that spreadsheets read the accents).
import {formatCsv} from "../lib/csv.js";
import {loadValidated} from "../lib/build/validated.js";
import {runLoader} from "../lib/build/loader.js";
import {indicatorsTable} from "../lib/schema.js";

await runLoader(() => {
  const columns = indicatorsTable.columns.map((c) => c.name);
  const rows = loadValidated().indicators.rows.map((row) => columns.map((c) => row[c]));
  return "\uFEFF" + formatCsv(columns, rows);
});
