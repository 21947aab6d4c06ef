// @vitest-environment jsdom
// /embed/graphique: the chart another site asked for, or why there is none — never a crash.
import {describe, expect, it} from "vitest";
import {chooseChart, embedChart} from "../../../../src/components/embed/embed-chart.js";
import type {IndicatorRowDetail} from "../../../../src/lib/queries/index.js";
import {indicatorRows} from "../../../../src/lib/queries/index.js";
import {queryKey} from "../../../../src/lib/queries/snapshot.js";
import {setEditionMeta} from "../edition-meta.js";

setEditionMeta();

const INDICATOR = "plie.nouvelles_entrees";
const row = (year: number, dimension: string | null, category: string | null, value: number): IndicatorRowDetail => ({
  indicator: INDICATOR,
  label: "Nouvelles entrées",
  section: "Entrées et public",
  programme: "plie",
  report_year: 2022,
  year,
  commune_code: null,
  commune: null,
  dimension,
  category,
  value,
  unit: "participants",
  status: "publie",
  derivation: null,
  quote: "cité"
});
const ROWS = [
  row(2021, null, null, 90),
  row(2022, null, null, 100),
  row(2022, "sexe", "femmes", 55),
  row(2022, "sexe", "hommes", 45),
  {...row(2022, null, null, 11), indicator: `${INDICATOR}_evolution`, unit: "evolution_pct"}
];

describe("chooseChart", () => {
  it("picks the kind asked for, for the latest year by default, and links to the indicator's page", () => {
    const choice = chooseChart(ROWS, {indicateur: INDICATOR, graphique: "dimension:sexe"});
    expect("error" in choice).toBe(false);
    if ("error" in choice) return;
    expect([choice.spec.kind, choice.spec.year]).toEqual(["dimension:sexe", 2022]);
    expect(choice.fullHref).toBe(`/programmes/plie?section=entrees-et-public&indicateur=${INDICATOR}`);
  });

  it("falls back to the indicator's first chart for an unknown kind", () => {
    const choice = chooseChart(ROWS, {indicateur: INDICATOR, graphique: "camembert", annee: "2022"});
    expect("error" in choice ? choice.error : choice.spec.kind).toBe("dimension:sexe");
  });

  it("says so in French when the indicator has no rows, or no chart for the year asked", () => {
    expect(chooseChart([], {indicateur: "plie.inconnu"})).toEqual({
      error: "Graphique introuvable : l’indicateur « plie.inconnu » n’existe pas."
    });
    const lone = [row(2022, null, null, 100)];
    expect(chooseChart(lone, {indicateur: INDICATOR, annee: "2019"})).toEqual({
      error: "Graphique introuvable : vérifiez les paramètres indicateur, graphique et annee."
    });
  });
});

describe("embedChart", () => {
  const rowsFile = {results: {[queryKey(indicatorRows(INDICATOR))]: ROWS}};
  const snapshot = {results: {}, units: {participants: "participants"}};

  it("frames the chart alone, titled once, linked to its page", () => {
    const frame = embedChart({rowsFile, snapshot, width: 600, params: {indicateur: INDICATOR, graphique: "annees"}});
    expect(frame.querySelector(".embed-title")?.textContent).toBe("Nouvelles entrées par année");
    expect(frame.querySelector(".chart-figure svg")).not.toBeNull();
    expect(frame.querySelectorAll("figcaption, .chart-link, .export-toolbar")).toHaveLength(0);
    expect(frame.querySelector(".embed-footer a")?.getAttribute("href")).toMatch(/^\/programmes\/plie\?/);
  });

  it("shows a French message for an indicator the build does not have", () => {
    const missing = embedChart({rowsFile, snapshot, width: 600, params: {indicateur: "plie.inconnu"}});
    expect(missing.getAttribute("role")).toBe("alert");
    expect(missing.textContent).toBe("Graphique introuvable : l’indicateur « plie.inconnu » n’existe pas.");
    const none = embedChart({rowsFile, snapshot, width: 600, params: {}});
    expect(none.textContent).toBe(
      "Graphique introuvable : l’adresse ne précise pas l’indicateur (paramètre indicateur)."
    );
  });
});
