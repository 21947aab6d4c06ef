// Bundles each built page's local modules (issue #18 item 4). Framework 1.13 serves every module of
// src/ as its own file under _import/ and modulepreloads the whole graph: /carte asked for 59 files
// before its map. After the build, Rollup bundles the modules each page imports into one
// content-hashed entry per page (_import/pages/<page>.<hash>.js) plus the chunks pages share
// (_import/chunks/), and each page's HTML is rewritten to import and preload those instead. The
// libraries (_npm/, _node/) and Framework's runtime (_observablehq/) stay shared files, imported by
// the bundles as they were by the modules — except d3 and Plot, whose used parts are bundled
// (treeShaken).
// The original modules are then deleted: nothing else refers to them, and the offline copy (sw.js,
// generated afterwards) no longer precaches them.
import {readFileSync, readdirSync, rmSync, writeFileSync, existsSync, rmdirSync} from "node:fs";
import {dirname, join, posix, relative, sep} from "node:path";
import {rollup, type OutputChunk, type RollupLog} from "rollup";
import {dropUnusedPreloads} from "./unused-preloads.js";

/** Where the bundles go, under the build's folder. */
export const PAGES_DIR = "_import/pages";
export const CHUNKS_DIR = "_import/chunks";

/**
 * Modules that the tests and the bench reach in the page (the page's own engine and named queries):
 * each page bundle whose graph holds one also exports it, as `modules["components/engine/db"]`,
 * beside the modules the page imports itself. Keep it short: every entry is kept whole in bundles.
 */
export const EXPOSED = ["components/engine/db", "lib/queries/index"];

/** A reference to a local module from a page: `./_import/components/x.1a2b3c4d.js`, `../_import/…`, `/_import/…`. */
const LOCAL_REF = String.raw`(?:\.{1,2}/)+_import/[^"'?#\s]+?\.js|/_import/[^"'?#\s]+?\.js`;
const PRELOAD = new RegExp(String.raw`[ \t]*<link rel="modulepreload" href="(${LOCAL_REF})">\n?`, "g");
const SCRIPT = new RegExp(String.raw`[ \t]*<script type="module" src="(${LOCAL_REF})"></script>\n?`, "g");
const DYNAMIC = new RegExp(String.raw`import\("(${LOCAL_REF})"\)`, "g");
const ANY = new RegExp(String.raw`["'](${LOCAL_REF})["']`, "g");

/** What a built page asks of its local modules (absolute file paths). */
export interface PageModules {
  /** The page, relative to the build's folder (`communes/59378.html`). */
  page: string;
  /** `<script type="module" src>` modules, run for their effects, in document order. */
  scripts: string[];
  /** Modules the page's cells import (`import("…")`), in order of first use. */
  imports: string[];
  /** Every local module Framework modulepreloads (the static graph of the two lists above). */
  preloaded: string[];
}

export interface BundleReport {
  pages: number;
  /** Entry files (one per distinct set of page modules) and shared chunks written. */
  entries: string[];
  chunks: string[];
  /** Original modules deleted, and local modules no page used (kept). */
  removed: number;
  unused: string[];
  warnings: string[];
}

/** `components/engine/db` for `<dist>/_import/components/engine/db.7b176992.js`. */
export function moduleKey(dist: string, file: string): string {
  return toPosix(relative(join(dist, "_import"), file)).replace(/(\.[0-9a-f]{8})?\.js$/, "");
}

/** The local modules a page's HTML refers to; any reference of another form fails the build. */
export function readPage(dist: string, page: string, html: string): PageModules {
  const resolve = (ref: string) => resolveRef(dist, page, ref);
  const preloaded = [...html.matchAll(PRELOAD)].map((m) => resolve(m[1]));
  const scripts = [...html.matchAll(SCRIPT)].map((m) => resolve(m[1]));
  const imports = unique([...html.matchAll(DYNAMIC)].map((m) => resolve(m[1])));
  const rest = html.replace(PRELOAD, "").replace(SCRIPT, "").replace(DYNAMIC, "");
  const other = [...rest.matchAll(ANY)].map((m) => m[1]);
  if (other.length) throw new Error(`${page} : référence à un module local non prise en charge : ${other[0]}`);
  return {page, scripts: unique(scripts), imports, preloaded: unique(preloaded)};
}

