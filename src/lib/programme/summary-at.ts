// An indicator's summary as of an earlier year, for a programme overview shown « en <année> »:
// the headline value, its passage and the comparison with the year before are read from the rows
// of that year (the rows every programme page already holds, so no query waits for the engine).
import {OBJECTIVE_SUFFIX} from "../objective.js";
import type {IndicatorRowDetail, IndicatorSummaryRow} from "../queries/index.js";

const territory = (r: IndicatorRowDetail) => r.commune_code === null && r.dimension === null;

/**
 * `summary` seen in `year`, or null when the indicator has no figure that year. The latest year
 * gives the summary unchanged (the query already says it).
 */
export function summaryAt(
  summary: IndicatorSummaryRow,
  rows: IndicatorRowDetail[],
  year: number
): IndicatorSummaryRow | null {
  if (!summary.years.includes(year)) return null;
  if (year === summary.latest_year) return summary;
  const find = (indicator: string, y: number) =>
    rows.find((r) => r.indicator === indicator && r.year === y && territory(r)) ?? null;
  const own = find(summary.indicator, year);
  const previous = find(summary.indicator, year - 1);
  const evolution = find(`${summary.indicator}_evolution`, year);
  const objective = find(`${summary.indicator}${OBJECTIVE_SUFFIX}`, year);
  const firstQuote = rows.find((r) => r.indicator === summary.indicator && r.year === year)?.quote;
  return {
    ...summary,
    latest_year: year,
    value: own?.value ?? null,
    status: own?.status ?? null,
    report_year: own?.report_year ?? null,
    derivation: own?.derivation ?? null,
    quote: own?.quote ?? firstQuote ?? summary.quote,
    evolution: evolution?.value ?? null,
    evolution_indicator: evolution ? evolution.indicator : null,
    previous: previous?.value ?? null,
    previous_status: previous?.status ?? null,
    objective: objective?.value ?? null
  };
}

/** Every year a programme's indicators have figures for, oldest first. */
export function programmeYears(summaries: IndicatorSummaryRow[]): number[] {
  return [...new Set(summaries.flatMap((s) => s.years))].sort((a, b) => a - b);
}
