import {describe, expect, it} from "vitest";
import {AUTO, type NotebookDocument} from "../../../../src/lib/notebook/notebook.js";
import {CELL_SEPARATOR, formatNotebookFile, parseNotebookFile} from "../../../../src/lib/notebook/sql-file.js";
import {EXAMPLES} from "../../../../src/lib/notebook/examples.js";

const doc: NotebookDocument = {
  cells: [
    {sql: "-- name: participants\nSELECT 1 AS n", chart: AUTO},
    {sql: "SELECT *\n\n  FROM participants", chart: {kind: "none"}},
    {sql: "SELECT 'a -- %% cellule' AS texte", chart: {kind: "bar", x: "texte", y: "n"}}
  ]
};

describe(".sql notebook files", () => {
  it("separates cells with a comment line and round-trips", () => {
    const text = formatNotebookFile(doc);
    expect(text.split("\n").filter((l) => l === CELL_SEPARATOR)).toHaveLength(3);
    expect(text).toContain('-- graphique: {"kind":"none"}');
    expect(parseNotebookFile(text)).toEqual(doc);
  });

  it("round-trips every example", () => {
    for (const example of EXAMPLES) expect(parseNotebookFile(formatNotebookFile(example.notebook))).toEqual(example.notebook);
  });

  it("reads a plain .sql file as one cell, and Windows line ends", () => {
    expect(parseNotebookFile("\uFEFFSELECT 1;\r\n")).toEqual({cells: [{sql: "SELECT 1;", chart: AUTO}]});
    expect(parseNotebookFile("-- %% cellule\r\nSELECT 1\r\n-- %% cellule\r\nSELECT 2\r\n").cells.map((c) => c.sql)).toEqual(["SELECT 1", "SELECT 2"]);
  });

  it("ignores a broken chart line and refuses an empty file", () => {
    expect(parseNotebookFile("-- %% cellule\n-- graphique: {oops\nSELECT 1").cells[0]).toEqual({sql: "SELECT 1", chart: AUTO});
    expect(() => parseNotebookFile("  \n")).toThrow(/vide/);
  });
});
