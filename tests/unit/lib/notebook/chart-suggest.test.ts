import {describe, expect, it} from "vitest";
import {chartColumns, resolveChart, suggestChart} from "../../../../src/lib/notebook/chart-suggest.js";

const text = (name: string) => ({name, type: "Utf8"});
const num = (name: string) => ({name, type: "Float64"});
const int = (name: string) => ({name, type: "Int32"});

describe("suggestChart", () => {
  it("suggests bars for a category and a number", () => {
    const rows = [
      {programme: "plie", n: 86},
      {programme: "mde", n: 96}
    ];
    expect(suggestChart([text("programme"), num("n")], rows)).toEqual({kind: "bar", x: "programme", y: "n"});
  });

  it("suggests a line for a year and a number, with a series per label", () => {
    const rows = [
      {label: "A", year: 2021, value: 1},
      {label: "A", year: 2022, value: 2},
      {label: "B", year: 2021, value: 3},
      {label: "B", year: 2022, value: 4}
    ];
    expect(suggestChart([text("label"), int("year"), num("value")], rows)).toEqual({
      kind: "line",
      x: "year",
      y: "value",
      series: "label"
    });
  });

  it("does not draw a line through a single year", () => {
    expect(
      suggestChart(
        [text("label"), int("year"), num("value")],
        [
          {label: "A", year: 2022, value: 1},
          {label: "B", year: 2022, value: 2}
        ]
      )
    ).toMatchObject({kind: "bar", x: "label"});
  });

  it("suggests a map for a commune code and a number, preferring a measure-like column", () => {
    const rows = [{commune_code: "59378", nom: "Marcq", population: 38604, pour_1000_habitants: 2.8}];
    expect(
      suggestChart([text("commune_code"), text("nom"), int("population"), num("pour_1000_habitants")], rows)
    ).toEqual({
      kind: "choropleth",
      x: "commune_code",
      y: "pour_1000_habitants"
    });
  });

  it("takes a column called code when it holds INSEE codes", () => {
    expect(suggestChart([text("code"), int("population")], [{code: "59378", population: 1}])?.kind).toBe("choropleth");
    expect(suggestChart([text("code"), int("population")], [{code: "plie", population: 1}])?.kind).toBe("bar");
  });

  it("suggests nothing without a number or without rows", () => {
    expect(suggestChart([text("nom")], [{nom: "a"}])).toBeNull();
    expect(suggestChart([text("nom"), num("n")], [])).toBeNull();
  });
});

describe("resolveChart", () => {
  const columns = [text("programme"), int("year"), num("n"), num("m")];
  const rows = [
    {programme: "plie", year: 2021, n: 1, m: 2},
    {programme: "mde", year: 2022, n: 3, m: 4}
  ];

  it("follows the user's kind and columns", () => {
    expect(resolveChart({kind: "bar", x: "programme", y: "m"}, columns, rows).spec).toEqual({
      kind: "bar",
      x: "programme",
      y: "m"
    });
    expect(resolveChart({kind: "none"}, columns, rows).spec).toBeNull();
    expect(resolveChart({kind: "auto"}, columns, rows).spec?.kind).toBe("line");
  });

  it("falls back to usable columns and explains a kind that cannot be drawn", () => {
    expect(resolveChart({kind: "bar", x: "nope", y: "programme"}, columns, rows).spec).toEqual({
      kind: "bar",
      x: "programme",
      y: "n"
    });
    expect(resolveChart({kind: "choropleth"}, columns, rows)).toEqual({
      spec: null,
      note: expect.stringMatching(/commune_code/)
    });
  });

  it("lists the columns each kind can use", () => {
    expect(chartColumns(columns, rows)).toEqual({
      choropleth: {x: [], y: ["n", "m"]},
      line: {x: ["year"], y: ["n", "m"]},
      bar: {x: ["programme", "year"], y: ["n", "m"]}
    });
  });
});
