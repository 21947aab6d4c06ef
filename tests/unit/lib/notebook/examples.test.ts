// Every example notebook runs on the real data in DuckDB for Node, cell after cell, the way the
// explorer runs it (guard, parameters bound, rows capped, rolled-back transaction, named results
// as views), and gets the chart it was written for; its JavaScript and Markdown cells are
// evaluated from their parsed bodies with Arquero (cells that draw with Plot need a page: e2e).
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {join} from "node:path";
import {dataPaths, loadTables, projectRoot} from "../../../../src/lib/build/datasets.js";
import {Warehouse} from "../../../../src/lib/build/warehouse.js";
import {EXAMPLES, DEFAULT_NOTEBOOK} from "../../../../src/lib/notebook/examples.js";
import {checkStatement} from "../../../../src/lib/notebook/guard.js";
import {cellName} from "../../../../src/lib/notebook/cell-name.js";
import {createViewSql, limitedSql} from "../../../../src/lib/notebook/run-plan.js";
import {suggestChart} from "../../../../src/lib/notebook/chart-suggest.js";
import type {NotebookDocument} from "../../../../src/lib/notebook/notebook.js";
import {bindSqlParameters, setVariableSql} from "../../../../src/lib/notebook/sql-params.js";
import {parseJavaScriptCell, parseMarkdownCell} from "../../../../src/lib/notebook/js-cell.js";
import * as aq from "arquero";

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;

/** A code cell's body run in Node with the names it reads (no sandbox, no DOM). */
async function evaluate(body: string, names: string[], scope: Map<string, unknown>): Promise<Record<string, unknown>> {
  const missing = names.filter((n) => !scope.has(n));
  if (missing.length) throw new Error(`undefined: ${missing.join(", ")}`);
  return new AsyncFunction(...names, "aq", "op", body)(...names.map((n) => scope.get(n)), aq, aq.op);
}

let warehouse: Warehouse;
/** The three-edition fixture (fake values): the examples must not depend on one edition. */
let editions: Warehouse;
beforeAll(async () => {
  const tables = loadTables();
  warehouse = await Warehouse.create([tables.indicators, tables.communes]);
  const fixture = loadTables(dataPaths(join(projectRoot, "tests/fixtures/editions")));
  editions = await Warehouse.create([fixture.indicators, fixture.communes]);
});
afterAll(() => {
  warehouse.close();
  editions.close();
});

/** Column types as the browser engine names them (Arrow), from DuckDB's SQL types. */
function arrowType(sqlType: string): string {
  if (/INT|DOUBLE|FLOAT|DECIMAL/.test(sqlType)) return "Float64";
  if (sqlType === "VARCHAR") return "Utf8";
  return sqlType;
}

