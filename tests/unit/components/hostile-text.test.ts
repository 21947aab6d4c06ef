// @vitest-environment jsdom
// Text from the data (commune names, labels, quotes) must render as text, never as HTML.
import {describe, expect, it} from "vitest";
import {choropleth} from "../../../src/components/map/choropleth.js";
import {figureCard} from "../../../src/components/home/headline-card.js";
import {indicatorCard} from "../../../src/components/programme/indicator-card.js";
import {sortableTable} from "../../../src/components/ui/sortable-table.js";
import {loadTerritory} from "../../../src/lib/build/datasets.js";

const HOSTILE = `<img src=x onerror="window.pwned=1"><script>window.pwned=1</script>Marcq & « Cie »`;

function expectInert(node: Element) {
  expect(node.querySelectorAll("img, script, iframe").length).toBe(0);
  expect(node.textContent).toContain(HOSTILE);
}

describe("hostile text in data", () => {
  it("stays text in a map's names, accessible names and tooltips", () => {
    const territory = loadTerritory();
    territory.communes.features[0].properties.nom = HOSTILE;
    const map = choropleth({
      territory,
      width: 600,
      values: territory.communes.features.map((f) => ({code: f.properties.code, nom: f.properties.nom, value: 1})),
      tooltip: (c) => [c.nom]
    });
    expect(map.querySelectorAll("img, script").length).toBe(0);
    expect(map.querySelector(".commune")?.getAttribute("aria-label")).toBe(`${HOSTILE} : 1`);
    map.querySelector(".commune")!.dispatchEvent(new FocusEvent("focus"));
    const tooltip = map.querySelector(".map-tooltip")!;
    expect(tooltip.hasAttribute("hidden")).toBe(false);
    expectInert(tooltip);
  });

  it("stays text in tables and cards", () => {
    const table = sortableTable({
      caption: HOSTILE,
      rows: [{name: HOSTILE}],
      columns: [{label: HOSTILE, value: (r) => r.name}]
    });
    expectInert(table);
    const card = figureCard(
      {
        indicator: "plie.x",
        programme: "plie",
        section: HOSTILE,
        label: HOSTILE,
        unit: "participants",
        year: 2022,
        value: 1,
        status: "publie",
        quote: HOSTILE,
        evolution: null,
        evolution_quote: null,
        previous: null,
        previous_status: null,
        previous_report_year: null,
        // The bullet chart beside an objective names the figure by its (hostile) label.
        objective: 5
      },
      {}
    );
    expectInert(card);
    expect(card.querySelector(".objective-bullet")).not.toBeNull();
    const summary = {
      indicator: "plie.x",
      label: HOSTILE,
      programme: "plie",
      section: HOSTILE,
      section_position: 1,
      position: 1,
      unit: "participants",
      years: [2022],
      latest_year: 2022,
      value: 3,
      status: "publie",
      report_year: 2022,
      quote: HOSTILE,
      derivation: null,
      evolution: null,
      evolution_indicator: null,
      previous: null,
      previous_status: null,
      objective: 4,
      rows: 1,
      communes: 0,
      dimensions: [],
      categories: [HOSTILE],
      last_edition: 2022,
      in_latest: true
    };
    expectInert(indicatorCard(summary, [], {participants: "participants"}, "plie"));
  });
});
