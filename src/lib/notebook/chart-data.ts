// The data a chart draws, from a result's rows and the chart's columns: one value per bar, per
// point or per commune. Several rows for the same category are added up, and the chart says so.
import type {ChartSpec} from "./chart-suggest.js";

type Row = Record<string, unknown>;

/** Bars beyond this are left out (the largest are kept), and the chart says how many. */
export const MAX_BARS = 30;

export interface ChartData<D> {
  data: D[];
  /** Some categories had several rows, whose values were added up. */
  summed: boolean;
  /** Categories (or points) before any cut. */
  total: number;
}

function label(value: unknown): string {
  return value === null || value === undefined
    ? "NULL"
    : typeof value === "object"
      ? JSON.stringify(value)
      : String(value);
}

function sum<K>(rows: Row[], key: (row: Row) => K | undefined, y: string): {sums: Map<K, number>; summed: boolean} {
  const sums = new Map<K, number>();
  let summed = false;
  for (const row of rows) {
    const value = row[y];
    const k = key(row);
    if (typeof value !== "number" || !Number.isFinite(value) || k === undefined) continue;
    if (sums.has(k)) summed = true;
    sums.set(k, (sums.get(k) ?? 0) + value);
  }
  return {sums, summed};
}

/** Bars from the largest value down, at most `max` of them. */
export function barData(rows: Row[], spec: ChartSpec, max = MAX_BARS): ChartData<{x: string; y: number}> {
  const {sums, summed} = sum(rows, (row) => label(row[spec.x]), spec.y);
  const data = [...sums].map(([x, y]) => ({x, y})).sort((a, b) => b.y - a.y);
  return {data: data.slice(0, max), summed, total: data.length};
}

/** Points in order of the x axis (a year, a date), one per series and x. */
export function lineData(rows: Row[], spec: ChartSpec): ChartData<{x: number; y: number; series: string}> {
  const {sums, summed} = sum(
    rows,
    (row) =>
      typeof row[spec.x] === "number" ? `${row[spec.x]}\u0000${spec.series ? label(row[spec.series]) : ""}` : undefined,
    spec.y
  );
  const data = [...sums]
    .map(([key, y]) => {
      const [x, series] = key.split("\u0000");
      return {x: Number(x), y, series};
    })
    .sort((a, b) => a.series.localeCompare(b.series) || a.x - b.x);
  return {data, summed, total: data.length};
}

/** One value per commune code, with the commune's name (from the result, else from `names`). */
export function communeData(
  rows: Row[],
  spec: ChartSpec,
  names: Map<string, string>
): ChartData<{code: string; nom: string; value: number}> {
  const {sums, summed} = sum(
    rows,
    (row) => (row[spec.x] === null || row[spec.x] === undefined ? undefined : String(row[spec.x])),
    spec.y
  );
  const nomOf = new Map<string, string>();
  for (const row of rows)
    if (typeof row.nom === "string" && row[spec.x] !== null) nomOf.set(String(row[spec.x]), row.nom);
  const data = [...sums]
    .map(([code, value]) => ({code, nom: nomOf.get(code) ?? names.get(code) ?? code, value}))
    .sort((a, b) => b.value - a.value);
  return {data, summed, total: data.length};
}
