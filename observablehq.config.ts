// Observable Framework configuration. Everything the site needs is served from its own origin:
// no CDN (scripts/fill-npm-cache.ts), no Google Fonts, no DuckDB extension downloads.
import {loadCommunes, loadEditionInfo} from "./src/lib/build/datasets.js";
import {PROGRAMME_LABELS, programmeSlug} from "./src/lib/programmes.js";
import type {Programme} from "./src/lib/schema.js";
import {siteHeader, siteFooter, siteHead} from "./src/lib/site-chrome.js";

// Editions are read from data/ (or MNO_DATA_ROOT), never written in a page.
const editions = loadEditionInfo();

export default {
  title: "Observatoire MNO",
  root: "src",
  output: "dist",
  // French navigation lives in our own header; Framework's sidebar, search and pager are English.
  sidebar: false,
  search: false,
  pager: false,
  toc: false,
  style: "style.css",
  globalStylesheets: [],
  head: (page: {path: string}) => siteHead(editions, page),
  header: siteHeader,
  footer: () => siteFooter(editions),
  dynamicPaths: [
    ...loadCommunes().map((c) => `/communes/${c.code}`),
    ...(Object.keys(PROGRAMME_LABELS) as Programme[]).map((p) => `/programmes/${programmeSlug(p)}`)
  ],
  // Only the build every current browser runs ("eh", wasm exceptions), and no extension download:
  // Parquet is decoded in the page (src/components/engine/parquet-arrow.ts), not by a DuckDB extension.
  duckdb: {platforms: {eh: true, mvp: false}, extensions: {json: null, parquet: null}}
};
