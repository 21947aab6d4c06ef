// Framework modulepreloads, beside a page's module graph, the libraries a file type might need: a
// page referring to a `.parquet` file preloads Apache Arrow (44 kB compressed) and parquet-wasm,
// in case the page calls `FileAttachment(…).parquet()`. Ours never does (the engine decodes
// Parquet itself and imports Arrow when it starts), so every page fetched and compiled Arrow
// before its first view, a phone saving data included. After bundling, a page keeps the
// preloads of the modules its scripts reach by static imports; the others are dropped.
import {existsSync, readFileSync} from "node:fs";
import {join, posix} from "node:path";

const PRELOAD = /[ \t]*<link rel="modulepreload" href="([^"]+)">\n?/g;
const MODULE_SCRIPT = /<script type="module"(?: src="([^"]+)")?>([\s\S]*?)<\/script>/g;
/** A static import or re-export of a relative path, minified or not: `from"../x.js"`, `import "./y.js"`. */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"'?#\s]+\.js)["']/g;
/** An `import("./x.js")` in the page's own script: cells run at load, so it counts as reached. */
const PAGE_IMPORT = /\bimport\(\s*["'](\.{1,2}\/[^"'?#\s]+\.js)["']\s*\)/g;

/** The page's file (relative to `dist`) a reference from `from` (a file relative to `dist`) names. */
function resolveFrom(from: string, ref: string): string {
  return ref.startsWith("/") ? posix.normalize(ref.slice(1)) : posix.normalize(posix.join(posix.dirname(from), ref));
}

/** Every module reached from `roots` by static imports (paths relative to `dist`). */
function staticGraph(dist: string, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(join(dist, file))) continue;
    seen.add(file);
    for (const [, ref] of readFileSync(join(dist, file), "utf-8").matchAll(STATIC_IMPORT))
      queue.push(resolveFrom(file, ref));
  }
  return seen;
}

/**
 * The page without the modulepreloads of modules nothing it runs at load imports statically.
 * `page` is the HTML file's path relative to `dist` (`communes/59378.html`).
 */
export function dropUnusedPreloads(html: string, dist: string, page: string): {html: string; dropped: string[]} {
  const roots: string[] = [];
  for (const [, src, body] of html.matchAll(MODULE_SCRIPT)) {
    if (src) roots.push(resolveFrom(page, src));
    for (const [, ref] of body.matchAll(STATIC_IMPORT)) roots.push(resolveFrom(page, ref));
    for (const [, ref] of body.matchAll(PAGE_IMPORT)) roots.push(resolveFrom(page, ref));
  }
  const reached = staticGraph(dist, roots);
  const dropped: string[] = [];
  const kept = html.replace(PRELOAD, (line, href: string) => {
    const file = resolveFrom(page, href);
    // A preload of a file this check cannot read (another host, a missing file) is left alone.
    if (href.includes(":") || !existsSync(join(dist, file)) || reached.has(file)) return line;
    dropped.push(file);
    return "";
  });
  return {html: kept, dropped};
}
