import {describe, expect, it} from "vitest";
import {timeSeries} from "../../../../src/lib/programme/series.js";
import {row} from "./rows.js";

describe("timeSeries", () => {
  it("draws the territory over its years, with each point's edition and its change", () => {
    const rows = [
      row({year: 2023, value: 17000, report_year: 2023}),
      row({year: 2021, value: 15000, report_year: 2021}),
      row({year: 2022, value: 16000, report_year: 2022}),
      row({year: 2023, value: 900, commune_code: "59328", commune: "Lambersart", report_year: 2023}),
      row({year: 2022, value: 800, commune_code: "59328", commune: "Lambersart", report_year: 2022}),
      row({indicator: "mission_locale.entretiens_evolution", year: 2023, value: 6.2, unit: "evolution_pct"})
    ];
    const [territory, ...others] = timeSeries(rows);
    expect(others).toEqual([]);
    expect(territory.dimension).toBeNull();
    const points = territory.lines[0].points;
    expect(points.map((p) => [p.year, p.value, p.edition])).toEqual([
      [2021, 15000, 2021],
      [2022, 16000, 2022],
      [2023, 17000, 2023]
    ]);
    expect(points[0].change).toBeNull();
    expect(points[2].change).toMatchObject({absolute: 1000, direction: "hausse"});
    expect(points[2].change?.relative).toBeCloseTo(6.25, 6);
    // The report's own evolution of 2023 (6,2 %) goes with the point, beside the computed 6,25 %.
    expect(points.map((p) => p.printedEvolution)).toEqual([null, null, 6.2]);
  });

  it("has no line for a single year, and draws a breakdown's categories that have two years", () => {
    const share = {unit: "pourcent", indicator: "plie.nouvelles_entrees_part"};
    const rows = [
      row({...share, year: 2022, value: 55, dimension: "sexe", category: "femmes"}),
      row({...share, year: 2021, value: 49, dimension: "sexe", category: "femmes", status: "derive"}),
      row({...share, year: 2022, value: 45, dimension: "sexe", category: "hommes"}),
      row({...share, year: 2022, value: 69, dimension: "niveau", category: "≤ CAP"})
    ];
    const series = timeSeries(rows);
    expect(series.map((s) => [s.dimension, s.lines.map((l) => l.name)])).toEqual([["sexe", ["femmes"]]]);
    const [, latest] = series[0].lines[0].points;
    expect(latest.change).toMatchObject({absolute: 6, inPoints: true});
    expect(latest.changeDerived).toBe(true);
    expect(timeSeries([row({year: 2022, value: 1})])).toEqual([]);
  });
});
