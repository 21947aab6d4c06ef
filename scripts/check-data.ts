// Validates every curated data file without building the site: `npm run check:data`.
import {DataError} from "../src/lib/errors.js";
import {loadTables, loadTerritory} from "../src/lib/datasets.js";

try {
  const tables = loadTables();
  loadTerritory();
  const derived = tables.indicators.rows.filter((r) => r.status === "derive").length;
  console.log(
    `Données valides : ${tables.indicators.rows.length} indicateurs (dont ${derived} dérivés), ${tables.communes.rows.length} communes.`
  );
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  console.error(error.message);
  process.exit(1);
}
