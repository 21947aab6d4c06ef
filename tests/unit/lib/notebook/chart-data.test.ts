import {describe, expect, it} from "vitest";
import {barData, communeData, lineData} from "../../../../src/lib/notebook/chart-data.js";

describe("barData", () => {
  it("sorts bars from the largest, adds up repeated categories and keeps the largest", () => {
    const rows = [
      {p: "a", n: 1},
      {p: "b", n: 5},
      {p: "a", n: 3},
      {p: null, n: 2},
      {p: "c", n: null}
    ];
    expect(barData(rows, {kind: "bar", x: "p", y: "n"})).toEqual({
      data: [
        {x: "b", y: 5},
        {x: "a", y: 4},
        {x: "NULL", y: 2}
      ],
      summed: true,
      total: 3
    });
    expect(barData(rows, {kind: "bar", x: "p", y: "n"}, 1).data).toEqual([{x: "b", y: 5}]);
  });
});

describe("lineData", () => {
  it("orders points by series then year", () => {
    const rows = [
      {year: 2022, v: 2, s: "B"},
      {year: 2021, v: 1, s: "B"},
      {year: 2021, v: 3, s: "A"}
    ];
    expect(lineData(rows, {kind: "line", x: "year", y: "v", series: "s"}).data).toEqual([
      {x: 2021, y: 3, series: "A"},
      {x: 2021, y: 1, series: "B"},
      {x: 2022, y: 2, series: "B"}
    ]);
    expect(lineData(rows, {kind: "line", x: "year", y: "v"})).toMatchObject({summed: true, total: 2});
  });
});

describe("communeData", () => {
  it("names communes from the result, else from the commune table", () => {
    const rows = [
      {commune_code: "59378", v: 2},
      {commune_code: "59368", v: 5, nom: "La Madeleine"},
      {commune_code: null, v: 1}
    ];
    const names = new Map([["59378", "Marcq-en-Barœul"]]);
    expect(communeData(rows, {kind: "choropleth", x: "commune_code", y: "v"}, names).data).toEqual([
      {code: "59368", nom: "La Madeleine", value: 5},
      {code: "59378", nom: "Marcq-en-Barœul", value: 2}
    ]);
  });
});
