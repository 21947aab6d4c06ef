// The real 2022 edition imported from its own text reproduces its indicateurs.csv; and a two-column
// page is read column after column.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {parseCsv, recordsToObjects} from "../../../../src/lib/csv.js";
import {type TextBox, readingOrder} from "../../../../src/lib/edition/pdf.js";
import {proposeEdition} from "../../../../src/lib/edition/propose.js";

describe("2022 from its own text", () => {
  it("proposes every figure with its value, year and quote", () => {
    const dir = "data/reports/2022";
    const text = readFileSync(`${dir}/rapport.txt`, "utf-8");
    const rows = recordsToObjects(parseCsv(readFileSync(`${dir}/indicateurs.csv`, "utf-8"), "indicateurs.csv")).map(
      (r) => r.values
    );
    const result = proposeEdition({year: 2022, text, rows, coherence: []}, {year: 2022, text});
    const published = rows.map((row, i) => ({row, p: result.proposals[i]})).filter(({row}) => row.status === "publie");
    const exact = published.filter(({row, p}) => p.values.value === row.value && p.values.year === row.year);
    expect(exact.length / published.length).toBeGreaterThanOrEqual(0.99);
    const derived = rows.map((row, i) => ({row, p: result.proposals[i]})).filter(({row}) => row.status === "derive");
    expect(derived.every(({row, p}) => p.values.derivation === row.derivation && p.values.value === "")).toBe(true);
  });
});

describe("readingOrder", () => {
  const box = (str: string, x: number, y: number, width = 200): TextBox => ({
    str,
    x0: x,
    x1: x + width,
    y0: y,
    y1: y + 10,
    size: 10
  });
  it("reads two columns one after the other, never line by line across, title and page number apart", () => {
    const boxes = [
      box("Titre de la page", 50, 20, 400),
      box("gauche un", 50, 60),
      box("droite un", 300, 60),
      box("gauche deux", 50, 72),
      box("droite deux", 300, 72),
      box("gauche trois", 50, 84),
      box("gauche bas", 50, 700),
      box("droite bas", 300, 700),
      box("3", 270, 800, 10)
    ];
    const lines = readingOrder(boxes).filter((l) => l !== "");
    expect(lines).toEqual([
      "Titre de la page",
      "gauche un",
      "gauche deux",
      "gauche trois",
      "gauche bas",
      "droite un",
      "droite deux",
      "droite bas",
      "3"
    ]);
  });
});
