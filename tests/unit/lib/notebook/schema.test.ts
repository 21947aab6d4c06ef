// The schema panel's queries, run in DuckDB for Node on the real tables.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {loadTables} from "../../../../src/lib/build/datasets.js";
import {Warehouse} from "../../../../src/lib/build/warehouse.js";
import {
  SCHEMA_SQL,
  type SchemaRow,
  completionSchema,
  groupSchema,
  rowCountsSql,
  sampleSql
} from "../../../../src/lib/notebook/schema.js";
import {createViewSql} from "../../../../src/lib/notebook/run-plan.js";

let warehouse: Warehouse;
beforeAll(async () => {
  const tables = loadTables();
  warehouse = await Warehouse.create([tables.indicators, tables.communes]);
  await warehouse.query(createViewSql("participants", "SELECT commune_code, value FROM indicators"));
});
afterAll(() => warehouse.close());

describe("schema", () => {
  it("lists base tables with their columns in order, then named results", async () => {
    const tables = groupSchema(await warehouse.query<SchemaRow>(SCHEMA_SQL));
    expect(tables.map((t) => [t.name, t.origin])).toEqual([
      ["communes", "base"],
      ["indicators", "base"],
      ["participants", "result"]
    ]);
    expect(tables[0].columns.slice(0, 3)).toEqual([
      {name: "code", type: "VARCHAR"},
      {name: "nom", type: "VARCHAR"},
      {name: "population", type: "INTEGER"}
    ]);
    expect(tables[1].columns.map((c) => c.name)).toContain("commune_code");
    expect(completionSchema(tables).participants).toEqual(["commune_code", "value"]);
  });

  it("counts rows and samples any table, whatever its name", async () => {
    const counts = await warehouse.query<{t: string; n: number}>(rowCountsSql(["communes", "participants"]));
    expect(counts).toEqual([
      {t: "communes", n: 10},
      {t: "participants", n: expect.any(Number)}
    ]);
    expect(await warehouse.query(sampleSql("communes", 2))).toHaveLength(2);
    expect(rowCountsSql(["l'an"])).toBe(`SELECT 'l''an' AS t, count(*) AS n FROM "l'an"`);
  });
});
