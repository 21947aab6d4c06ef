// The validator at scale: a large valid edition (each figure quoted from its own line of the report,
// a derived total and a consistency rule over all of them) is read whole. How long it takes is
// measured by `npm run bench:validation` (100 000 rows), not here.
import {rmSync} from "node:fs";
import {afterEach, expect, it} from "vitest";
import {dataPaths, loadTables} from "../../../../src/lib/build/datasets.js";
import {copyOfData, writeLargeEdition} from "../../../../scripts/bench/validation/large-edition.js";

const ROWS = 20_000;
let root = "";
afterEach(() => rmSync(root, {recursive: true, force: true}));

it(`validates an edition of ${ROWS} rows, its derived total and its rule`, {timeout: 120_000}, () => {
  root = copyOfData();
  const {edition, rows} = writeLargeEdition(root, ROWS);
  const tables = loadTables(dataPaths(root));
  const added = tables.indicators.rows.filter((r) => r.report_year === edition);
  expect(added).toHaveLength(rows);
  expect(added.find((r) => r.status === "derive")?.value).toBe((ROWS * (ROWS + 1)) / 2);
  expect(tables.catalog.rows.filter((r) => r.report_year === edition)).toHaveLength(1);
});
