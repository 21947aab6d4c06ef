// The figure marked in its passage: every number of the quote that reads as the value, whole.
import {describe, expect, it} from "vitest";
import {highlightPieces} from "../../../../src/lib/edition/highlight.js";

const marked = (quote: string, value: string) =>
  highlightPieces(quote, value)
    .map((p) => (p.mark ? `[${p.text}]` : p.text))
    .join("");

describe("highlightPieces", () => {
  it("marks the number read as the value, not a part of another one", () => {
    expect(marked("144 exposants ont proposé plus de 4 500 postes", "500")).toBe(
      "144 exposants ont proposé plus de 4 500 postes"
    );
    expect(marked("144 exposants ont proposé plus de 4 500 postes", "4 500")).toBe(
      "144 exposants ont proposé plus de [4 500] postes"
    );
    expect(marked("une baisse de -4,1% en un an", "-4,1")).toBe("une baisse de [-4,1]% en un an");
  });

  it("marks each occurrence, and leaves a passage unmarked when the value is not a number", () => {
    expect(marked("12 jeunes, dont 12 femmes", "12")).toBe("[12] jeunes, dont [12] femmes");
    expect(marked("<b>12</b> jeunes", "")).toBe("<b>12</b> jeunes");
    expect(highlightPieces("", "12")).toEqual([]);
  });
});
