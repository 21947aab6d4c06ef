import {describe, expect, it} from "vitest";
import {editionMetaContent, editionsPhrase, parseEditionMeta, sourceLine} from "../../../src/lib/editions.js";

describe("editions", () => {
  const info = {editions: [2021, 2022, 2023], latest: 2023, populationYear: 2020};

  it("reads back what the build writes", () => {
    expect(parseEditionMeta(editionMetaContent(info))).toEqual(info);
  });

  it("refuses a missing or malformed meta rather than invent a year", () => {
    expect(parseEditionMeta(null)).toBeNull();
    expect(parseEditionMeta("{")).toBeNull();
    expect(parseEditionMeta('{"editions":[],"latest":2023,"populationYear":2020}')).toBeNull();
  });

  it("names the editions in French", () => {
    expect(sourceLine(2023)).toBe("Source : rapport d’activité 2023, MDE Métropole Nord-Ouest");
    expect(editionsPhrase(info)).toBe("les éditions 2021 à 2023");
    expect(editionsPhrase({editions: [2022]})).toBe("l’édition 2022");
  });
});
