import {describe, expect, it} from "vitest";
import {compareYears, seriesName} from "../../../../src/lib/programme/compare.js";
import type {IndicatorRowDetail} from "../../../../src/lib/queries/index.js";

const row = (over: Partial<IndicatorRowDetail>): IndicatorRowDetail => ({
  indicator: "mission_locale.entretiens",
  label: "Entretiens",
  section: "Accueil et suivi",
  programme: "mission_locale",
  year: 2022,
  commune_code: null,
  commune: null,
  dimension: null,
  category: null,
  value: 0,
  unit: "entretiens",
  status: "publie",
  derivation: null,
  quote: "",
  ...over
});

describe("compareYears", () => {
  it("pivots years and computes the change, marking derived values", () => {
    const rows = [
      row({year: 2021, value: 13541.03, status: "derive"}),
      row({year: 2022, value: 15843}),
      row({indicator: "mission_locale.entretiens_evolution", year: 2022, value: 17, unit: "evolution_pct"})
    ];
    const [only] = compareYears(rows, 2021, 2022);
    expect(only.series).toBe("Ensemble du territoire");
    expect(only.previous).toBeCloseTo(13541.03);
    expect(only.current).toBe(15843);
    expect(only.change).toBeCloseTo(2301.97);
    expect(only.change_pct).toBeCloseTo(17, 1);
    expect(only.derived).toBe(true);
  });

  it("keeps series apart and leaves a missing year empty", () => {
    const rows = [
      row({dimension: "sexe", category: "femmes", year: 2021, value: 49, unit: "pourcent"}),
      row({dimension: "sexe", category: "femmes", year: 2022, value: 55, unit: "pourcent"}),
      row({dimension: "sexe", category: "hommes", year: 2022, value: 45, unit: "pourcent"})
    ];
    const result = compareYears(rows, 2021, 2022);
    expect(result).toEqual([
      {
        series: "sexe : femmes",
        previous: 49,
        current: 55,
        change: 6,
        change_pct: expect.closeTo(12.24, 2),
        derived: false
      },
      {series: "sexe : hommes", previous: null, current: 45, change: null, change_pct: null, derived: false}
    ]);
  });

  it("names series", () => {
    expect(seriesName({commune: "Lompret", dimension: null, category: null})).toBe("Lompret");
  });
});
