import {describe, expect, it} from "vitest";
import {NotebookFormatError, moveItem, notebookJson, parseNotebook} from "../../../../src/lib/notebook/notebook.js";

describe("parseNotebook", () => {
  it("keeps the cells' SQL and valid chart choices, drops the rest", () => {
    const doc = parseNotebook({
      cells: [
        {sql: "SELECT 1", chart: {kind: "bar", x: "a", y: "b", extra: 1}},
        {sql: "SELECT 2", chart: {kind: "<script>"}},
        {sql: "SELECT 3"}
      ],
      other: true
    });
    expect(doc).toEqual({
      cells: [
        {sql: "SELECT 1", chart: {kind: "bar", x: "a", y: "b"}},
        {sql: "SELECT 2", chart: {kind: "auto"}},
        {sql: "SELECT 3", chart: {kind: "auto"}}
      ]
    });
  });

  it("refuses what is not a notebook", () => {
    expect(() => parseNotebook(null)).toThrow(NotebookFormatError);
    expect(() => parseNotebook({cells: [{sql: 1}]})).toThrow(/cellule 1/);
    expect(() => parseNotebook({cells: Array.from({length: 51}, () => ({sql: ""}))})).toThrow(/51 cellules/);
  });
});

describe("notebookJson", () => {
  it("writes a chart only when it is not the suggestion", () => {
    expect(
      notebookJson({
        cells: [
          {sql: "a", chart: {kind: "auto"}},
          {sql: "b", chart: {kind: "none"}}
        ]
      })
    ).toEqual({v: 1, cells: [{sql: "a"}, {sql: "b", chart: {kind: "none"}}]});
  });
});

describe("moveItem", () => {
  it("moves an item and clamps the target", () => {
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 2, -5)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b", "c"], 2, 3)).toEqual(["a", "b", "c"]);
  });
});
