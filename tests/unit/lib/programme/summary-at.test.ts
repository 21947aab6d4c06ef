import {describe, expect, it} from "vitest";
import type {IndicatorSummaryRow} from "../../../../src/lib/queries/index.js";
import {programmeYears, summaryAt} from "../../../../src/lib/programme/summary-at.js";
import {row} from "./rows.js";

const summary = (over: Partial<IndicatorSummaryRow> = {}): IndicatorSummaryRow => ({
  indicator: "plie.participants",
  label: "Participants",
  programme: "plie",
  section: "Accompagnement",
  section_position: 1,
  position: 1,
  unit: "participants",
  years: [2021, 2022, 2023],
  latest_year: 2023,
  value: 480,
  status: "publie",
  report_year: 2023,
  quote: "480 participants en 2023",
  derivation: null,
  evolution: null,
  evolution_indicator: null,
  previous: 450,
  previous_status: "publie",
  objective: 50,
  rows: 3,
  communes: 0,
  dimensions: [],
  categories: [],
  last_edition: 2023,
  in_latest: true,
  ...over
});

const rows = [
  row({indicator: "plie.participants", year: 2021, report_year: 2021, value: 400, quote: "400 participants"}),
  row({indicator: "plie.participants", year: 2022, report_year: 2022, value: 450, quote: "450 participants"}),
  row({indicator: "plie.participants", year: 2022, report_year: 2022, commune_code: "59328", value: 90}),
  row({indicator: "plie.participants_evolution", year: 2022, report_year: 2022, value: 12.5, unit: "evolution_pct"}),
  row({indicator: "plie.participants", year: 2023, report_year: 2023, value: 480})
];

describe("summaryAt", () => {
  it("reads the headline, its passage and the comparison from the year asked for", () => {
    const at = summaryAt(summary(), rows, 2022)!;
    expect(at).toMatchObject({
      latest_year: 2022,
      value: 450,
      report_year: 2022,
      quote: "450 participants",
      previous: 400,
      previous_status: "publie",
      evolution: 12.5,
      evolution_indicator: "plie.participants_evolution",
      objective: null
    });
    // The indicator's other years are still listed (the drill-down offers them).
    expect(at.years).toEqual([2021, 2022, 2023]);
  });

  it("has no previous value for the oldest year, and nothing for a year without a figure", () => {
    expect(summaryAt(summary(), rows, 2021)).toMatchObject({value: 400, previous: null, evolution: null});
    expect(summaryAt(summary({years: [2022, 2023]}), rows, 2021)).toBeNull();
  });

  it("keeps the query's own summary for the latest year", () => {
    const s = summary();
    expect(summaryAt(s, rows, 2023)).toBe(s);
  });
});

describe("programmeYears", () => {
  it("lists every year of a programme's indicators once, oldest first", () => {
    expect(programmeYears([summary({years: [2022, 2023]}), summary({years: [2021, 2022]})])).toEqual([
      2021, 2022, 2023
    ]);
  });
});
