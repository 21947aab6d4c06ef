// @vitest-environment jsdom
// The map's table: the columns a mode and a screen call for, each figure with its provenance.
import {describe, expect, it} from "vitest";
import {mapTable} from "../../../../src/components/map/map-table.js";
import {INDICATORS, changeRows, mapRows, snapshotOf, territory} from "./fixtures.js";

const participants = INDICATORS.find((i) => i.indicator === "plie.participants")!;
const {units} = snapshotOf();
// A header's label, without its sort mark.
const label = (th: Element | null) => th?.querySelector("button")?.firstChild?.textContent;
const headers = (table: HTMLElement) => [...table.querySelectorAll("thead th")].map(label);
const firstColumn = (table: HTMLElement) =>
  [...table.querySelectorAll("tbody tr")].map((tr) => tr.firstElementChild?.textContent);

describe("mapTable", () => {
  it("shows a count with its rank and population (no status column), ranked as the map", () => {
    const rows = mapRows(2022);
    const table = mapTable({
      rows,
      state: {indicator: participants.indicator, mode: "nombre", year: 2022},
      indicator: participants,
      units,
      narrow: false
    });
    expect(headers(table)).toEqual(["Commune", "Valeur", "Rang", "Habitants (2020)"]);
    expect(table.querySelector("caption")?.textContent).toBe("Participants du PLIE (2022) — tableau des dix communes");
    expect(label(table.querySelector('th[aria-sort="ascending"]'))).toBe("Rang");
    // Ranked first is the last commune of the fixture (rank 1).
    const byRank = [...rows].sort((a, b) => a.rank! - b.rank!).map((r) => r.nom);
    expect(firstColumn(table)).toEqual(byRank);
    const link = table.querySelector<HTMLAnchorElement>("tbody a")!;
    expect(link.getAttribute("href")).toBe(`/communes/${rows.find((r) => r.nom === link.textContent)!.code}`);
  });

  it("adds the count beside a rate or a share, and keeps the essentials on a phone", () => {
    const state = {indicator: participants.indicator, mode: "taux", year: 2022} as const;
    const wide = mapTable({rows: mapRows(2022), state, indicator: participants, units, narrow: false});
    expect(headers(wide)).toEqual([
      "Commune",
      "Pour 1\u202f000 hab.",
      "Nombre (participants)",
      "Rang",
      "Habitants (2020)"
    ]);
    const narrow = mapTable({
      rows: mapRows(2022),
      state: {...state, mode: "part"},
      indicator: participants,
      units,
      narrow: true
    });
    expect(headers(narrow)).toEqual(["Commune", "Part (%)", "Nombre (participants)", "Rang"]);
  });

  it("picks out the commune highlighted on the map, whatever the sort", () => {
    const rows = mapRows(2022);
    const chosen = rows[4];
    const table = mapTable({
      rows,
      state: {indicator: participants.indicator, mode: "nombre", year: 2022, commune: chosen.code},
      indicator: participants,
      units,
      narrow: false
    });
    const picked = () => [...table.querySelectorAll("tbody tr")].filter((tr) => tr.querySelector(".selected-commune"));
    expect(picked().map((tr) => tr.getAttribute("data-key"))).toEqual([chosen.code]);
    expect(picked()[0].querySelector("a")?.getAttribute("aria-current")).toBe("true");
    table.querySelector<HTMLButtonElement>("thead button")!.click();
    expect(picked().map((tr) => tr.getAttribute("data-key"))).toEqual([chosen.code]);
  });

  it("marks a derived count as computed, and a published one with its exact value", () => {
    const derived = territory.communes.features[3].properties;
    const rows = mapRows(2022, [derived.code]);
    const table = mapTable({
      rows,
      state: {indicator: participants.indicator, mode: "nombre", year: 2022},
      indicator: participants,
      units,
      narrow: true
    });
    const rowOf = (nom: string) =>
      [...table.querySelectorAll("tbody tr")].find((tr) => tr.firstElementChild?.textContent === nom)!;
    const computed = rowOf(derived.nom).children[1];
    expect(computed.querySelector(".badge-derive")?.textContent).toBe("calculé");
    expect(computed.textContent).toMatch(/^≈/);
    const published = rowOf(territory.communes.features[5].properties.nom).children[1];
    expect(published.querySelector(".badge-derive")).toBeNull();
    expect(published.querySelector("data")?.getAttribute("value")).toBe(String(rows[5].raw));
    expect(published.textContent).toBe(`${rows[5].raw} participants`);
  });

  it("shows a commune without a figure as unpublished", () => {
    const rows = mapRows(2022).map((r, i) => (i === 0 ? {...r, raw: null, value: null, rank: null, status: null} : r));
    const state = {indicator: participants.indicator, mode: "taux", year: 2022} as const;
    const table = mapTable({rows, state, indicator: participants, units, narrow: false});
    const empty = [...table.querySelectorAll("tbody tr")].find(
      (tr) => tr.firstElementChild?.textContent === rows[0].nom
    )!;
    expect([...empty.children].map((td) => td.textContent).slice(1, 4)).toEqual(["non publié", "—", "—"]);
  });
});

