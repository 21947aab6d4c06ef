// The benchmark's baseline (scripts/bench/baseline.ts): a plain Framework page as the docs write it,
// with Framework's defaults except what an offline build needs (no Google Fonts, no DuckDB
// extension download — DuckDB-WASM gets Arrow tables decoded by FileAttachment.parquet()).
export default {
  title: "Baseline",
  root: "src",
  output: "dist",
  globalStylesheets: [],
  duckdb: {extensions: {json: null, parquet: null}}
};
