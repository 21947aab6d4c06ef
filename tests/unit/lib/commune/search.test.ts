// The commune selector's matching: what an official types finds the commune.
import {describe, expect, it} from "vitest";
import {byCommuneName, communeMatches, searchCommunes, searchWords} from "../../../../src/lib/commune/search.js";
import {loadCommunes} from "../../../../src/lib/build/datasets.js";

const communes = loadCommunes().map((c) => ({code: c.code, nom: c.nom}));
const found = (query: string) => searchCommunes(communes, query).map((c) => c.nom);

describe("commune search", () => {
  it("ignores accents, case, hyphens and reads « st » as « saint »", () => {
    expect(searchWords("Saint-André-lez-Lille")).toEqual(["saint", "andre", "lez", "lille"]);
    expect(found("st andre")).toEqual(["Saint-André-lez-Lille"]);
    expect(found("ST-ANDRÉ")).toEqual(["Saint-André-lez-Lille"]);
    expect(found("perenchies")).toEqual(["Pérenchies"]);
    expect(found("baroeul")).toEqual(["Marcq-en-Barœul"]);
    expect(found("quesnoy deule")).toEqual(["Quesnoy-sur-Deûle"]);
  });

  it("finds by the start of a word, names starting with it first", () => {
    expect(found("marcq")).toEqual(["Marcq-en-Barœul"]);
    expect(found("mar")).toEqual(["Marcq-en-Barœul", "Marquette-lez-Lille"]);
    // « lille » is a word of two names, at their end.
    expect(found("lille")).toEqual(["Marquette-lez-Lille", "Saint-André-lez-Lille"]);
    expect(found("madel")).toEqual(["La Madeleine"]);
  });

  it("finds by INSEE code, and everything for an empty query", () => {
    expect(found("59636")).toEqual(["Wambrechies"]);
    expect(found("")).toHaveLength(communes.length);
    expect(communeMatches("xyz", communes[0])).toBe(false);
  });

  it("orders names as French collation does, without building a collator", () => {
    const names = [
      ...communes.map((c) => c.nom),
      "Éperlecques",
      "Ennetières-en-Weppes",
      "Œuf-en-Ternois",
      "Oye-Plage",
      "Saint-Amand-les-Eaux",
      "Sainte-Catherine",
      "Saint André",
      "la Bassée",
      "Lambersart"
    ];
    const byCollator = [...names].sort((a, b) => a.localeCompare(b, "fr"));
    expect(
      names
        .map((nom) => ({nom}))
        .sort(byCommuneName)
        .map((c) => c.nom)
    ).toEqual(byCollator);
  });
});
