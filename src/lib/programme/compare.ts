// Year-on-year comparison of an indicator's rows, reshaped with arquero: one line per series
// (territory, commune or category), the previous and current year side by side, and the change by
// the one rule of src/lib/change.ts (a share moves in points and has no change in %).
import * as aq from "npm:arquero";
import {type Change, computeChange} from "../change.js";
import type {IndicatorRowDetail} from "../queries/index.js";

export interface ComparisonRow {
  series: string;
  previous: number | null;
  current: number | null;
  previousDerived: boolean;
  currentDerived: boolean;
  change: Change | null;
  /** Whether either value is derived (the change is then approximate). */
  derived: boolean;
}

/** The name of a row's series: « Territoire », a commune, or « dimension : catégorie ». */
export function seriesName(row: Pick<IndicatorRowDetail, "commune" | "dimension" | "category">): string {
  if (row.commune) return row.commune;
  if (row.dimension) return `${row.dimension} : ${row.category}`;
  return "Ensemble du territoire";
}

export function compareYears(rows: IndicatorRowDetail[], previousYear: number, currentYear: number): ComparisonRow[] {
  const level = rows.filter(
    (r) => !r.indicator.endsWith("_evolution") && (r.year === previousYear || r.year === currentYear)
  );
  if (!level.length) return [];
  const unit = level[0].unit;
  const table = aq
    .from(
      level.map((r) => ({
        series: seriesName(r),
        year: `y${r.year}`,
        value: r.value,
        derived: r.status === "derive" ? 1 : 0
      }))
    )
    .groupby("series")
    .pivot("year", {
      value: (d: {value: number}) => aq.op.sum(d.value),
      derived: (d: {derived: number}) => aq.op.max(d.derived)
    });
  const p = `y${previousYear}`;
  const c = `y${currentYear}`;
  return (table.objects() as Record<string, number | string | undefined>[]).map((o) => {
    const previous = (o[`value_${p}`] ?? null) as number | null;
    const current = (o[`value_${c}`] ?? null) as number | null;
    const previousDerived = Boolean(o[`derived_${p}`]);
    const currentDerived = Boolean(o[`derived_${c}`]);
    return {
      series: String(o.series),
      previous,
      current,
      previousDerived,
      currentDerived,
      change: previous !== null && current !== null ? computeChange(previous, current, unit) : null,
      derived: previousDerived || currentDerived
    };
  });
}
