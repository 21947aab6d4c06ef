import {describe, expect, it} from "vitest";
import {foldForSearch, matchesSearch, normalizeWhitespace, shorten, slugify} from "../../../src/lib/text.js";

describe("text", () => {
  it("normalises every kind of whitespace", () => {
    expect(normalizeWhitespace(" a\u00a0\u202f b\n\nc ")).toBe("a b c");
  });
  it("folds accents and ligatures for search", () => {
    expect(foldForSearch("Réseaux sociaux — Marcq-en-Barœul")).toBe("reseaux sociaux — marcq-en-baroeul");
  });
  it("makes URL slugs of headings", () => {
    expect(slugify("Clause d’insertion")).toBe("clause-d-insertion");
    expect(slugify("CEJ / Garantie Jeunes")).toBe("cej-garantie-jeunes");
  });
  it("matches every word, accent-insensitive", () => {
    expect(matchesSearch("Réseaux sociaux · Abonnés", "reseau")).toBe(true);
    expect(matchesSearch("Entretiens du service Alternance", "entretiens alternance")).toBe(true);
    expect(matchesSearch("Entretiens", "entretiens cej")).toBe(false);
  });
  it("shortens a label to a length, ellipsis included", () => {
    expect(shorten("Campagne 2 (affichage)", 11)).toBe("Campagne 2…");
    expect(shorten("Campagne 2 (affichage)", 9)).toBe("Campagne…");
    expect(shorten("Lompret", 7)).toBe("Lompret");
    expect(shorten("Lompret", 1)).toBe("L…"); // a letter at least
  });
});
