// @vitest-environment jsdom
// /embed/carte: the view another site asked for, or why there is none — never a crash or another map.
import {describe, expect, it} from "vitest";
import {embedMap, embedMapView} from "../../../../src/components/embed/embed-map.js";
import {INDICATORS, snapshotOf, territory} from "../map/fixtures.js";
import {setEditionMeta} from "../edition-meta.js";

setEditionMeta();

describe("embedMapView", () => {
  it("titles the view asked for and links to the same view on the site", () => {
    expect(embedMapView(INDICATORS, {indicateur: "plie.sorties", mode: "part", annee: "2021"})).toEqual({
      state: {indicator: "plie.sorties", mode: "part", year: 2021},
      title: "Sorties du PLIE",
      subtitle: "Part du territoire (%) · 2021 · dix communes de Métropole Nord-Ouest",
      fullHref: "/carte?indicateur=plie.sorties&mode=part&annee=2021"
    });
  });

  it("corrects a mode or year the indicator lacks, and shows the default map without an indicator", () => {
    const view = embedMapView(INDICATORS, {indicateur: "territoire.population", mode: "taux", annee: "2030"});
    expect("error" in view ? view.error : view.fullHref).toBe(
      "/carte?indicateur=territoire.population&mode=nombre&annee=2020"
    );
    const plain = embedMapView(INDICATORS, {});
    expect("error" in plain ? plain.error : plain.state.indicator).toBe("plie.participants");
  });

  it("takes an évolution's parameters as /carte does", () => {
    const view = embedMapView(INDICATORS, {indicateur: "plie.sorties", mode: "evolution", mesure: "taux", de: "2021"});
    expect("error" in view ? view.error : view).toMatchObject({
      state: {indicator: "plie.sorties", mode: "taux", year: 2022, from: 2021},
      subtitle: "Évolution 2021 → 2022 · Pour 1\u202f000 habitants · dix communes de Métropole Nord-Ouest",
      fullHref: "/carte?indicateur=plie.sorties&mode=evolution&mesure=taux&de=2021&annee=2022"
    });
  });

  it("says so in French for an indicator not mapped, or when no indicator is", () => {
    expect(embedMapView(INDICATORS, {indicateur: "plie.inconnu"})).toEqual({
      error: "Carte introuvable : l’indicateur « plie.inconnu » n’est pas publié commune par commune."
    });
    expect(embedMapView([], {})).toEqual({
      error: "Carte introuvable : aucun indicateur n’est publié commune par commune."
    });
  });
});

describe("embedMap", () => {
  it("frames the map alone, without controls, table or export buttons", () => {
    const frame = embedMap({
      territory,
      snapshot: snapshotOf(),
      width: 600,
      params: {indicateur: "plie.sorties", mode: "part"}
    });
    expect(frame.querySelector(".embed-title")?.textContent).toBe("Sorties du PLIE");
    expect(frame.querySelector(".embed-subtitle")?.textContent).toBe(
      "Part du territoire (%) · 2022 · dix communes de Métropole Nord-Ouest"
    );
    expect(frame.querySelector(".map-box")?.getAttribute("data-view")).toBe("plie.sorties|part|2022");
    expect(frame.querySelectorAll(".map-box .commune")).toHaveLength(10);
    expect(frame.querySelectorAll(".map-controls, .export-toolbar, .map-table")).toHaveLength(0);
    expect(frame.querySelector(".embed-footer a")?.getAttribute("href")).toBe(
      "/carte?indicateur=plie.sorties&mode=part&annee=2022"
    );
  });

  it("shows a French message for an unknown indicator or an empty snapshot", () => {
    const unknown = embedMap({territory, snapshot: snapshotOf(), width: 600, params: {indicateur: "<b>x</b>"}});
    expect(unknown.getAttribute("role")).toBe("alert");
    expect(unknown.textContent).toBe(
      "Carte introuvable : l’indicateur « <b>x</b> » n’est pas publié commune par commune."
    );
    expect(unknown.querySelector("b")).toBeNull();
    const empty = embedMap({territory, snapshot: {results: {}, units: {}}, width: 600, params: {}});
    expect(empty.textContent).toMatch(/^Carte introuvable : aucun indicateur/);
  });
});

describe("embedMap of a view the build did not compute", () => {
  it("starts the engine for it, and only for it", () => {
    let started = 0;
    const startEngine = () => {
      started++;
      return new Promise<never>(() => {});
    };
    const snapshot = snapshotOf();
    embedMap({territory, snapshot, width: 600, params: {indicateur: "plie.sorties", mode: "evolution"}, startEngine});
    expect(started).toBe(0);
    const other = embedMap({
      territory,
      snapshot: snapshotOf(undefined, ({year}) => year === 2021),
      width: 600,
      params: {indicateur: "plie.sorties", annee: "2021"},
      startEngine
    });
    expect(started).toBe(1);
    expect(other.querySelector(".map-box")?.getAttribute("aria-busy")).toBe("true");
  });
});
