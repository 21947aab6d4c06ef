// The map's view from the URL: what /carte and its embed show for any parameters, even wrong ones.
import {describe, expect, it} from "vitest";
import {
  DEFAULT_INDICATOR,
  availableModes,
  canEvolve,
  choicesKey,
  evolutionChoices,
  evolutionYears,
  resolveState,
  sameValues,
  stateParams,
  unknownParams,
  urlValues,
  viewKey,
  withFrom,
  withTo
} from "../../../../src/lib/map/view-state.js";
import {mapHref} from "../../../../src/lib/routes.js";
import type {CommuneIndicatorRow, MapValueRow} from "../../../../src/lib/queries/index.js";

const indicator = (slug: string, unit: string, years: number[]): CommuneIndicatorRow => ({
  indicator: slug,
  label: slug,
  programme: slug.split(".")[0],
  section: "Section",
  unit,
  years
});
const population = indicator("territoire.population", "habitants", [2020]);
const participants = indicator(DEFAULT_INDICATOR, "participants", [2021, 2022]);
const entries = indicator("plie.nouvelles_entrees", "participants", [2021, 2022]);
const INDICATORS = [population, participants, entries];

describe("availableModes", () => {
  it("offers count, rate and share, but no rate per inhabitant of the population itself", () => {
    expect(availableModes(participants)).toEqual(["nombre", "taux", "part"]);
    expect(availableModes(population)).toEqual(["nombre", "part"]);
  });
});

describe("resolveState", () => {
  it("keeps a view the data has", () => {
    expect(resolveState(INDICATORS, {indicateur: "plie.nouvelles_entrees", mode: "part", annee: "2021"})).toEqual({
      indicator: "plie.nouvelles_entrees",
      mode: "part",
      year: 2021
    });
  });

  it("falls back to the default indicator, its first mode and its latest year", () => {
    expect(resolveState(INDICATORS, {})).toEqual({indicator: DEFAULT_INDICATOR, mode: "nombre", year: 2022});
    expect(resolveState(INDICATORS, {indicateur: "inconnu", mode: "moyenne", annee: "1999"})).toEqual({
      indicator: DEFAULT_INDICATOR,
      mode: "nombre",
      year: 2022
    });
  });

  it("corrects a mode or a year the indicator lacks", () => {
    expect(resolveState(INDICATORS, {indicateur: "territoire.population", mode: "taux", annee: "2022"})).toEqual({
      indicator: "territoire.population",
      mode: "nombre",
      year: 2020
    });
    expect(resolveState(INDICATORS, {indicateur: DEFAULT_INDICATOR, annee: "2022.5"})?.year).toBe(2022);
  });

  it("takes the first indicator without the default one, and none without indicators", () => {
    expect(resolveState([population, entries], {})?.indicator).toBe("territoire.population");
    expect(resolveState([], {indicateur: DEFAULT_INDICATOR})).toBeNull();
    expect(resolveState([indicator(DEFAULT_INDICATOR, "participants", [])], {})).toBeNull();
  });

  it("round-trips through the URL's parameters", () => {
    const state = {indicator: "plie.nouvelles_entrees", mode: "taux", year: 2021} as const;
    expect(stateParams(state)).toEqual({indicateur: "plie.nouvelles_entrees", mode: "taux", annee: "2021"});
    expect(resolveState(INDICATORS, stateParams(state))).toEqual(state);
    expect(viewKey(state)).toBe("plie.nouvelles_entrees|taux|2021");
  });
});

describe("choicesKey", () => {
  it("is the same for indicators offering the same modes and years, and differs otherwise", () => {
    expect(choicesKey(participants)).toBe(choicesKey(entries));
    expect(choicesKey(participants)).not.toBe(choicesKey(population));
    expect(choicesKey(participants)).not.toBe(choicesKey(indicator("x.y", "participants", [2022])));
  });
});

describe("sameValues", () => {
  const row = (code: string, value: number | null): MapValueRow => ({
    code,
    nom: code,
    population: 1000,
    raw: value,
    status: value === null ? null : "publie",
    quote: null,
    derivation: null,
    value,
    rank: value === null ? null : 1,
    average: 4.2,
    communes: 10
  });

  it("agrees to the sixth decimal and ignores what the map does not show", () => {
    const a = [row("59328", 1 / 3), row("59356", null)];
    const b = [{...row("59328", 0.3333333), quote: "cité autrement"}, row("59356", null)];
    expect(sameValues(a, b)).toBe(true);
  });

  it("differs on a value, a rank, a status or the number of rows", () => {
    const a = [row("59328", 2), row("59356", 3)];
    expect(sameValues(a, [row("59328", 2), row("59356", 3.01)])).toBe(false);
    expect(sameValues(a, [row("59328", 2), {...row("59356", 3), rank: 2}])).toBe(false);
    expect(sameValues(a, [row("59328", 2), {...row("59356", 3), status: "derive"}])).toBe(false);
    expect(sameValues(a, [row("59328", 2)])).toBe(false);
  });
});

