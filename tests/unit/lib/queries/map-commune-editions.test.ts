// The map's and the commune pages' queries across editions, on the three-edition fixture
// (tests/fixtures/editions: fake values; Marcq-en-Barœul's PLIE participants are 100, 110, 130).
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {join} from "node:path";
import {
  communeIndicators,
  communeSeries,
  mapChanges,
  mapValues,
  type MapChangeRow
} from "../../../../src/lib/queries/index.js";
import {prerender, queryKey} from "../../../../src/lib/queries/snapshot.js";
import {dataPaths, loadTables, projectRoot, tableList} from "../../../../src/lib/build/datasets.js";
import {Warehouse} from "../../../../src/lib/build/warehouse.js";

const paths = dataPaths(join(projectRoot, "tests/fixtures/editions"));
let warehouse: Warehouse;
beforeAll(async () => {
  warehouse = await Warehouse.create(tableList(loadTables(paths)));
});
afterAll(() => warehouse.close());

const MARCQ = "59378";
const VERLINGHEM = "59611";
const of = <R extends {code: string}>(rows: R[], code: string) => rows.find((r) => r.code === code)!;

describe("communeIndicators across editions", () => {
  it("lists every year any edition gives, and indicators an older edition alone gives", async () => {
    const rows = await warehouse.run(communeIndicators());
    const years = Object.fromEntries(rows.map((r) => [r.indicator, r.years]));
    expect(years["plie.participants"]).toEqual([2021, 2022, 2023]);
    // Renamed since 2021 (tests/fixtures/editions/data/reports/alias.csv): one indicator, its history kept.
    expect(years["mission_locale.jeunes_accompagnes"]).toEqual([2021, 2022, 2023]);
    expect(years["mission_locale.jeunes_suivis"]).toBeUndefined();
  });
});

describe("mapValues across editions", () => {
  it("takes each year's figures from the edition that gives them", async () => {
    for (const [year, value] of [
      [2021, 100],
      [2022, 110],
      [2023, 130]
    ]) {
      const rows = await warehouse.run(mapValues("plie.participants", year, "nombre"));
      expect(rows).toHaveLength(10);
      expect(of(rows, MARCQ)).toMatchObject({raw: value, value, status: "publie"});
    }
  });
});

describe("mapChanges", () => {
  it("gives each commune's change of the count, ranked, with the mean change", async () => {
    const rows = await warehouse.run(mapChanges("plie.participants", 2021, 2023, "nombre"));
    expect(rows).toHaveLength(10);
    expect(of(rows, MARCQ)).toMatchObject({raw_from: 100, raw_to: 130, value: 30, raw: 30, rank: 1});
    expect(of(rows, VERLINGHEM)).toMatchObject({raw_from: 8, raw_to: 4, value: -4, rank: 10});
    const changes = rows.map((r) => r.value!);
    expect(rows[0].average).toBeCloseTo(changes.reduce((a, b) => a + b, 0) / changes.length, 9);
  });

  it("moves a rate in points of rate, a share in points, each year on its own total", async () => {
    const rates = await warehouse.run(mapChanges("plie.participants", 2021, 2023, "taux"));
    const marcq = of(rates, MARCQ);
    expect(marcq.value).toBeCloseTo(((130 - 100) * 1000) / marcq.population, 9);
    const shares = await warehouse.run(mapChanges("plie.participants", 2022, 2023, "part"));
    const [before, after] = await Promise.all(
      [2022, 2023].map((y) => warehouse.run(mapValues("plie.participants", y, "part")))
    );
    for (const row of shares) {
      expect(row.value!).toBeCloseTo(of(after, row.code).value! - of(before, row.code).value!, 9);
    }
    // The shares of each year sum to 100: their changes sum to 0.
    expect(shares.reduce((s, r) => s + r.value!, 0)).toBeCloseTo(0, 9);
  });

  it("has no change for a commune a year lacks", async () => {
    // No commune-level participants in 2020: no change for any commune, not a change from 0.
    const rows: MapChangeRow[] = await warehouse.run(mapChanges("plie.participants", 2020, 2023, "nombre"));
    expect(rows.every((r) => r.value === null && r.rank === null && r.status === null)).toBe(true);
  });
});

describe("communeSeries", () => {
  it("gives a commune's figures year by year across editions, only those with two years or more", async () => {
    const rows = await warehouse.run(communeSeries(MARCQ));
    expect(
      rows.filter((r) => r.indicator === "plie.participants").map((r) => [r.year, r.value, r.report_year])
    ).toEqual([
      [2021, 100, 2021],
      [2022, 110, 2022],
      [2023, 130, 2023]
    ]);
    expect(rows.some((r) => r.indicator === "mission_locale.jeunes_suivis")).toBe(false);
  });
});

describe("the prerendered first views", () => {
  it("hold every year's map and the default évolution of each indicator, not every pair", async () => {
    const results = await prerender((q) => warehouse.run(q));
    expect(results[queryKey(mapValues("plie.participants", 2021, "taux"))]).toHaveLength(10);
    expect(results[queryKey(mapChanges("plie.participants", 2022, 2023, "nombre"))]).toHaveLength(10);
    expect(results[queryKey(mapChanges("plie.participants", 2021, 2023, "nombre"))]).toBeUndefined();
    expect(results[queryKey(communeSeries(MARCQ))]?.length).toBeGreaterThanOrEqual(3);
    const changes = Object.keys(results).filter((k) => k.startsWith("mapChanges:"));
    // plie.participants (3 years) and the young people accompanied (2 years), in each mode.
    expect(changes).toHaveLength(6);
  });
});
