// Former single file of the named queries, now split by page family (index.ts). Kept only so that
// the map explorer and the embed pages, moved by other work in progress, still build: import
// from ./index.js instead; delete this file once nothing imports it.
export * from "./index.js";
