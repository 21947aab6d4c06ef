import {cpSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {dataPaths, loadCommunes, loadIndicators, projectRoot} from "../../../../src/lib/build/datasets.js";
import {listEditions} from "../../../../src/lib/build/reports.js";
import {buildCatalog} from "../../../../src/lib/build/catalog.js";
import {fixtureData} from "./fixture-editions.js";

describe("readReports on the fixture edition", () => {
  it("reads published rows, computes derived ones and keeps provenance", () => {
    const data = fixtureData();
    const rows = loadIndicators(dataPaths(data.root));
    expect(rows).toHaveLength(13);
    const lambersart = rows.find((r) => r.indicator === "plie.participants" && r.commune_code === "59328");
    expect(lambersart).toMatchObject({
      report_year: 2023,
      year: 2023,
      value: 90,
      status: "publie",
      quote: "Lambersart : 90"
    });
    const derived = rows.find((r) => r.indicator === "mission_locale.entretiens" && r.year === 2022);
    expect(derived?.status).toBe("derive");
    expect(derived?.value).toBeCloseTo(16000 / 1.012, 6);
    expect(rows.find((r) => r.category === "aides directes")?.value).toBe(234.5);
  });

  it("keeps the report's order, which the catalogue records", () => {
    const rows = loadIndicators(dataPaths(fixtureData().root));
    expect(rows[0].indicator).toBe("plie.participants");
    const catalog = buildCatalog(rows);
    expect(catalog.map((c) => [c.indicator, c.position, c.section_position])).toEqual([
      ["plie.participants", 1, 1],
      ["plie.nouvelles_entrees", 2, 1],
      ["plie.participants_part", 3, 1],
      ["mission_locale.entretiens", 4, 1],
      ["mission_locale.entretiens_evolution", 5, 1],
      ["mission_locale.aides", 6, 2]
    ]);
  });

  it("reads every edition folder: adding a year needs data, not code", () => {
    const data = fixtureData();
    cpSync(join(projectRoot, "data/reports/2022"), join(data.reports, "2022"), {recursive: true});
    expect(listEditions(data.reports).years).toEqual([2022, 2023]);
    const rows = loadIndicators(dataPaths(data.root));
    expect(new Set(rows.map((r) => r.report_year))).toEqual(new Set([2022, 2023]));
    const interviews = rows.filter((r) => r.indicator === "mission_locale.entretiens" && r.dimension === null);
    expect(interviews.map((r) => [r.report_year, r.year, r.status])).toEqual(
      expect.arrayContaining([
        [2022, 2022, "publie"],
        [2022, 2021, "derive"],
        [2023, 2023, "publie"],
        [2023, 2022, "derive"]
      ])
    );
  });
});

describe("the 2022 report", () => {
  const rows = loadIndicators();
  const find = (indicator: string, extra: Record<string, unknown> = {}) =>
    rows.filter((r) => r.indicator === indicator && Object.entries(extra).every(([k, v]) => (r as never)[k] === v));

  it("holds about 300 figures, each with its quote", () => {
    expect(rows.length).toBeGreaterThan(300);
    for (const row of rows) expect(row.quote.length).toBeGreaterThan(0);
  });

  it("has the Mission Locale's 15 843 interviews, their +17 % and the derived 2021 level", () => {
    expect(find("mission_locale.entretiens", {year: 2022, dimension: null})[0].value).toBe(15843);
    expect(find("mission_locale.entretiens_evolution", {year: 2022})[0].value).toBe(17);
    const level2021 = find("mission_locale.entretiens", {year: 2021})[0];
    expect(level2021.status).toBe("derive");
    expect(level2021.value).toBeCloseTo(15843 / 1.17, 6);
    expect(level2021.derivation).toMatch(/mission_locale\.entretiens_evolution\[2022\]/);
  });

  it("splits the PLIE's 453 participants across the ten communes", () => {
    const total = find("plie.participants", {year: 2022, commune_code: null, dimension: null})[0].value;
    const byCommune = find("plie.participants", {year: 2022}).filter((r) => r.commune_code !== null);
    expect(total).toBe(453);
    expect(byCommune).toHaveLength(10);
    expect(byCommune.reduce((s, r) => s + r.value, 0)).toBe(453);
  });

  it("gives every per-commune table its ten communes, absent ones as derived zeros", () => {
    const codes = new Set(loadCommunes().map((c) => c.code));
    for (const indicator of [
      "territoire.population",
      "plie.participants",
      "plie.nouvelles_entrees",
      "plie.sorties_positives"
    ]) {
      const communes = rows.filter((r) => r.indicator === indicator && r.commune_code !== null);
      expect(new Set(communes.map((r) => r.commune_code)), indicator).toEqual(codes);
    }
    const zeros = find("plie.sorties_positives").filter((r) => r.status === "derive");
    expect(zeros.map((r) => [r.commune_code, r.value]).sort()).toEqual([
      ["59356", 0],
      ["59611", 0]
    ]);
  });

  it("matches the census populations of the commune table", () => {
    for (const commune of loadCommunes()) {
      expect(find("territoire.population", {commune_code: commune.code})[0].value, commune.nom).toBe(
        commune.population
      );
    }
  });

  it("keeps 2021 values as 2021 rows and census population as 2020", () => {
    expect(find("territoire.population").every((r) => r.year === 2020)).toBe(true);
    expect(find("territoire.emploi_salarie_prive", {dimension: null})[0].year).toBe(2021);
    expect(rows.some((r) => r.year === 2021 && r.status === "publie" && r.unit === "pourcent" && r.value === 49)).toBe(
      true
    );
  });

  it("keeps shares within 0–100 and evolutions apart", () => {
    for (const r of rows.filter((r) => r.unit === "pourcent")) expect(r.value).toBeGreaterThanOrEqual(0);
    for (const r of rows.filter((r) => r.unit === "pourcent")) expect(r.value).toBeLessThanOrEqual(100);
    for (const r of rows.filter((r) => r.unit === "evolution_pct")) expect(r.indicator).toMatch(/_evolution$/);
    expect(rows.filter((r) => r.unit === "evolution_pct").some((r) => r.value < 0)).toBe(true);
  });
});