/** Bundles the local modules of every page of `dist` (a finished `observable build`), in place. */
export async function bundlePages(dist: string): Promise<BundleReport> {
  const pages = listFiles(dist)
    .filter((file) => file.endsWith(".html"))
    .map((file) => readPage(dist, toPosix(relative(dist, file)), readFileSync(file, "utf-8")))
    .filter((page) => page.scripts.length || page.imports.length);
  const localModules = listFiles(join(dist, "_import")).filter((file) => file.endsWith(".js"));

  // Pages asking for the same modules (the ten commune pages…) share one entry.
  const groups = new Map<string, {name: string; source: string; pages: PageModules[]}>();
  for (const page of pages) {
    const source = entrySource(dist, page);
    const group = groups.get(source) ?? {name: "", source, pages: []};
    group.pages.push(page);
    groups.set(source, group);
  }
  const names = new Set<string>();
  for (const group of groups.values()) {
    // The pages that only run the site's scripts (404): every page imports that entry.
    const base = group.pages[0].imports.length ? entryName(group.pages.map((p) => p.page)) : "site";
    let name = base;
    for (let i = 2; names.has(name); i++) name = `${base}-${i}`;
    names.add(name);
    group.name = name;
  }

  const warnings: string[] = [];
  const read = new Set<string>();
  const bundle = await rollup({
    input: Object.fromEntries([...groups.values()].map((g) => [g.name, `${VIRTUAL}${g.name}`])),
    plugins: [localOnly(dist, groups, read)],
    // The entries' `modules` object is the interface the pages use; nothing else is exported.
    preserveEntrySignatures: "exports-only",
    // External ids are already the paths a bundle imports them by (localOnly).
    makeAbsoluteExternalsRelative: false,
    onLog: (level, log: RollupLog) => {
      if (level === "warn") warnings.push(log.message);
    }
  });
  const {output} = await bundle.write({
    dir: dist,
    format: "es",
    entryFileNames: `${PAGES_DIR}/[name].[hash:8].js`,
    // A chunk is named after one of its modules: `format`, not `format.ea379a27`.
    // Small shared chunks are merged into others where that runs no code a page did not run
    // before (side-effect-free code may load early: /carte then preloads 8 local files, not 25).
    experimentalMinChunkSize: 20_000,
    chunkFileNames: (chunk) => `${CHUNKS_DIR}/${chunk.name.replace(/\.[0-9a-f]{8}$/, "")}.[hash:8].js`,
    // Hex like Framework's own hashes: the offline copy and the host treat `name.<8 hex>.js` as immutable.
    hashCharacters: "hex"
  });
  await bundle.close();
  const chunks = output.filter((o): o is OutputChunk => o.type === "chunk");
  const byName = new Map(chunks.filter((c) => c.isEntry).map((c) => [c.name, c]));
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));

  for (const group of groups.values()) {
    const entry = byName.get(group.name);
    if (!entry) throw new Error(`pas de module construit pour ${group.name}`);
    const preloads = staticClosure(entry, byFile).map((c) => join(dist, c.fileName));
    for (const page of group.pages) {
      const file = join(dist, page.page);
      const html = rewritePage(readFileSync(file, "utf-8"), dist, page, join(dist, entry.fileName), preloads);
      writeFileSync(file, dropUnusedPreloads(html, dist, page.page).html);
    }
  }

  // The modules Rollup read are inside the bundles now (or had nothing a page uses).
  const removed = localModules.filter((file) => read.has(file));
  for (const file of removed) rmSync(file);
  removeEmptyFolders(join(dist, "_import"));
  checkReferences(dist);
  return {
    pages: pages.length,
    entries: chunks.filter((c) => c.isEntry).map((c) => c.fileName),
    chunks: chunks.filter((c) => !c.isEntry).map((c) => c.fileName),
    removed: removed.length,
    unused: localModules.filter((file) => !read.has(file)).map((file) => toPosix(relative(dist, file))),
    warnings
  };
}

const VIRTUAL = "\0mno-page:";

/** The entry module of a page: its scripts for their effects, then its modules, exported by key. */
function entrySource(dist: string, page: PageModules): string {
  const exposed = page.preloaded.filter((file) => EXPOSED.includes(moduleKey(dist, file)));
  const exported = unique([...page.imports, ...exposed]);
  return [
    ...page.scripts.map((file) => `import ${JSON.stringify(file)};`),
    ...exported.map((file, i) => `import * as m${i} from ${JSON.stringify(file)};`),
    `export const modules = {${exported.map((file, i) => `${JSON.stringify(moduleKey(dist, file))}: m${i}`)}};`
  ].join("\n");
}

/** `carte`, `embed-carte`; pages sharing an entry in one folder: `communes-pages`. */
export function entryName(pages: string[]): string {
  const dirs = unique(pages.map((p) => posix.dirname(p)));
  const name = pages.length > 1 && dirs.length === 1 && dirs[0] !== "." ? `${dirs[0]}/pages` : pages[0];
  return name.replace(/\.html$/, "").replaceAll("/", "-");
}

