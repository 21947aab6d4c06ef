// Medians and spreads of repeated measurements, as the benchmark reports them.

export interface Summary {
  /** How many values (runs) the summary is made of. */
  n: number;
  median: number;
  min: number;
  max: number;
  /** Interquartile range: the spread of the middle half of the runs. */
  p25: number;
  p75: number;
  values: number[];
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 1) return sorted[0];
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The summary of some runs, or null when none produced a value. */
export function summarize(values: (number | null | undefined)[], digits = 1): Summary | null {
  const finite = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (!finite.length) return null;
  const sorted = [...finite].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: round(quantile(sorted, 0.5), digits),
    min: round(sorted[0], digits),
    max: round(sorted[sorted.length - 1], digits),
    p25: round(quantile(sorted, 0.25), digits),
    p75: round(quantile(sorted, 0.75), digits),
    values: finite.map((v) => round(v, digits))
  };
}

/** « 812 ms (612–1 030, n=5) »: median, then min–max. */
export function formatMs(summary: Summary | null | undefined): string {
  if (!summary) return "—";
  const f = (v: number) => (v >= 100 ? String(Math.round(v)) : v.toFixed(1));
  return `${f(summary.median)} ms (${f(summary.min)}–${f(summary.max)}, n=${summary.n})`;
}

/** Decimal units, as the budget is written (7 MB = 7 000 000 bytes). */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return "—";
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(2)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${bytes} B`;
}
