// Every example notebook runs on the real data in DuckDB for Node, cell after cell, the way the
// explorer runs it (guard, rows capped, rolled-back transaction, named results as views), and
// gets the chart it was written for.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {loadTables} from "../../../../src/lib/build/datasets.js";
import {Warehouse} from "../../../../src/lib/build/warehouse.js";
import {EXAMPLES, DEFAULT_NOTEBOOK} from "../../../../src/lib/notebook/examples.js";
import {checkStatement} from "../../../../src/lib/notebook/guard.js";
import {cellName} from "../../../../src/lib/notebook/cell-name.js";
import {createViewSql, limitedSql} from "../../../../src/lib/notebook/run-plan.js";
import {suggestChart} from "../../../../src/lib/notebook/chart-suggest.js";
import type {NotebookDocument} from "../../../../src/lib/notebook/notebook.js";

let warehouse: Warehouse;
beforeAll(async () => {
  const tables = loadTables();
  warehouse = await Warehouse.create([tables.indicators, tables.communes]);
});
afterAll(() => warehouse.close());

/** Column types as the browser engine names them (Arrow), from DuckDB's SQL types. */
function arrowType(sqlType: string): string {
  if (/INT|DOUBLE|FLOAT|DECIMAL/.test(sqlType)) return "Float64";
  if (sqlType === "VARCHAR") return "Utf8";
  return sqlType;
}

async function runNotebook(doc: NotebookDocument) {
  const results = [];
  for (const cell of doc.cells) {
    const checked = checkStatement(cell.sql);
    if (!checked.ok) throw new Error(checked.reason);
    const named = cellName(cell.sql, ["indicators", "communes"]);
    await warehouse.query("BEGIN TRANSACTION");
    let rows: Record<string, unknown>[];
    let described: {column_name: string; column_type: string}[];
    try {
      rows = await warehouse.query(limitedSql(checked.sql));
      described = await warehouse.query(`DESCRIBE ${limitedSql(checked.sql)}`);
    } finally {
      await warehouse.query("ROLLBACK");
    }
    if (named && "name" in named) await warehouse.query(createViewSql(named.name, checked.sql));
    const columns = described.map((d) => ({name: d.column_name, type: arrowType(d.column_type)}));
    results.push({rows, chart: suggestChart(columns, rows)});
  }
  return results;
}

describe("example notebooks", () => {
  it("have distinct ids and French titles", () => {
    expect(new Set(EXAMPLES.map((e) => e.id)).size).toBe(EXAMPLES.length);
    expect(EXAMPLES.map((e) => e.title)).toContain("Participants PLIE pour 1\u202f000 habitants");
  });

  it.each(EXAMPLES.map((e) => [e.title, e] as const))("%s runs on the real data", async (_, example) => {
    const results = await runNotebook(example.notebook);
    for (const result of results) expect(result.rows.length).toBeGreaterThan(0);
  });

  it("maps PLIE participants per 1 000 inhabitants, commune by commune", async () => {
    const [, rates] = await runNotebook(EXAMPLES.find((e) => e.id === "plie-pour-1000")!.notebook);
    expect(rates.rows).toHaveLength(10);
    expect(rates.rows[0]).toMatchObject({nom: "La Madeleine", participants: 106, population: 22214});
    expect(rates.rows[0].pour_1000_habitants).toBeCloseTo(4.77, 2);
    expect(rates.chart).toEqual({kind: "choropleth", x: "commune_code", y: "pour_1000_habitants"});
  });

  it("draws a line for the two-year indicators and bars for programmes", async () => {
    const [series, evolution] = await runNotebook(EXAMPLES.find((e) => e.id === "evolution")!.notebook);
    expect(series.chart).toMatchObject({kind: "line", x: "year", series: "label"});
    expect(evolution.chart).toEqual({kind: "bar", x: "label", y: "evolution_pct"});
    const [programmes] = await runNotebook(EXAMPLES.find((e) => e.id === "programmes")!.notebook);
    expect(programmes.chart).toMatchObject({kind: "bar", x: "programme", y: "chiffres"});
    const [welcome] = await runNotebook(DEFAULT_NOTEBOOK);
    expect(welcome.chart).toMatchObject({kind: "bar"});
  });
});

describe("protection of the base tables", () => {
  it("undoes whatever a statement did inside the cell's transaction", async () => {
    await warehouse.query("BEGIN TRANSACTION");
    await warehouse.query("DELETE FROM indicators");
    await warehouse.query("DROP TABLE communes");
    await warehouse.query("ROLLBACK");
    expect(await warehouse.query("SELECT count(*) AS n FROM communes")).toEqual([{n: 10}]);
    expect((await warehouse.query<{n: number}>("SELECT count(*) AS n FROM indicators"))[0].n).toBeGreaterThan(300);
  });
});
