import {describe, expect, it} from "vitest";
import {compareYears, seriesName} from "../../../../src/lib/programme/compare.js";
import {row} from "./rows.js";

describe("compareYears", () => {
  it("pivots years and computes the change in the unit and in %, marking derived values", () => {
    const rows = [
      row({year: 2021, value: 13541.03, status: "derive"}),
      row({year: 2022, value: 15843}),
      row({indicator: "mission_locale.entretiens_evolution", year: 2022, value: 17, unit: "evolution_pct"})
    ];
    const [only] = compareYears(rows, 2021, 2022);
    expect(only.series).toBe("Ensemble du territoire");
    expect(only.previous).toBeCloseTo(13541.03);
    expect(only.current).toBe(15843);
    expect(only.change?.absolute).toBeCloseTo(2301.97);
    expect(only.change?.relative).toBeCloseTo(17, 1);
    expect([only.previousDerived, only.currentDerived, only.derived]).toEqual([true, false, true]);
  });

  it("moves a share in points, without a change in %, and leaves a missing year empty", () => {
    const rows = [
      row({dimension: "niveau", category: "≤ CAP", year: 2021, value: 56, unit: "pourcent"}),
      row({dimension: "niveau", category: "≤ CAP", year: 2022, value: 69, unit: "pourcent"}),
      row({dimension: "sexe", category: "hommes", year: 2022, value: 45, unit: "pourcent"})
    ];
    const [cap, men] = compareYears(rows, 2021, 2022);
    expect(cap).toMatchObject({series: "niveau : ≤ CAP", previous: 56, current: 69, derived: false});
    expect(cap.change).toMatchObject({absolute: 13, relative: null, inPoints: true, direction: "hausse"});
    expect(men).toMatchObject({series: "sexe : hommes", previous: null, current: 45, change: null});
  });

  it("names series", () => {
    expect(seriesName({commune: "Lompret", dimension: null, category: null})).toBe("Lompret");
    expect(seriesName({commune: null, dimension: "sexe", category: "femmes"})).toBe("sexe : femmes");
  });
});