async function runNotebook(doc: NotebookDocument, scope = new Map<string, unknown>(), db = warehouse) {
  const results = [];
  const texts: string[] = [];
  for (const cell of doc.cells) {
    if (cell.kind === "js") {
      const parsed = parseJavaScriptCell(cell.source);
      if (!parsed.ok) throw new Error(parsed.problem.message);
      // A view's value is its input's initial value: Inputs.range's `value` option.
      if (parsed.views.length) {
        for (const name of parsed.views) scope.set(name, Number(/value: (\d+)/.exec(cell.source)![1]));
        continue;
      }
      if (parsed.inputs.includes("Plot") || /Plot\./.test(cell.source)) continue;
      for (const [name, value] of Object.entries(await evaluate(parsed.body, parsed.inputs, scope)))
        scope.set(name, value);
      continue;
    }
    if (cell.kind === "md") {
      const parsed = parseMarkdownCell(cell.source);
      if (!parsed.ok) throw new Error(parsed.problem.message);
      const {values} = (await evaluate(parsed.body, parsed.inputs, scope)) as {values: unknown[]};
      let k = 0;
      texts.push(parsed.parts.map((p) => ("text" in p ? p.text : String(values[k++]))).join(""));
      continue;
    }
    const bound = bindSqlParameters(cell.source);
    if (!bound.ok) throw new Error(bound.message);
    for (const param of bound.params) await db.query(setVariableSql(param), [scope.get(param) as number]);
    const checked = checkStatement(bound.sql);
    if (!checked.ok) throw new Error(checked.reason);
    const named = cellName(cell.source, ["indicators", "communes"]);
    await db.query("BEGIN TRANSACTION");
    let rows: Record<string, unknown>[];
    let described: {column_name: string; column_type: string}[];
    try {
      rows = await db.query(limitedSql(checked.sql));
      described = await db.query(`DESCRIBE ${limitedSql(checked.sql)}`);
    } finally {
      await db.query("ROLLBACK");
    }
    if (named && "name" in named) {
      await db.query(createViewSql(named.name, checked.sql));
      scope.set(named.name, rows);
      scope.set(`${named.name}_aq`, aq.from(rows));
    }
    const columns = described.map((d) => ({name: d.column_name, type: arrowType(d.column_type)}));
    results.push({rows, chart: suggestChart(columns, rows)});
  }
  return Object.assign(results, {texts, scope});
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

  it("rates PLIE participants per 1 000 inhabitants: SQL, then Arquero, then a Markdown sentence", async () => {
    const run = await runNotebook(EXAMPLES.find((e) => e.id === "plie-pour-1000")!.notebook);
    const [participants] = run;
    expect(participants.rows).toHaveLength(10);
    const taux = run.scope.get("taux") as aq.ColumnTable;
    expect(taux.objects()[0]).toMatchObject({nom: "La Madeleine", participants: 106, population: 22214});
    expect(taux.get("pour_1000", 0)).toBeCloseTo((106 * 1000) / 22214, 2);
    const sentence = run.texts[0];
    expect(sentence).toContain("**La Madeleine**");
    // The site's number format: a narrow no-break space in « 1 000 », in the sentence and on the chart.
    expect(sentence).toContain(`${taux.get("pour_1000", 0)} pour 1\u202f000 habitants`);
    const cells = EXAMPLES.find((e) => e.id === "plie-pour-1000")!.notebook.cells;
    expect(cells.map((c) => c.source).join("\n")).not.toMatch(/1 000/);
    expect(cells[2].source).toContain('label: "Participants pour 1\u202f000 habitants"');
    expect(sentence).toContain("(106 participants en 2022)");
  });

  it("filters by the slider's value, bound as a parameter", async () => {
    const scope = new Map<string, unknown>();
    const run = await runNotebook(EXAMPLES.find((e) => e.id === "curseur")!.notebook, scope);
    const seuil = scope.get("seuil") as number;
    const rows = run[0].rows as {participants: number}[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.participants >= seuil)).toBe(true);
    expect(run.texts[0]).toBe(
      `${rows.length} communes comptent au moins ${seuil} participants au PLIE dans la dernière édition du rapport.`
    );
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

describe("example notebooks across editions", () => {
  it.each(EXAMPLES.map((e) => [e.title, e] as const))("%s runs on three editions", async (_, example) => {
    const results = await runNotebook(example.notebook, new Map(), editions);
    // The fixture has no breakdown by sector: that example finds nothing there, without an error.
    if (example.id === "sorties-secteur") return;
    for (const result of results) expect(result.rows.length).toBeGreaterThan(0);
  });

  it("take the latest edition's latest year, from the data", async () => {
    const run = await runNotebook(EXAMPLES.find((e) => e.id === "plie-pour-1000")!.notebook, new Map(), editions);
    const rows = run[0].rows as {annee: number; participants: number}[];
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r.annee))).toEqual(new Set([2023]));
    expect(rows.reduce((sum, r) => sum + r.participants, 0)).toBe(520);
    expect(run.texts[0]).toContain("participants en 2023)");
  });

  it("say what changed year after year from the printed values", async () => {
    const [series, evolution] = await runNotebook(
      EXAMPLES.find((e) => e.id === "evolution")!.notebook,
      new Map(),
      editions
    );
    const entretiens = (series.rows as {label: string; year: number; valeur: number; status: string}[]).filter(
      (r) => r.label === "Entretiens"
    );
    // 2022 is printed by the 2022 edition (16 000) and derived by the 2023 one (≈ 16 008).
    expect(entretiens.map((r) => [r.year, r.valeur, r.status])).toEqual([
      [2021, 15000, "publie"],
      [2022, 16000, "publie"],
      [2023, 17000, "publie"]
    ]);
    const changes = (evolution.rows as {label: string; year: number; evolution_pct: number}[]).filter(
      (r) => r.label === "Entretiens"
    );
    expect(changes.map((r) => [r.year, r.evolution_pct])).toEqual([
      [2022, 6.7],
      [2023, 6.3]
    ]);
    expect(series.chart).toMatchObject({kind: "line", x: "year", series: "label"});
    expect(evolution.chart).toMatchObject({kind: "line", x: "year", y: "evolution_pct"});
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
