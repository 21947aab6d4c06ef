// The glossary's term finder: terms on word boundaries only, the text given back whole, hostile
// text kept as text; and the page marking that turns a term into a button, once per block.
import {describe, expect, it} from "vitest";
import {GLOSSARY, findTerms, termsIn} from "../../../src/lib/glossary.js";

const terms = (text: string) => findTerms(text).flatMap((p) => (p.entry ? [p.entry.term] : []));

describe("findTerms", () => {
  it("finds the report's acronyms and « calculé » where they stand as words", () => {
    expect(terms("Participants au PLIE (RP2020), CEJ et PACEA : MDE.")).toEqual([
      "PLIE",
      "RP2020",
      "CEJ",
      "PACEA",
      "MDE"
    ]);
    expect(terms("≈ 0 calculé")).toEqual(["calculé"]);
    expect(terms("Taux calculée ; Calculé")).toEqual(["calculé", "calculé"]);
    expect(terms("Population (RP 2020)")).toEqual(["RP2020"]);
    expect(terms("« PLIE »,PLIE.PLIE")).toEqual(["PLIE", "PLIE", "PLIE"]);
  });

  it("never matches inside a word, nor a different case of an acronym", () => {
    expect(terms("EMPLIE CAPITAL MDEX XCEJ recalculé calculés2 RP20201 Plie cap")).toEqual([]);
    expect(terms("PLIE_2 PLIE2 2PLIE")).toEqual([]);
    expect(terms("Métropole")).toEqual([]);
  });

  it("gives the text back whole, pieces in order", () => {
    const text = "Le PLIE et le CEJ, calculé.";
    const pieces = findTerms(text);
    expect(pieces.map((p) => p.text).join("")).toBe(text);
    expect(pieces.map((p) => [p.text, p.entry?.term ?? null])).toEqual([
      ["Le ", null],
      ["PLIE", "PLIE"],
      [" et le ", null],
      ["CEJ", "CEJ"],
      [", ", null],
      ["calculé", "calculé"],
      [".", null]
    ]);
  });

  it("keeps hostile text as text: markup around a term is plain pieces", () => {
    const hostile = `<img src=x onerror="alert(1)">PLIE<script>alert(2)</script>`;
    const pieces = findTerms(hostile);
    expect(pieces.map((p) => p.text).join("")).toBe(hostile);
    expect(pieces.filter((p) => p.entry).map((p) => p.text)).toEqual(["PLIE"]);
    expect(findTerms("")).toEqual([]);
  });

  it("has one French definition per term, each spelling once", () => {
    const spellings = GLOSSARY.flatMap((e) => [e.term, ...(e.variants ?? [])]);
    expect(new Set(spellings).size).toBe(spellings.length);
    for (const entry of GLOSSARY) expect(entry.definition.length).toBeGreaterThan(30);
    expect(termsIn("PLIE, PLIE, CEJ").map((e) => e.term)).toEqual(["PLIE", "CEJ"]);
  });
});
