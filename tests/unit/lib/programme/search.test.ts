// The programme search on the real data: typos, accents, several words, breakdowns.
import {beforeAll, describe, expect, it} from "vitest";
import {indicatorSearch, type SearchHit} from "../../../../src/lib/programme/search.js";
import {type IndicatorSummaryRow, indicatorSummaries} from "../../../../src/lib/queries/index.js";
import {loadTables, tableList} from "../../../../src/lib/build/datasets.js";
import {Warehouse} from "../../../../src/lib/build/warehouse.js";

let all: IndicatorSummaryRow[];
let search: (query: string) => SearchHit[];
beforeAll(async () => {
  const warehouse = await Warehouse.create(tableList(loadTables()));
  all = await warehouse.run(indicatorSummaries());
  warehouse.close();
  search = indicatorSearch(all);
});

const ids = (hits: SearchHit[]) => hits.map((h) => h.summary.indicator);

describe("indicatorSearch", () => {
  it("finds the alternance indicators despite a missing letter, and them first", () => {
    const alternance = all.filter((s) => /alternance/i.test(s.label + s.section)).map((s) => s.indicator);
    expect(alternance.length).toBeGreaterThan(3);
    const found = ids(search("alternace"));
    expect(found.slice(0, alternance.length).sort()).toEqual([...alternance].sort());
    expect(ids(search("ALTERNANCE")).sort()).toEqual(ids(search("alternance")).sort());
    expect(ids(search("altermance")).sort()).toEqual(ids(search("alternance")).sort());
  });

  it("ignores accents both ways", () => {
    const networks = ids(search("reseaux sociaux"));
    expect(networks.length).toBeGreaterThan(0);
    expect(ids(search("réseaux sociaux"))).toEqual(networks);
    for (const id of networks) expect(all.find((s) => s.indicator === id)!.section).toBe("Réseaux sociaux");
  });

  it("needs every word, in any field: « jeunes femmes » finds the breakdowns of young women", () => {
    const hits = search("jeunes femmes");
    expect(ids(hits)).toEqual(
      expect.arrayContaining(["mde.cyberbase_usagers_jeunes", "mission_locale.emploi_jeunes_part"])
    );
    for (const hit of hits) {
      expect(hit.summary.categories.some((c) => /femmes/.test(c)) || /femmes/i.test(hit.summary.label)).toBe(true);
    }
    expect(hits.find((h) => h.summary.indicator === "mde.cyberbase_usagers_jeunes")?.categories).toEqual([
      "sexe : femmes"
    ]);
  });

  it("finds nothing for nonsense, or for an empty query", () => {
    expect(search("zzzqqq")).toEqual([]);
    expect(search("  ")).toEqual([]);
    // A query of stop words only is searched as typed rather than ignored.
    expect(search("de la").length).toBeGreaterThan(0);
  });
});
