// The site's font stack, for what CSS does not reach: attributes of drawn SVG (maps, charts) and
// the exported files, which must read the same outside the page. System fonts only: nothing is
// fetched from a font host. src/style.css sets the same list as --sans-serif for the page's text.
export const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
