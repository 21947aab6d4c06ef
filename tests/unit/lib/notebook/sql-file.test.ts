import {describe, expect, it} from "vitest";
import {AUTO, type NotebookDocument, jsCell, mdCell, sqlCell} from "../../../../src/lib/notebook/notebook.js";
import {CELL_SEPARATOR, formatNotebookFile, parseNotebookFile} from "../../../../src/lib/notebook/sql-file.js";
import {EXAMPLES} from "../../../../src/lib/notebook/examples.js";

const doc: NotebookDocument = {
  cells: [
    sqlCell("-- name: participants\nSELECT 1 AS n"),
    sqlCell("SELECT *\n\n  FROM participants", {kind: "none"}),
    sqlCell("SELECT 'a -- %% cellule' AS texte", {kind: "bar", x: "texte", y: "n"})
  ]
};

describe(".sql notebook files", () => {
  it("separates cells with a comment line and round-trips", () => {
    const text = formatNotebookFile(doc);
    expect(text.split("\n").filter((l) => l === CELL_SEPARATOR)).toHaveLength(3);
    expect(text).toContain('-- graphique: {"kind":"none"}');
    expect(parseNotebookFile(text)).toEqual(doc);
  });

  it("keeps JavaScript and Markdown cells as comments, so the file stays valid SQL", () => {
    const mixed: NotebookDocument = {
      cells: [sqlCell("SELECT 1 AS n"), jsCell("const x = 1;\n\n// note\nx * 2"), mdCell("# Titre\n\n${x} -- fin")]
    };
    const text = formatNotebookFile(mixed);
    expect(text).toContain("-- %% cellule javascript\n-- const x = 1;\n--\n-- // note\n-- x * 2");
    const statements = text.split("\n").filter((l) => l.trim() && !l.startsWith("--"));
    expect(statements).toEqual(["SELECT 1 AS n"]);
    expect(parseNotebookFile(text)).toEqual(mixed);
  });

  it("says which line has an unknown kind of cell", () => {
    expect(() => parseNotebookFile("-- %% cellule\nSELECT 1\n-- %% cellule python\n-- print(1)")).toThrow(
      /ligne 3 : type de cellule « python » inconnu/
    );
  });

  it("round-trips every example", () => {
    for (const example of EXAMPLES)
      expect(parseNotebookFile(formatNotebookFile(example.notebook))).toEqual(example.notebook);
  });

  it("reads a plain .sql file as one cell, and Windows line ends", () => {
    expect(parseNotebookFile("\uFEFFSELECT 1;\r\n")).toEqual({cells: [sqlCell("SELECT 1;")]});
    expect(
      parseNotebookFile("-- %% cellule\r\nSELECT 1\r\n-- %% cellule\r\nSELECT 2\r\n").cells.map((c) => c.source)
    ).toEqual(["SELECT 1", "SELECT 2"]);
  });

  it("ignores a broken chart line and refuses an empty file", () => {
    expect(parseNotebookFile("-- %% cellule\n-- graphique: {oops\nSELECT 1").cells[0]).toEqual(
      sqlCell("SELECT 1", AUTO)
    );
    expect(() => parseNotebookFile("  \n")).toThrow(/vide/);
  });
});
