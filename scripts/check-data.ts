// Validates every curated data file without building the site: `npm run check:data`.
import {DataError} from "../src/lib/errors.js";
import {loadTables, loadTerritory} from "../src/lib/build/datasets.js";

try {
  const tables = loadTables();
  loadTerritory();
  const rows = tables.indicators.rows;
  const derived = rows.filter((r) => r.status === "derive").length;
  const indicators = new Set(rows.map((r) => r.indicator)).size;
  // The site's words: an indicator has one or more figures (per commune, year, split).
  console.log(
    `Données valides : ${indicators} indicateurs, ${rows.length} chiffres (dont ${derived} calculés), ` +
      `${tables.communes.rows.length} communes.`
  );
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  console.error(error.message);
  process.exit(1);
}
