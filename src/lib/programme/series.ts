// An indicator's figures by year, across editions: the lines of its time-series charts and of its
// table by year — the territory as a whole, and each breakdown's categories that have two years or
// more — each point with the edition it comes from and its change since the year before.
import {type Change, computeChange} from "../change.js";
import type {IndicatorRowDetail} from "../queries/index.js";

export interface YearPoint {
  /** The line it belongs to: « Ensemble du territoire », or a category (« femmes »). */
  series: string;
  dimension: string | null;
  category: string | null;
  year: number;
  value: number;
  /** Computed from a published figure, not printed in the report. */
  derived: boolean;
  /** The edition of the report it comes from. */
  edition: number;
  quote: string;
  /** Since the year before, when the line has it. */
  change: Change | null;
  /** Whether either value of the change is derived (then said « ≈ »). */
  changeDerived: boolean;
  /** The evolution the report prints for this year, in % (its `…_evolution`), when it prints one. */
  printedEvolution: number | null;
}

export interface SeriesLine {
  name: string;
  /** Oldest first. */
  points: YearPoint[];
}

export interface TimeSeries {
  /** null for the territory as a whole; else the breakdown's axis (« sexe »). */
  dimension: string | null;
  lines: SeriesLine[];
}

export const TERRITORY = "Ensemble du territoire";

/** The rows of the level itself (not of its `…_evolution`). */
export function levelRows(rows: IndicatorRowDetail[]): IndicatorRowDetail[] {
  return rows.filter((r) => !r.indicator.endsWith("_evolution"));
}

function line(name: string, rows: IndicatorRowDetail[], evolutions: IndicatorRowDetail[]): SeriesLine {
  const sorted = [...rows].sort((a, b) => a.year - b.year);
  const printed = (r: IndicatorRowDetail) =>
    evolutions.find((e) => e.year === r.year && e.dimension === r.dimension && e.category === r.category)?.value ??
    null;
  const byYear = new Map(sorted.map((r) => [r.year, r]));
  return {
    name,
    points: sorted.map((r) => {
      const before = byYear.get(r.year - 1);
      return {
        series: name,
        dimension: r.dimension,
        category: r.category,
        year: r.year,
        value: r.value,
        derived: r.status === "derive",
        edition: r.report_year,
        quote: r.quote,
        change: before ? computeChange(before.value, r.value, r.unit) : null,
        changeDerived: Boolean(before) && (before!.status === "derive" || r.status === "derive"),
        printedEvolution: printed(r)
      };
    })
  };
}

/**
 * The lines worth drawing over the years: the territory's when it has two years or more; for each
 * breakdown axis, its categories that have two years or more (communes are left to their own
 * charts and to the map). Each dimension keeps the order of the rows.
 */
export function timeSeries(rows: IndicatorRowDetail[]): TimeSeries[] {
  const level = levelRows(rows).filter((r) => r.commune_code === null);
  const evolutions = rows.filter((r) => r.indicator.endsWith("_evolution") && r.commune_code === null);
  const years = (list: IndicatorRowDetail[]) => new Set(list.map((r) => r.year)).size;
  const result: TimeSeries[] = [];
  const territory = level.filter((r) => r.dimension === null);
  if (years(territory) >= 2) result.push({dimension: null, lines: [line(TERRITORY, territory, evolutions)]});
  for (const dimension of [...new Set(level.map((r) => r.dimension).filter((d) => d !== null))]) {
    const ofDimension = level.filter((r) => r.dimension === dimension);
    const lines = [...new Set(ofDimension.map((r) => r.category ?? ""))]
      .map((category) =>
        line(
          category,
          ofDimension.filter((r) => (r.category ?? "") === category),
          evolutions
        )
      )
      .filter((l) => l.points.length >= 2);
    if (lines.length) result.push({dimension, lines});
  }
  return result;
}