describe("the commune and what the map cannot show", () => {
  it("keeps a known commune, drops an unknown one", () => {
    const codes = ["59636", "59378"];
    expect(resolveState(INDICATORS, {commune: "59636"}, codes)).toMatchObject({commune: "59636"});
    expect(resolveState(INDICATORS, {commune: "99999"}, codes)).not.toHaveProperty("commune");
    expect(stateParams({indicator: DEFAULT_INDICATOR, mode: "nombre", year: 2022, commune: "59636"})).toMatchObject({
      commune: "59636"
    });
  });

  it("says in French what the URL asked for that the data lacks", () => {
    expect(unknownParams(INDICATORS, {indicateur: DEFAULT_INDICATOR, mode: "taux", annee: "2022"})).toEqual([]);
    const notices = unknownParams(INDICATORS, {indicateur: "inconnu", mode: "moyenne", commune: "1"}, ["59636"]);
    expect(notices[0]).toBe("L’indicateur « inconnu » n’est pas publié commune par commune.");
    expect(notices[1]).toMatch(/^La lecture « moyenne » n’existe pas/);
    expect(notices[2]).toMatch(/« 1 » n’est pas l’une des dix communes/);
    expect(unknownParams(INDICATORS, {indicateur: "territoire.population", mode: "taux"})[0]).toMatch(
      /au choix : « Nombre », « Part du territoire \(%\) »/
    );
    expect(unknownParams(INDICATORS, {indicateur: DEFAULT_INDICATOR, annee: "1999"})[0]).toMatch(/L’année 1999/);
  });
});

