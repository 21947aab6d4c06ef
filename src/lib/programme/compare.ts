// Year-on-year comparison of an indicator's rows, reshaped with arquero: one line per series
// (territory, commune or category), the previous and current year side by side, the change and the
// change in %, and whether either value is derived.
import * as aq from "npm:arquero";
import type {IndicatorRowDetail} from "../queries/index.js";

export interface ComparisonRow {
  series: string;
  previous: number | null;
  current: number | null;
  change: number | null;
  change_pct: number | null;
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
    const change = previous !== null && current !== null ? current - previous : null;
    return {
      series: String(o.series),
      previous,
      current,
      change,
      change_pct: change !== null && previous ? (change / previous) * 100 : null,
      derived: Boolean(o[`derived_${p}`]) || Boolean(o[`derived_${c}`])
    };
  });
}
