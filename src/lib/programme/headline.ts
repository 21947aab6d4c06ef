// How a year's figure compares with the year before, as the cards and the drill-down say it: the
// report's own printed evolution when it gives one (« +17 % »), else the change the two values make,
// by the one rule of src/lib/change.ts (« +7 points » for a share, « +50 participants (+11,9 %) »).
import {type Change, type Direction, computeChange, formatChangeLabel} from "../change.js";
import {formatEvolution} from "../format.js";
import type {IndicatorRowDetail} from "../queries/index.js";

export interface YearFigure {
  year: number;
  value: number;
  status: string | null;
  /** The edition it comes from, when known. */
  edition?: number | null;
}

export interface YearComparison {
  /** The year compared with (the year before). */
  since: number;
  /** Its value, when the data has it (a printed evolution may come without it). */
  previous: YearFigure | null;
  /** The change the two values make; null when only the printed evolution is known. */
  change: Change | null;
  /** What is said: « +17 % », « +7 points », « ≈ +1 005 entretiens (+6,7 %) ». */
  label: string;
  direction: Direction;
  /** Said from the evolution the report prints, not computed. */
  printed: boolean;
}

export function compareWithPrevious(
  current: YearFigure,
  previous: YearFigure | null,
  printedEvolution: number | null,
  unit: string,
  units: Record<string, string>
): YearComparison | null {
  const since = current.year - 1;
  if (printedEvolution !== null) {
    const direction: Direction = printedEvolution > 0 ? "hausse" : printedEvolution < 0 ? "baisse" : "stable";
    const change = previous ? computeChange(previous.value, current.value, unit) : null;
    return {since, previous, change, label: formatEvolution(printedEvolution), direction, printed: true};
  }
  if (!previous) return null;
  const change = computeChange(previous.value, current.value, unit);
  const derived = previous.status === "derive" || current.status === "derive";
  return {
    since,
    previous,
    change,
    label: formatChangeLabel(change, unit, units, derived),
    direction: change.direction,
    printed: false
  };
}

function territoryAt(rows: IndicatorRowDetail[], indicator: string, year: number): IndicatorRowDetail | undefined {
  return rows.find(
    (r) => r.indicator === indicator && r.year === year && r.commune_code === null && r.dimension === null
  );
}

const figureOf = (row: IndicatorRowDetail): YearFigure => ({
  year: row.year,
  value: row.value,
  status: row.status,
  edition: row.report_year
});

/**
 * The territory's figure of `year` among an indicator's rows (and its evolution's), with the year
 * before and the printed evolution of `year`; null when the year has no territory-level figure.
 */
export function headlineAt(
  rows: IndicatorRowDetail[],
  indicator: string,
  year: number
): {current: YearFigure; previous: YearFigure | null; evolution: number | null} | null {
  const current = territoryAt(rows, indicator, year);
  if (!current) return null;
  const previous = territoryAt(rows, indicator, year - 1);
  const evolution = territoryAt(rows, `${indicator}_evolution`, year);
  return {
    current: figureOf(current),
    previous: previous ? figureOf(previous) : null,
    evolution: evolution?.value ?? null
  };
}
