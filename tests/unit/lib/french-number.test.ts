import {describe, expect, it} from "vitest";
import {FrenchNumberError, findFrenchNumbers, parseFrenchNumber} from "../../../src/lib/french-number.js";

describe("parseFrenchNumber", () => {
  it.each([
    ["37 829", 37829],
    ["37\u00a0829", 37829],
    ["37\u202f829", 37829],
    ["120 566,50 €", 120566.5],
    ["2 630 436,43 €", 2630436.43],
    ["517,50", 517.5],
    ["12,7%", 12.7],
    ["12,7 %", 12.7],
    ["-4,1%", -4.1],
    ["−4,1 %", -4.1],
    ["+17 %", 17],
    ["2,8 millions", 2_800_000],
    ["249 K", 249_000],
    ["1 M", 1_000_000],
    ["0", 0],
    ["  453 ", 453],
    ["2 791 287,49 euros", 2791287.49]
  ])("reads « %s » as %d", (text, expected) => {
    expect(parseFrenchNumber(text)).toBe(expected);
  });

  it.each([
    ["", /vide/],
    ["12.5", /virgule/],
    ["1.234.567", /milliers/],
    ["abc", /format français/],
    ["12 34", /format français/],
    ["1,2,3", /format français/],
    ["12 %%", /format français/]
  ])("rejects « %s »", (text, reason) => {
    expect(() => parseFrenchNumber(text)).toThrow(FrenchNumberError);
    expect(() => parseFrenchNumber(text)).toThrow(reason);
  });
});

describe("findFrenchNumbers", () => {
  const values = (text: string) => findFrenchNumbers(text).map((t) => t.value);

  it("groups thousands and keeps separate numbers apart", () => {
    expect(values("8 745 demandeurs d’emploi de catégorie A, B et C (-4,1%*)")).toEqual([8745, -4.1]);
    expect(values("18 714 visiteurs en 2022 84 870 pages visitées")).toEqual([18714, 2022, 84870]);
  });

  it("does not read a hyphen between words or numbers as a minus sign", () => {
    expect(values("50 % sont âgés de 18-21 ans")).toEqual([50, 18, 21]);
    expect(values("453 participants en parcours - 93 nouvelles entrées")).toEqual([453, 93]);
  });

  it("reads scales but not the M of MNO", () => {
    expect(values("249 K utilisateurs atteints")).toEqual([249_000]);
    expect(values("1 M impressions")).toEqual([1_000_000]);
    expect(values("61 participants dont 57 de MNO")).toEqual([61, 57]);
    expect(values("2,8 millions d’euros")).toEqual([2_800_000]);
  });

  it("reads every kind of space", () => {
    expect(values("37\u202f829 h et 6\u00a0042 h")).toEqual([37829, 6042]);
  });
});
