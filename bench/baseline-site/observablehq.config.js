// The benchmark's baseline (scripts/bench/baseline.ts): a plain Framework page as the docs write it,
// with Framework's defaults except what an offline build needs (no Google Fonts, no DuckDB
// extension download — DuckDB-WASM gets Arrow tables decoded by FileAttachment.parquet()), and an
// empty icon, so that the browser does not ask for /favicon.ico (a 404) as the site's own icon avoids.
export default {
  title: "Baseline",
  root: "src",
  output: "dist",
  globalStylesheets: [],
  head: '<link rel="icon" href="data:,">',
  duckdb: {extensions: {json: null, parquet: null}}
};
