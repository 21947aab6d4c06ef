// The HTTP headers a host should send with the built site (README « Build for deployment »), in one
// place: the e2e suite's static server sends them, so a page that breaks the policy fails its test.
//
// The policy allows what the site does and nothing more: its own origin only (no CDN, no font or
// analytics host), inline scripts and styles (Framework writes each page's code in an inline module
// script; Plot and d3 set style attributes), 'unsafe-eval' (which also covers compiling DuckDB's
// WebAssembly) because apache-arrow's vectorFromArray, used to decode Parquet in the page
// (src/components/engine/parquet-arrow.ts), compiles its null check with `new Function` — building
// those vectors with makeData and explicit validity bitmaps would let the policy say
// 'wasm-unsafe-eval' instead; workers and downloads from blob: URLs (the engine's worker, CSV/PNG/SVG
// exports), data: images (PNG export preview).

/** Directives common to every page. */
const BASE = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' blob: data:",
  "worker-src 'self' blob:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'"
];

/** Whether a path is an embed (/embed/carte, /embed/graphique), meant to be framed by other sites. */
export function isEmbed(pathname: string): boolean {
  return /^\/embed(\/|\.html$|$)/.test(pathname);
}

/** The Content-Security-Policy of a page: full pages may only be framed by the site itself. */
export function contentSecurityPolicy(pathname: string): string {
  return [...BASE, ...(isEmbed(pathname) ? [] : ["frame-ancestors 'self'"])].join("; ");
}

/** Every security header of a response for `pathname`. */
export function securityHeaders(pathname: string): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(pathname),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin"
  };
}
