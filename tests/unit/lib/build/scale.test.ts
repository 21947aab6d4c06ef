// The validator at the scale the README plans for: 100 000 valid rows (each quoted from its own line
// of the report, a derived total and a consistency rule over all of them) validate in seconds.
import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {expect, it} from "vitest";
import {formatCsv} from "../../../../src/lib/csv.js";
import {dataPaths, loadTables} from "../../../../src/lib/build/datasets.js";
import {formatNumber} from "../../../../src/lib/format.js";
import {realData} from "./real-data.js";

const ROWS = 100_000;
/** 4–9 s alone on the shared 2-core machine, 18 s beside the e2e suite; the quadratic catalog took over 120 s. */
const BUDGET_MS = 60_000;
const INDICATOR = ["2023", "plie", "Ateliers", "plie.ateliers_participants", "Participants aux ateliers"];
const ALL = "sum(plie.ateliers_participants[2023; atelier=*])";

it(`validates ${ROWS} rows in seconds`, {timeout: 120_000}, () => {
  const data = realData();
  const dir = join(data.root, "data/reports/2023");
  mkdirSync(dir);
  const header = ["year", "programme", "section", "indicator", "label", "commune_code", "dimension", "category"];
  const columns = [...header, "value", "unit", "status", "derivation", "quote"];
  const lines: string[] = [];
  const rows: string[][] = [];
  let total = 0;
  for (let i = 1; i <= ROWS; i++) {
    const value = formatNumber(i, 0).replace(/\u202f/g, " ");
    const quote = `Atelier n° ${i} : ${value} participants`;
    lines.push(quote);
    total += i;
    rows.push([...INDICATOR, "", "atelier", `n° ${i}`, value, "participants", "publie", "", quote]);
  }
  const totalQuote = `Au total : ${formatNumber(total, 0).replace(/\u202f/g, " ")} participations`;
  lines.push(totalQuote);
  rows.push([...INDICATOR, "", "", "", "", "participants", "derive", ALL, totalQuote]);
  writeFileSync(join(dir, "rapport.txt"), lines.join("\n") + "\n");
  writeFileSync(join(dir, "indicateurs.csv"), formatCsv(columns, rows, {neutralise: false}));
  writeFileSync(
    join(dir, "coherence.json"),
    JSON.stringify([{id: "ateliers", whole: "plie.ateliers_participants[2023]", parts: [ALL], tolerance: 0}])
  );

  const start = performance.now();
  const tables = loadTables(dataPaths(data.root));
  const elapsed = performance.now() - start;
  console.log(`validation de ${ROWS} lignes : ${Math.round(elapsed)} ms`);
  expect(tables.indicators.rows.filter((r) => r.report_year === 2023)).toHaveLength(ROWS + 1);
  expect(tables.catalog.rows.filter((r) => r.report_year === 2023)).toHaveLength(1);
  expect(elapsed).toBeLessThan(BUDGET_MS);
});