describe("the évolution between two years", () => {
  const three = indicator(DEFAULT_INDICATOR, "participants", [2021, 2022, 2023]);
  const single = indicator("plie.nouvelles_entrees", "participants", [2022]);
  const LIST = [population, three, single];

  it("goes by default from the year before to the latest, of the count", () => {
    expect(resolveState(LIST, {mode: "evolution"})).toEqual({
      indicator: DEFAULT_INDICATOR,
      mode: "nombre",
      year: 2023,
      from: 2022
    });
    expect(evolutionYears([2021, 2022, 2023])).toEqual({from: 2022, year: 2023});
  });

  it("keeps the years and the measure asked, and puts reversed years in order", () => {
    expect(resolveState(LIST, {mode: "evolution", mesure: "taux", de: "2021", annee: "2023"})).toEqual({
      indicator: DEFAULT_INDICATOR,
      mode: "taux",
      year: 2023,
      from: 2021
    });
    expect(evolutionYears([2021, 2022, 2023], 2023, 2021)).toEqual({from: 2021, year: 2023});
    // From a year to itself, or to the first year: the nearest évolution there is.
    expect(evolutionYears([2021, 2022, 2023], 2022, 2022)).toEqual({from: 2021, year: 2022});
    expect(evolutionYears([2021, 2022, 2023], undefined, 2021)).toEqual({from: 2021, year: 2022});
    expect(evolutionYears([2022])).toBeNull();
  });

  it("is a single year's map for an indicator with one year, and said so", () => {
    expect(resolveState(LIST, {indicateur: "plie.nouvelles_entrees", mode: "evolution", de: "2021"})).toEqual({
      indicator: "plie.nouvelles_entrees",
      mode: "nombre",
      year: 2022
    });
    expect(canEvolve(single)).toBe(false);
    expect(canEvolve(three)).toBe(true);
    expect(unknownParams(LIST, {indicateur: "plie.nouvelles_entrees", mode: "evolution"})).toEqual([
      "L’évolution demande deux années : cet indicateur n’est publié que pour 2022."
    ]);
    expect(
      unknownParams([population, indicator(DEFAULT_INDICATOR, "participants", [2022])], {mode: "evolution"})
    ).toEqual(["L’évolution demande deux années : cet indicateur n’est publié que pour 2022."]);
    expect(unknownParams(LIST, {indicateur: DEFAULT_INDICATOR, mode: "evolution", de: "1999"})[0]).toMatch(
      /L’année 1999 n’est pas publiée/
    );
    expect(unknownParams(LIST, {indicateur: DEFAULT_INDICATOR, mode: "evolution", mesure: "moyenne"})[0]).toMatch(
      /L’évolution « moyenne » n’existe pas pour cet indicateur \(au choix : « Nombre », « Pour 1\u202f000 habitants », « Part du territoire \(%\) »\)/
    );
    // « Évolution » is one of the readings offered to an indicator with two years, not to one with one.
    expect(unknownParams(LIST, {indicateur: DEFAULT_INDICATOR, mode: "moyenne"})[0]).toMatch(/« Évolution »\)/);
    expect(unknownParams(LIST, {indicateur: "plie.nouvelles_entrees", mode: "moyenne"})[0]).not.toMatch(/Évolution/);
  });

  it("names a known reading by its French label, never the URL's word", () => {
    expect(unknownParams(LIST, {indicateur: DEFAULT_INDICATOR, mode: "ratio"})).toEqual([
      "La lecture « Taux (%) » n’existe pas pour cet indicateur (au choix : « Nombre », " +
        "« Pour 1\u202f000 habitants », « Part du territoire (%) », « Évolution »)."
    ]);
    expect(unknownParams(LIST, {indicateur: DEFAULT_INDICATOR, mode: "evolution", mesure: "ratio"})[0]).toMatch(
      /^L’évolution « Taux \(%\) » n’existe pas/
    );
  });

  it("round-trips through the URL (mode=evolution&de=…&annee=…), and through the site's links", () => {
    const state = {indicator: DEFAULT_INDICATOR, mode: "nombre", year: 2023, from: 2021} as const;
    expect(stateParams(state)).toEqual({indicateur: DEFAULT_INDICATOR, mode: "evolution", de: "2021", annee: "2023"});
    expect(resolveState(LIST, stateParams(state))).toEqual(state);
    const rate = {...state, mode: "part", commune: "59378"} as const;
    expect(stateParams(rate)).toMatchObject({mode: "evolution", mesure: "part", commune: "59378"});
    expect(resolveState(LIST, stateParams(rate))).toEqual(rate);
    for (const view of [state, rate, {indicator: DEFAULT_INDICATOR, mode: "taux", year: 2022} as const]) {
      const search = new URLSearchParams(mapHref(view).split("?")[1]);
      expect(resolveState(LIST, Object.fromEntries(search))).toEqual(view);
    }
    expect(mapHref(state)).toBe("/carte?indicateur=plie.participants&mode=evolution&de=2021&annee=2023");
    expect(viewKey(state)).toBe("plie.participants|evolution:nombre|2021-2023");
  });

  it("removes from the URL what a single year's view does not use", () => {
    expect(urlValues({indicator: DEFAULT_INDICATOR, mode: "taux", year: 2022})).toEqual({
      indicateur: DEFAULT_INDICATOR,
      mode: "taux",
      mesure: null,
      de: null,
      annee: "2022",
      commune: null
    });
  });

  it("moves the other end when the reader moves one past it", () => {
    const years = [2021, 2022, 2023];
    const view = {indicator: DEFAULT_INDICATOR, mode: "nombre", year: 2022, from: 2021} as const;
    expect(evolutionChoices(years)).toEqual({from: [2021, 2022], to: [2022, 2023]});
    expect(withFrom(years, view, 2022)).toEqual({from: 2022, year: 2023});
    expect(withFrom(years, {...view, year: 2023}, 2022)).toEqual({from: 2022});
    expect(withTo(years, {...view, from: 2022, year: 2023}, 2022)).toEqual({year: 2022, from: 2021});
    expect(withTo(years, view, 2023)).toEqual({year: 2023});
  });
});

describe("a commune-level rate (unit %)", () => {
  it("is read as itself only, never per 1 000 inhabitants nor as a share", async () => {
    const {availableModes, isRatio} = await import("../../../../src/lib/map/view-state.js");
    expect(isRatio({unit: "pourcent"})).toBe(true);
    expect(availableModes({unit: "pourcent"})).toEqual(["ratio"]);
    expect(availableModes({unit: "participants"})).toEqual(["nombre", "taux", "part"]);
    expect(availableModes({unit: "habitants"})).toEqual(["nombre", "part"]);
  });
});
