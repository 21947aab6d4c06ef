// The comparison page's list of communes from the URL, its figures, and gaps said with their unit.
import {describe, expect, it} from "vitest";
import {
  compareHref,
  comparedFigures,
  parseCompared,
  pointGapWords,
  rateGapWords
} from "../../../../src/lib/commune/compare.js";
import {loadCommunes} from "../../../../src/lib/build/datasets.js";
import type {CommuneProfileRow} from "../../../../src/lib/queries/index.js";

const known = loadCommunes().map((c) => ({code: c.code, nom: c.nom}));

describe("parseCompared", () => {
  it("keeps two to four known communes in the URL's order, without duplicates", () => {
    expect(parseCompared("59636,59378", known)).toEqual({codes: ["59636", "59378"]});
    expect(parseCompared("59636, 59378,59636", known)).toEqual({codes: ["59636", "59378"]});
  });

  it("names unknown codes, too few and too many, in French", () => {
    const unknown = parseCompared("59636,99999", known);
    expect(unknown).toMatchObject({codes: ["59636"]});
    expect("error" in unknown && unknown.error).toMatch(
      /^Code inconnu : « 99999 »\. Les codes INSEE des dix communes sont .*59636 \(Wambrechies\)/
    );
    expect("error" in parseCompared("59636", known) && parseCompared("59636", known)).toMatchObject({
      error: "Choisissez au moins 2 communes à comparer (une seule choisie)."
    });
    expect(parseCompared(null, known)).toMatchObject({error: expect.stringMatching(/aucune choisie/)});
    const many = known
      .slice(0, 5)
      .map((c) => c.code)
      .join(",");
    expect(parseCompared(many, known)).toMatchObject({
      error: expect.stringMatching(/au plus 4 communes/),
      codes: known.slice(0, 4).map((c) => c.code)
    });
  });

  it("builds the page's address", () => {
    expect(compareHref(["59636", "59378"])).toBe("/communes/comparer?communes=59636,59378");
  });
});

describe("comparedFigures", () => {
  const row = (indicator: string, rate: number, territory_rate: number) =>
    ({
      indicator,
      label: indicator,
      programme: "plie",
      unit: "participants",
      year: 2022,
      rate,
      territory_rate
    }) as CommuneProfileRow;
  it("groups the figures by indicator, communes in the order asked, population left out", () => {
    const figures = comparedFigures([
      {code: "a", nom: "A", rows: [row("territoire.population", 0, 0), row("plie.x", 2, 3), row("plie.y", 1, 1)]},
      {code: "b", nom: "B", rows: [row("plie.x", 4, 3)]}
    ]);
    expect(figures.map((f) => f.indicator)).toEqual(["plie.x", "plie.y"]);
    expect(figures[0].rows.map((r) => r.code)).toEqual(["a", "b"]);
    expect(figures[0].territoryRate).toBe(3);
    expect(figures[1].rows.map((r) => r.code)).toEqual(["a"]);
  });
});

describe("gaps in words", () => {
  it("says the unit of a gap", () => {
    expect(rateGapWords(-0.2812)).toBe("−0,28 pour 1\u202f000 habitants");
    expect(rateGapWords(1.5)).toBe("+1,5 pour 1\u202f000 habitants");
    expect(rateGapWords(0.001)).toBe("0 pour 1\u202f000 habitants (égal)");
    expect(pointGapWords(-3)).toBe("−3 points");
    expect(pointGapWords(0.54)).toBe("+0,5 point");
    expect(pointGapWords(0.01)).toBe("0 point");
  });
});