/** Rollup reads the page entries and the modules under _import/; everything else stays a file. */
function localOnly(dist: string, groups: Map<string, {name: string; source: string}>, read: Set<string>) {
  const local = join(dist, "_import") + sep;
  const sources = new Map([...groups.values()].map((g) => [`${VIRTUAL}${g.name}`, g.source]));
  return {
    name: "mno-local-modules",
    resolveId(source: string, importer: string | undefined) {
      if (sources.has(source)) return source;
      const file = source.startsWith("/") ? source : join(dirname(importer ?? dist), source);
      if (source.startsWith("/") && !importer?.startsWith(VIRTUAL)) {
        throw new Error(`${importer} importe ${source} : chemin absolu inattendu`);
      }
      if (file.startsWith(local)) return file;
      if (treeShaken(dist, file)) return file;
      // Entries and chunks are both two folders down (_import/pages/, _import/chunks/).
      return {id: `../../${toPosix(relative(dist, file))}`, external: true};
    },
    load(id: string) {
      if (!sources.has(id)) read.add(id);
      return sources.get(id) ?? null;
    },
    // A module's `import.meta.url` names its own folder, as before bundling: Framework resolves
    // FileAttachment paths and `import.meta.resolve("../../_npm/…")` against it.
    resolveImportMeta(property: string | null, {chunkId, moduleId}: {chunkId: string; moduleId: string}) {
      const folder = toPosix(relative(dirname(join(dist, chunkId)), dirname(moduleId))) || ".";
      const base = `new URL(${JSON.stringify(`${folder}/`)}, import.meta.url)`;
      if (property === "url") return `${base}.href`;
      if (property === "resolve") return `((specifier) => new URL(specifier, ${base}).href)`;
      throw new Error(`${moduleId} : import.meta${property ? `.${property}` : ""} non pris en charge`);
    }
  };
}

/**
 * d3 and Plot (88 and 67 kB compressed, self-contained ES modules but for Plot's import of d3 and
 * isoformat) are bundled into the pages' code, only the parts the pages call: `/` and `/carte` use
 * a few scales, d3-geo's path and d3-selection, and no Plot. Both are bundled or neither, so that
 * a page's code and Plot share one copy of d3 and its default locale, which the explorer sets to
 * French for Plot's axes (components/explorer/page-sql.ts).
 */
const TREE_SHAKEN = /(?:^|\/)_npm\/(?:d3|@observablehq\/plot)@[^/]+\/[0-9a-f]{8}\.js$/;

function treeShaken(dist: string, file: string): boolean {
  return TREE_SHAKEN.test(toPosix(relative(dist, file)));
}

/** The entry and the chunks it imports statically, transitively (what the page must preload). */
function staticClosure(entry: OutputChunk, byFile: Map<string, OutputChunk>): OutputChunk[] {
  const seen = new Map<string, OutputChunk>();
  const visit = (chunk: OutputChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const name of chunk.imports) {
      const imported = byFile.get(name);
      if (imported) visit(imported);
    }
  };
  visit(entry);
  return [...seen.values()];
}

/** The page with its local preloads, scripts and imports pointing at its entry instead. */
export function rewritePage(html: string, dist: string, page: PageModules, entry: string, preloads: string[]): string {
  const href = (file: string) => pageRef(dist, page.page, file);
  let preloaded = false;
  let scripted = false;
  return html
    .replace(PRELOAD, () => {
      if (preloaded) return "";
      preloaded = true;
      return preloads.map((file) => `<link rel="modulepreload" href="${href(file)}">\n`).join("");
    })
    .replace(SCRIPT, () => {
      if (scripted) return "";
      scripted = true;
      return `<script type="module" src="${href(entry)}"></script>\n`;
    })
    .replace(DYNAMIC, (_, ref: string) => {
      const key = moduleKey(dist, resolveRef(dist, page.page, ref));
      return `import("${href(entry)}").then((bundle) => bundle.modules[${JSON.stringify(key)}])`;
    });
}

/** Every local module a page of `dist` refers to exists. */
function checkReferences(dist: string): void {
  for (const file of listFiles(dist).filter((f) => f.endsWith(".html"))) {
    const page = toPosix(relative(dist, file));
    for (const [, ref] of readFileSync(file, "utf-8").matchAll(ANY)) {
      if (!existsSync(resolveRef(dist, page, ref))) throw new Error(`${page} : ${ref} n'existe pas`);
    }
  }
}

function resolveRef(dist: string, page: string, ref: string): string {
  return ref.startsWith("/") ? join(dist, ref) : join(dist, dirname(page), ref);
}

/** How `page` refers to `file`: relative, as Framework writes it (`./_import/…`, `../_import/…`). */
function pageRef(dist: string, page: string, file: string): string {
  const path = toPosix(relative(join(dist, dirname(page)), file));
  return path.startsWith(".") ? path : `./${path}`;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function removeEmptyFolders(dir: string): void {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    if (entry.isDirectory()) removeEmptyFolders(join(dir, entry.name));
  }
  if (readdirSync(dir).length === 0) rmdirSync(dir);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function toPosix(path: string): string {
  return path.split(sep).join("/");
}
