// Queries across editions, on the three-edition fixture (tests/fixtures/editions: fake values).
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {join} from "node:path";
import {editionList} from "../../../../src/lib/queries/index.js";
import {query} from "../../../../src/lib/queries/query.js";
import {FIGURES} from "../../../../src/lib/queries/fragments.js";
import {dataPaths, loadEditionInfo, loadTables, projectRoot, tableList} from "../../../../src/lib/build/datasets.js";
import {Warehouse} from "../../../../src/lib/build/warehouse.js";

const paths = dataPaths(join(projectRoot, "tests/fixtures/editions"));
let warehouse: Warehouse;
beforeAll(async () => {
  warehouse = await Warehouse.create(tableList(loadTables(paths)));
});
afterAll(() => warehouse.close());

describe("editionList", () => {
  it("lists every edition, oldest first, with its figures", async () => {
    const rows = await warehouse.run(editionList());
    expect(rows.map((r) => r.report_year)).toEqual([2021, 2022, 2023]);
    expect(rows[2].derived).toBe(1);
    expect(rows[2].years).toContain(2022);
    expect(rows.every((r) => r.figures === r.published + r.derived)).toBe(true);
  });
});

describe("FIGURES", () => {
  const series = (indicator: string) =>
    warehouse.run(
      query<{year: number; value: number; status: string; report_year: number}>(
        "test",
        `SELECT year, value, status, report_year FROM ${FIGURES} f
         WHERE indicator = ? AND commune_code IS NULL AND dimension IS NULL ORDER BY year`,
        [indicator]
      )
    );

  it("keeps one value per year, a printed one before a derived one", async () => {
    // 2022 is printed by the 2022 edition (16 000) and derived by the 2023 edition (≈ 16 008).
    expect(await series("mission_locale.entretiens")).toEqual([
      {year: 2021, value: 15000, status: "publie", report_year: 2021},
      {year: 2022, value: 16000, status: "publie", report_year: 2022},
      {year: 2023, value: 17000, status: "publie", report_year: 2023}
    ]);
  });

  it("takes each year from its own edition", async () => {
    const rows = await series("plie.participants");
    expect(rows.map((r) => [r.year, r.report_year])).toEqual([
      [2021, 2021],
      [2022, 2022],
      [2023, 2023]
    ]);
  });
});

describe("loadEditionInfo", () => {
  it("reads the editions from the folders and the census year from the communes", () => {
    expect(loadEditionInfo(paths)).toEqual({editions: [2021, 2022, 2023], latest: 2023, populationYear: 2020});
    expect(loadEditionInfo().latest).toBe(2022);
  });
});
