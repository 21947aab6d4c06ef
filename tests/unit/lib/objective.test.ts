// Results beside their objectives: pairs found from the slugs, words in French with the gap's unit.
import {describe, expect, it} from "vitest";
import {isObjective, objectiveOf, objectivePairs, objectiveWords} from "../../../src/lib/objective.js";

const units = {participants: "participants", pourcent: "%"};

describe("objective pairs", () => {
  it("pairs an indicator with its `_objectif` slug, whatever the values", () => {
    expect(objectiveOf("plie.sorties_positives_taux")).toBe("plie.sorties_positives_taux_objectif");
    expect(
      objectivePairs(["plie.participants", "plie.sorties_positives_taux", "plie.sorties_positives_taux_objectif"])
    ).toEqual([{result: "plie.sorties_positives_taux", objective: "plie.sorties_positives_taux_objectif"}]);
  });

  it("ignores an objective without its result, and a bare suffix", () => {
    expect(objectivePairs(["mde.x_objectif", "plie.participants"])).toEqual([]);
    expect(isObjective("_objectif")).toBe(false);
    expect(isObjective("plie.objectif_emploi")).toBe(false);
  });
});

describe("objectiveWords", () => {
  it("says a percentage against its objective, the gap in points", () => {
    expect(objectiveWords(48, 50, "pourcent", units)).toEqual({
      summary: "48\u202f% pour un objectif de 50\u202f%",
      gap: "2\u202fpoints sous l’objectif",
      reached: false
    });
  });

  it("says an objective passed, reached, and a count's gap in its unit", () => {
    expect(objectiveWords(53, 50, "pourcent", units).gap).toBe("objectif dépassé de 3\u202fpoints");
    expect(objectiveWords(50, 50, "pourcent", units)).toMatchObject({gap: "objectif atteint", reached: true});
    expect(objectiveWords(0.5 + 49, 50, "pourcent", units).gap).toBe("0,5\u202fpoint sous l’objectif");
    expect(objectiveWords(453, 500, "participants", units)).toEqual({
      summary: "453 participants pour un objectif de 500 participants",
      gap: "47 participants sous l’objectif",
      reached: false
    });
  });
});
