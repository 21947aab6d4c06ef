import {describe, expect, it} from "vitest";
import {
  FormulaError,
  evaluate,
  formatSelector,
  matches,
  parseFormula,
  references
} from "../../../../src/lib/validation/formula.js";

const row = (over: Partial<Parameters<typeof matches>[0]>) => ({
  indicator: "plie.participants",
  year: 2022,
  commune_code: null,
  dimension: null,
  category: null,
  status: "publie",
  ...over
});

describe("parseFormula", () => {
  it("parses arithmetic with precedence and parentheses", () => {
    expect(evaluate(parseFormula("1 + 2 * 3"), () => [])).toBe(7);
    expect(evaluate(parseFormula("(1 + 2) * 3"), () => [])).toBe(9);
    expect(evaluate(parseFormula("10 - 4 - 3"), () => [])).toBe(3);
    expect(evaluate(parseFormula("-2 + 8 / 4"), () => [])).toBe(0);
  });

  it("parses references with filters, quoted values and sums", () => {
    const refs = references(
      parseFormula(
        'a.b[2022] / (1 + a.c[2022; territoire="hors MNO"] / 100) - sum(a.d[2021; commune=*; status=publie])'
      )
    ).map((r) => [formatSelector(r.selector), r.many]);
    expect(refs).toEqual([
      ["a.b[2022]", false],
      ['a.c[2022; territoire="hors MNO"]', false],
      ["a.d[2021; commune=*; status=publie]", true]
    ]);
  });

  it("accepts accented dimension names", () => {
    expect(formatSelector(references(parseFormula("a.b[2022; âge=moins de 25 ans]"))[0].selector)).toBe(
      'a.b[2022; âge="moins de 25 ans"]'
    );
  });

  it.each([
    ["a.b[22]", /année/],
    ["a.b[2022", /« \] » attendu/],
    ["foo[2022]", /n'est pas un indicateur/],
    ["1 +", /attendu/],
    ["a.b[2022] a.c[2022]", /inattendu/],
    ["sum(a.b[2022]", /« \) » attendu/],
    ['a.b[2022; x="y]', /guillemet/]
  ])("rejects « %s »", (formula, reason) => {
    expect(() => parseFormula(formula)).toThrow(FormulaError);
    expect(() => parseFormula(formula)).toThrow(reason);
  });
});

describe("matches", () => {
  const selector = (text: string) => references(parseFormula(text))[0].selector;

  it("matches territory rows without breakdown unless told otherwise", () => {
    expect(matches(row({}), selector("plie.participants[2022]"))).toBe(true);
    expect(matches(row({commune_code: "59328"}), selector("plie.participants[2022]"))).toBe(false);
    expect(matches(row({dimension: "sexe", category: "femmes"}), selector("plie.participants[2022]"))).toBe(false);
    expect(matches(row({year: 2021}), selector("plie.participants[2022]"))).toBe(false);
  });

  it("filters by commune, dimension and status, with wildcards", () => {
    expect(matches(row({commune_code: "59328"}), selector("plie.participants[2022; commune=*]"))).toBe(true);
    expect(matches(row({commune_code: "59328"}), selector("plie.participants[2022; commune=59356]"))).toBe(false);
    expect(
      matches(row({dimension: "sexe", category: "femmes"}), selector("plie.participants[2022; sexe=femmes]"))
    ).toBe(true);
    expect(matches(row({dimension: "sexe", category: "hommes"}), selector("plie.participants[2022; sexe=*]"))).toBe(
      true
    );
    expect(matches(row({dimension: "âge", category: "x"}), selector("plie.participants[2022; sexe=*]"))).toBe(false);
    expect(
      matches(row({commune_code: "1", status: "derive"}), selector("plie.participants[2022; commune=*; status=publie]"))
    ).toBe(false);
  });
});
