// The site's addresses are part of its contract (links are shared): each builder gives the URL the
// pages read back, with only the parameters that have a value.
import {describe, expect, it} from "vitest";
import {communeHref, embedChartHref, embedMapHref, mapHref, programmeHref} from "../../../src/lib/routes.js";
import {readDrillState} from "../../../src/lib/programme/state.js";

describe("routes", () => {
  it("build the map's address with its French parameter names", () => {
    expect(mapHref()).toBe("/carte");
    expect(mapHref({indicator: "plie.participants", mode: "taux", year: 2022})).toBe(
      "/carte?indicateur=plie.participants&mode=taux&annee=2022"
    );
    expect(mapHref({indicator: "plie.participants", mode: null, commune: "59378"})).toBe(
      "/carte?indicateur=plie.participants&commune=59378"
    );
    expect(embedMapHref({indicator: "plie.nouvelles_entrees", mode: "part", year: 2022})).toBe(
      "/embed/carte?indicateur=plie.nouvelles_entrees&mode=part&annee=2022"
    );
  });

  it("build a commune's page", () => {
    expect(communeHref("59378")).toBe("/communes/59378");
    expect(communeHref("a/b")).toBe("/communes/a%2Fb");
  });

  it("build the drill-down's levels, which the programme page reads back", () => {
    expect(programmeHref("mission_locale")).toBe("/programmes/mission-locale");
    const href = programmeHref("mission_locale", {
      section: "Clause d’insertion",
      indicator: "mde.clause",
      year: 2021
    });
    expect(href).toBe("/programmes/mission-locale?section=clause-d-insertion&indicateur=mde.clause&annee=2021");
    expect(readDrillState(new URL(href, "http://localhost").search)).toEqual({
      section: "clause-d-insertion",
      indicator: "mde.clause",
      year: 2021,
      yearParam: "2021"
    });
    expect(programmeHref("plie", {indicator: "plie.participants"})).toBe(
      "/programmes/plie?indicateur=plie.participants"
    );
  });

  it("build a chart's embed address", () => {
    expect(embedChartHref({indicator: "plie.participants", chart: "dimension:sexe", year: 2022})).toBe(
      "/embed/graphique?indicateur=plie.participants&graphique=dimension%3Asexe&annee=2022"
    );
  });

  it("encode values as data", () => {
    expect(mapHref({indicator: "a&mode=b"})).toBe("/carte?indicateur=a%26mode%3Db");
  });
});
