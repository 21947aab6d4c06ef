import {describe, expect, it} from "vitest";
import {
  NotebookFormatError,
  hasCode,
  jsCell,
  mdCell,
  moveItem,
  notebookJson,
  parseNotebook,
  sqlCell
} from "../../../../src/lib/notebook/notebook.js";

describe("parseNotebook", () => {
  it(
    "reads a v1 notebook (links made before JavaScript cells): " + "SQL cells, valid chart choices, the rest dropped",
    () => {
      const doc = parseNotebook({
        v: 1,
        cells: [
          {sql: "SELECT 1", chart: {kind: "bar", x: "a", y: "b", extra: 1}},
          {sql: "SELECT 2", chart: {kind: "<script>"}},
          {sql: "SELECT 3", js: "ignored in v1"}
        ],
        other: true
      });
      expect(doc).toEqual({
        cells: [
          {kind: "sql", source: "SELECT 1", chart: {kind: "bar", x: "a", y: "b"}},
          {kind: "sql", source: "SELECT 2", chart: {kind: "auto"}},
          {kind: "sql", source: "SELECT 3", chart: {kind: "auto"}}
        ]
      });
    }
  );

  it("reads the three kinds of a v2 notebook", () => {
    expect(parseNotebook({v: 2, cells: [{sql: "SELECT 1"}, {js: "1 + 1"}, {md: "# Titre"}]})).toEqual({
      cells: [sqlCell("SELECT 1"), jsCell("1 + 1"), mdCell("# Titre")]
    });
  });

  it("refuses what is not a notebook, in French", () => {
    expect(() => parseNotebook(null)).toThrow(NotebookFormatError);
    expect(() => parseNotebook({cells: [{sql: 1}]})).toThrow(/cellule 1/);
    expect(() => parseNotebook({v: 2, cells: [{python: "x"}]})).toThrow(/cellule 1 n'a pas de texte \(sql, js ou md\)/);
    expect(() => parseNotebook({v: 3, cells: []})).toThrow(/format 3/);
    expect(() => parseNotebook({cells: Array.from({length: 51}, () => ({sql: ""}))})).toThrow(/51 cellules/);
  });
});

describe("notebookJson", () => {
  it("writes v2, a chart only when it is not the suggestion, and reads back what it wrote", () => {
    const doc = {cells: [sqlCell("a"), sqlCell("b", {kind: "none"}), jsCell("const x = 1;"), mdCell("x = ${x}")]};
    const json = notebookJson(doc);
    expect(json).toEqual({
      v: 2,
      cells: [{sql: "a"}, {sql: "b", chart: {kind: "none"}}, {js: "const x = 1;"}, {md: "x = ${x}"}]
    });
    expect(parseNotebook(JSON.parse(JSON.stringify(json)))).toEqual(doc);
  });
});

describe("hasCode", () => {
  it("is true for JavaScript and for Markdown with ${…}, not for SQL or plain Markdown", () => {
    expect(hasCode({cells: [sqlCell("SELECT 1"), mdCell("# Titre"), jsCell("  ")]})).toBe(false);
    expect(hasCode({cells: [mdCell("${1 + 1}")]})).toBe(true);
    expect(hasCode({cells: [jsCell("1")]})).toBe(true);
  });
});

describe("moveItem", () => {
  it("moves an item and clamps the target", () => {
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 2, -5)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b", "c"], 2, 3)).toEqual(["a", "b", "c"]);
  });
});
