// The HTTP headers a host should send with the built site (README « Build for deployment »), in one
// place: the e2e suite's static server sends them, so a page that breaks the policy fails its test.
//
// The policy allows what the site does and nothing more: its own origin only (no CDN, no font or
// analytics host), inline scripts and styles (Framework writes each page's code in an inline module
// script; Plot and d3 set style attributes), 'wasm-unsafe-eval' (compiling DuckDB's WebAssembly;
// Parquet is decoded into Arrow vectors without Arrow's builders, which would need `new Function`),
// 'unsafe-eval' only where code is compiled from text: the explorer (its notebook's cells, in a
// sandboxed srcdoc frame that inherits the page's policy) and the programme pages (arquero compiles
// its verbs' expressions with `new Function`), workers and downloads from blob: URLs (the engine's worker,
// CSV/PNG/SVG exports), data: images (PNG export preview).

/** Directives common to every page. */
const BASE = [
  "default-src 'self'",
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

/**
 * Whether a page compiles code from text: the explorer's cells, the programme pages' arquero verbs,
 * and the notebooks exported from the explorer as pages (src/carnets/, whose cells use arquero).
 */
export function compilesCode(pathname: string): boolean {
  return /^\/(explorer(\.html)?|programmes\/[^/]+|carnets\/[^/]+)$/.test(pathname);
}

/** The Content-Security-Policy of a page: full pages may only be framed by the site itself. */
export function contentSecurityPolicy(pathname: string): string {
  const evaluation = compilesCode(pathname) ? "'unsafe-eval'" : "'wasm-unsafe-eval'";
  return [
    BASE[0],
    `script-src 'self' 'unsafe-inline' ${evaluation}`,
    ...BASE.slice(1),
    ...(isEmbed(pathname) ? [] : ["frame-ancestors 'self'"])
  ].join("; ");
}

/** Every security header of a response for `pathname`. */
export function securityHeaders(pathname: string): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(pathname),
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin"
  };
}
