import {describe, expect, it} from "vitest";
import {rowGroups} from "../../../../src/lib/programme/row-groups.js";
import {row} from "./rows.js";

describe("rowGroups", () => {
  it("puts the territory first, each breakdown apart, the communes last", () => {
    const rows = [
      row({value: 1, commune_code: "59328", commune: "Lambersart"}),
      row({value: 2, dimension: "sexe", category: "femmes"}),
      row({value: 3}),
      row({value: 4, commune_code: "59356", commune: "Lompret"}),
      row({value: 5, dimension: "sexe", category: "hommes"}),
      row({value: 6, dimension: "niveau", category: "≤ CAP"}),
      row({indicator: "mission_locale.entretiens_evolution", value: 7, unit: "evolution_pct"})
    ];
    const groups = rowGroups(rows);
    expect(groups.map((g) => [g.key, g.title, g.rows.map((r) => r.value)])).toEqual([
      ["territoire", "Ensemble du territoire", [3, 7]],
      ["dimension:sexe", "Selon sexe", [2, 5]],
      ["dimension:niveau", "Selon niveau", [6]],
      ["communes", "Par commune", [1, 4]]
    ]);
  });
});
