import {describe, expect, it} from "vitest";
import {columnKind, isCommuneCodeName, isYearName} from "../../../../src/lib/notebook/column-types.js";
import {csvValue, decimalsFor, formatResultValue} from "../../../../src/lib/notebook/values.js";

const NNBSP = "\u202f";

describe("column types", () => {
  it("reads the engine's Arrow type names", () => {
    expect(["Int32", "Float64", "Uint8", "Decimal[10e+2]"].map(columnKind)).toEqual([
      "number",
      "number",
      "number",
      "number"
    ]);
    expect(columnKind("Utf8")).toBe("text");
    expect(columnKind("Date32<DAY>")).toBe("date");
    expect(columnKind("Timestamp<MICROSECOND, UTC>")).toBe("date");
    expect(columnKind("Bool")).toBe("boolean");
    expect(columnKind("List<Utf8>")).toBe("other");
  });

  it("recognises year and commune code columns by name", () => {
    expect(["year", "report_year", "annee", "population_year"].every(isYearName)).toBe(true);
    expect(isYearName("years_total")).toBe(false);
    expect(isCommuneCodeName("commune_code")).toBe(true);
    expect(isCommuneCodeName("code")).toBe(false);
  });
});

describe("formatResultValue", () => {
  it("writes numbers in French, years as written", () => {
    expect(formatResultValue(37829, {name: "n", type: "Float64"})).toBe(`37${NNBSP}829`);
    expect(formatResultValue(4.7725, {name: "taux", type: "Float64"})).toBe("4,77");
    expect(formatResultValue(0.000123, {name: "x", type: "Float64"})).toBe("0,000123");
    expect(formatResultValue(2022, {name: "year", type: "Int32"})).toBe("2022");
    expect(formatResultValue(Infinity, {name: "x", type: "Float64"})).toBe("+∞");
  });

  it("shows NULL, booleans, dates and nested values", () => {
    expect(formatResultValue(null, {name: "x", type: "Utf8"})).toBe("NULL");
    expect(formatResultValue(true, {name: "x", type: "Bool"})).toBe("vrai");
    expect(formatResultValue(Date.UTC(2022, 11, 31), {name: "d", type: "Date32<DAY>"})).toBe("31/12/2022");
    expect(formatResultValue(["a", "b"], {name: "l", type: "List<Utf8>"})).toBe('["a","b"]');
    expect(formatResultValue({a: 1}, {name: "s", type: "Struct<{a:Int32}>"})).toBe('{"a":1}');
  });

  it("keeps markup as text", () => {
    expect(formatResultValue("<img src=x onerror=alert(1)>", {name: "t", type: "Utf8"})).toBe(
      "<img src=x onerror=alert(1)>"
    );
  });

  it("uses more decimals for small numbers", () => {
    expect(decimalsFor(12.3456)).toBe(2);
    expect(decimalsFor(0.05)).toBe(4);
  });
});

describe("csvValue", () => {
  it("keeps numbers machine-readable and writes ISO dates", () => {
    expect(csvValue(4.7725, {name: "x", type: "Float64"})).toBe(4.7725);
    expect(csvValue(Date.UTC(2022, 0, 5), {name: "d", type: "Date32<DAY>"})).toBe("2022-01-05");
    expect(csvValue(null, {name: "x", type: "Utf8"})).toBe("");
    expect(csvValue([1, 2], {name: "l", type: "List<Int32>"})).toBe("[1,2]");
  });
});
