import {describe, expect, it} from "vitest";
import {resultCsv, resultFileName} from "../../../../src/lib/notebook/export.js";

describe("resultCsv", () => {
  it("writes a header and RFC 4180 rows", () => {
    const csv = resultCsv(
      [
        {name: "nom", type: "Utf8"},
        {name: "n", type: "Float64"}
      ],
      [
        {nom: "Marcq-en-Barœul", n: 108},
        {nom: 'Texte, avec "guillemets"', n: null}
      ]
    );
    expect(csv).toBe('nom,n\nMarcq-en-Barœul,108\n"Texte, avec ""guillemets""",\n');
  });
});

describe("resultFileName", () => {
  it("names the cell and its result", () => {
    expect(resultFileName(2, "participants")).toBe("cellule-2-participants.csv");
    expect(resultFileName(1, null)).toBe("cellule-1.csv");
  });
});