describe("mapTable of an évolution", () => {
  const state = {indicator: participants.indicator, mode: "nombre", year: 2022, from: 2021} as const;

  it("gives each commune's change, in % for a count, both years and the rank, largest rise first", () => {
    const rows = changeRows(2021, 2022);
    const table = mapTable({rows, state, indicator: participants, units, narrow: false});
    expect(headers(table)).toEqual(["Commune", "Évolution", "Évolution (%)", "2021", "2022", "Rang"]);
    expect(table.querySelector("caption")?.textContent).toBe(
      "Participants du PLIE : évolution 2021 → 2022 — tableau des dix communes"
    );
    const first = table.querySelector("tbody tr")!;
    const top = rows.find((r) => r.rank === 1)!;
    expect(first.getAttribute("data-key")).toBe(top.code);
    const cells = [...first.children].map((c) => c.textContent!.replace(/\u202f/g, " "));
    expect(cells[1]).toBe(`+${top.value} participants`);
    expect(cells[2]).toBe(`+${String(Math.round((top.value! / top.raw_from!) * 1000) / 10).replace(".", ",")} %`);
    expect(cells[3]).toBe(`${top.value_from} participants`);
  });

  it("says a rate's change in points, and keeps the essentials on a phone", () => {
    const table = mapTable({
      rows: changeRows(2021, 2022),
      state: {...state, mode: "taux"},
      indicator: participants,
      units,
      narrow: true
    });
    expect(headers(table)).toEqual(["Commune", "Évolution (points)", "2021 → 2022"]);
    expect(table.querySelector("tbody tr td:last-child")?.textContent).toMatch(/^[\d,]+ → [\d,]+$/);
    expect(table.querySelector("tbody tr td")?.textContent).toMatch(/^\+[\d,]+\u202fpoints? pour 1\u202f000 hab\.$/);
  });
});

describe("a rate's table", () => {
  const ratio = {...participants, indicator: "plie.sorties_positives_par_participant", unit: "pourcent"};
  const rows = mapRows(2022).map((r, i) => ({...r, value: [17, 18.8, 40.7, 0][i % 4], status: "derive"}));
  const valueTexts = (table: HTMLElement) =>
    [...table.querySelectorAll("tbody tr")].map((tr) =>
      tr.children[1].textContent!.replace(/\u202f/g, " ").replace(/ calculé$/, "")
    );

  const ratioTable = (shown: typeof rows, narrow: boolean) =>
    mapTable({
      rows: shown,
      state: {indicator: ratio.indicator, mode: "ratio", year: 2022},
      indicator: ratio,
      units,
      narrow
    });

  it("writes every rate of a column with the same decimals, derived ones marked", () => {
    const table = ratioTable(rows, true);
    const texts = valueTexts(table);
    expect(new Set(texts)).toEqual(new Set(["≈ 17,0 %", "≈ 18,8 %", "≈ 40,7 %", "≈ 0,0 %"]));
    expect(table.querySelectorAll("tbody .badge-derive")).toHaveLength(rows.length);
  });

  it("keeps whole rates whole when none has decimals", () => {
    const whole = rows.map((r, i) => ({...r, value: [17, 20, 40, 0][i % 4]}));
    const table = ratioTable(whole, false);
    expect(new Set(valueTexts(table))).toEqual(new Set(["≈ 17 %", "≈ 20 %", "≈ 40 %", "≈ 0 %"]));
  });
});
