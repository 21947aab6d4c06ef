// DuckDB's values as the plain JS the site's code works with, whichever DuckDB answered: DuckDB for
// Node at build time and in tests, DuckDB-WASM (Arrow values) in the pages. Both must give a query's
// rows the same shape, or a first view drawn at build time would differ from the engine's.

/** BIGINT → number, DECIMAL → number, LIST (an Arrow vector or an array) → array of plain values. */
export function plainValue(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(plainValue);
  if (value !== null && typeof value === "object") {
    if ("toDouble" in value && typeof value.toDouble === "function") return value.toDouble() as number;
    if ("toArray" in value && typeof value.toArray === "function") {
      return Array.from(value.toArray() as ArrayLike<unknown>, plainValue);
    }
  }
  return value;
}
