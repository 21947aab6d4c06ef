// The pages' named queries, run in DuckDB for Node on the real data.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {communeIndicators, communeProfile, headlines, mapValues, tableCounts} from "../../src/components/queries.js";
import {loadTables} from "../../src/lib/datasets.js";
import {Warehouse} from "../../src/lib/warehouse.js";

let warehouse: Warehouse;
beforeAll(async () => {
  const tables = loadTables();
  warehouse = await Warehouse.create([tables.indicators, tables.communes]);
});
afterAll(() => warehouse.close());

describe("headlines", () => {
  it("returns the asked indicators in order, with evolution and previous level", async () => {
    const rows = await warehouse.run(headlines(["mission_locale.entretiens", "plie.participants"]));
    expect(rows.map((r) => r.indicator)).toEqual(["mission_locale.entretiens", "plie.participants"]);
    expect(rows[0]).toMatchObject({value: 15843, year: 2022, evolution: 17, previous_status: "derive"});
    expect(rows[0].previous).toBeCloseTo(15843 / 1.17, 6);
    expect(rows[1]).toMatchObject({value: 453, evolution: null, previous: null});
  });

  it("treats an indicator name as data, not SQL", async () => {
    expect(await warehouse.run(headlines(["x' OR '1'='1"]))).toEqual([]);
  });
});

describe("communeIndicators", () => {
  it("lists every indicator published by commune, with its years", async () => {
    const rows = await warehouse.run(communeIndicators());
    expect(rows.map((r) => r.indicator)).toEqual(
      expect.arrayContaining(["territoire.population", "plie.participants", "plie.nouvelles_entrees", "plie.sorties_positives"])
    );
    expect(rows.find((r) => r.indicator === "plie.participants")?.years).toEqual([2022]);
    expect(rows[0].programme).toBe("territoire");
  });
});

describe("mapValues", () => {
  it("gives counts, ranks and the mean per commune", async () => {
    const rows = await warehouse.run(mapValues("plie.participants", 2022, "nombre"));
    expect(rows).toHaveLength(10);
    const marcq = rows.find((r) => r.code === "59378")!;
    expect(marcq).toMatchObject({nom: "Marcq-en-Barœul", raw: 108, value: 108, rank: 1, status: "publie"});
    expect(marcq.average).toBeCloseTo(45.3, 6);
  });

  it("gives rates per 1 000 inhabitants against the territory's rate", async () => {
    const rows = await warehouse.run(mapValues("plie.participants", 2022, "taux"));
    const madeleine = rows.find((r) => r.code === "59368")!;
    expect(madeleine.value).toBeCloseTo((106 * 1000) / 22214, 6);
    expect(madeleine.rank).toBe(1);
    expect(rows[0].average).toBeCloseTo((453 * 1000) / 143439, 6);
  });

  it("gives shares of the territory that sum to 100", async () => {
    const rows = await warehouse.run(mapValues("plie.nouvelles_entrees", 2022, "part"));
    expect(rows.reduce((s, r) => s + (r.value ?? 0), 0)).toBeCloseTo(100, 6);
    expect(rows.find((r) => r.code === "59356")).toMatchObject({raw: 0, value: 0, rank: 10});
  });

  it("marks derived zeros as derived", async () => {
    const rows = await warehouse.run(mapValues("plie.sorties_positives", 2022, "nombre"));
    expect(rows.find((r) => r.code === "59611")).toMatchObject({raw: 0, status: "derive"});
  });
});

describe("tableCounts", () => {
  it("counts each table's rows", async () => {
    const rows = await warehouse.run(tableCounts());
    expect(rows.find((r) => r.table_name === "communes")?.rows).toBe(10);
  });
});

describe("communeProfile", () => {
  it("gives each commune-level figure with rate, ranks, territory references and shares", async () => {
    const rows = await warehouse.run(communeProfile("59378"));
    const participants = rows.find((r) => r.indicator === "plie.participants")!;
    expect(participants).toMatchObject({value: 108, rank: 1, communes: 10, total: 453, population: 38604});
    expect(participants.rate).toBeCloseTo(108000 / 38604, 6);
    expect(participants.territory_rate).toBeCloseTo(453000 / 143439, 6);
    expect(participants.share).toBeCloseTo(10800 / 453, 6);
    expect(participants.population_share).toBeCloseTo(3860400 / 143439, 6);
    expect(rows.map((r) => r.indicator)).toContain("territoire.population");
  });
});
