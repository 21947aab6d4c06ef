// Fills Observable Framework's npm cache (src/.observablehq/cache/_npm) from node_modules, so that
// `observable build` and `observable preview` never download from the jsDelivr CDN: Framework uses
// a file already in that cache and the highest version folder already there (see README.md, « How it works »).
import {mkdirSync, rmSync, copyFileSync, writeFileSync, readFileSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const siteCache = join(root, "src/.observablehq/cache/_npm");

/** A library Framework may import as `npm:<name>`, built from its installed copy. */
export interface Entry {
  name: string;
  /** Bundle the package's browser entry (as a bundler resolves `import "name"`). */
  bundle?: boolean;
  /** Libraries imported from their own cache entry instead of being bundled in. */
  external?: string[];
  /**
   * Files copied verbatim (wasm, workers), relative to the package folder; [from, to] renames one
   * (a worker named `.mjs` is copied as `.js`, which every static host serves as JavaScript).
   */
  copy?: (string | [string, string])[];
  /** Version folder for a library that is referenced lazily by Framework but never loaded. */
  placeholderVersion?: string;
  /** Files written as given: a stand-in for a library Framework links but this site never calls. */
  stub?: Record<string, string>;
}

/** The site's libraries (the benchmark's baseline site adapts this list: scripts/bench/baseline.ts). */
export const SITE_ENTRIES: Entry[] = [
  {name: "d3", bundle: true},
  {name: "d3-dsv", bundle: true},
  {name: "htl", bundle: true},
  {name: "isoformat", bundle: true},
  {name: "@observablehq/inputs", bundle: true, external: ["htl", "isoformat"]},
  {name: "@observablehq/plot", bundle: true, external: ["d3", "isoformat"]},
  {name: "apache-arrow", bundle: true},
  {name: "arquero", bundle: true},
  {name: "hyparquet", bundle: true},
  {name: "fzstd", bundle: true},
  // Programme search, typo-tolerant (src/lib/programme/search.ts).
  {name: "fuse.js", bundle: true},
  // The printed commune sheet's QR code of its address (src/components/commune/address-qr.ts).
  {name: "qrcode", bundle: true},
  // PowerPoint export: imported dynamically on the « PowerPoint » click only (src/components/export/pptx.ts).
  {name: "pptxgenjs", bundle: true},
  // The import review (/donnees/importer) reads a dropped PDF in the page: imported on the drop only,
  // its worker served from the site (src/components/importer/pdf-text.ts).
  {name: "pdfjs-dist", bundle: true, copy: [["build/pdf.worker.min.mjs", "build/pdf.worker.min.js"]]},
  {
    name: "@duckdb/duckdb-wasm",
    bundle: true,
    external: ["apache-arrow"],
    // Only the "eh" build: every browser we support has wasm exceptions (see README, Performance).
    copy: ["dist/duckdb-eh.wasm", "dist/duckdb-browser-eh.worker.js"]
  },
  // Referenced lazily by Framework's client library, never used by this site: an empty version
  // folder stops Framework from asking the npm registry which version to use.
  ...["lodash", "echarts", "leaflet", "mapbox-gl", "react", "react-dom", "topojson-client"].map((name) => ({
    name,
    placeholderVersion: "0.0.0-unused"
  })),
  {name: "@observablehq/sample-datasets", placeholderVersion: "0.0.0-unused"},
  // Framework's FileAttachment links parquet-wasm (5.5 MB of wasm) for `.parquet()`, which this site
  // never calls: Parquet is decoded by src/components/engine/parquet-arrow.ts. A stand-in says so if called.
  {
    name: "parquet-wasm",
    placeholderVersion: "0.0.0-unused",
    stub: {
      "_esm.js":
        "export default async function init() { throw new Error(" +
        "\"FileAttachment.parquet() n'est pas disponible : " +
        'utilisez parquetToArrow (src/components/engine/parquet-arrow.ts)"); }\n',
      "esm/parquet_wasm_bg.wasm": ""
    }
  }
];

// Top-level node_modules only: `npm ci` hoists every library listed here.
function packageDir(name: string): string {
  return join(root, "node_modules", name);
}

function versionOf(name: string): string {
  return JSON.parse(readFileSync(join(packageDir(name), "package.json"), "utf-8")).version;
}

function folderOf(cache: string, entry: Entry): string {
  return join(cache, `${entry.name}@${entry.placeholderVersion ?? versionOf(entry.name)}`);
}

async function build(cache: string, entries: Entry[], entry: Entry): Promise<void> {
  const folder = folderOf(cache, entry);
  mkdirSync(folder, {recursive: true});
  for (const [file, content] of Object.entries(entry.stub ?? {})) {
    mkdirSync(dirname(join(folder, file)), {recursive: true});
    writeFileSync(join(folder, file), content);
  }
  if (!entry.bundle) return;
  const dir = packageDir(entry.name);
  const externals = new Map(
    (entry.external ?? []).map((name) => {
      const target = entries.find((e) => e.name === name);
      if (!target) throw new Error(`fill-npm-cache: ${entry.name} needs ${name}, which has no entry`);
      return [name, relative(folder, join(folderOf(cache, target), "_esm.js"))];
    })
  );
  await esbuild.build({
    entryPoints: [entry.name],
    absWorkingDir: root,
    outfile: join(folder, "_esm.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "error",
    define: {"process.env.NODE_ENV": '"production"'},
    plugins: [
      {
        name: "cache-externals",
        setup(build) {
          build.onResolve({filter: /^[^./]/}, (args) => {
            const path = externals.get(args.path);
            return path ? {path: path.startsWith(".") ? path : `./${path}`, external: true} : undefined;
          });
        }
      }
    ]
  });
  for (const file of entry.copy ?? []) {
    const [from, to] = typeof file === "string" ? [file, file] : file;
    const target = join(folder, to);
    mkdirSync(dirname(target), {recursive: true});
    copyFileSync(join(dir, from), target);
  }
}

/** Fills `cache` (the site's by default) with `entries` (the site's by default). */
export async function fillNpmCache(cache = siteCache, entries = SITE_ENTRIES): Promise<void> {
  const start = performance.now();
  // A stale version folder would win over the one we write: start clean.
  rmSync(cache, {recursive: true, force: true});
  await Promise.all(entries.map((entry) => build(cache, entries, entry)));
  writeFileSync(join(cache, "README.txt"), "Generated by scripts/fill-npm-cache.ts from node_modules. Do not edit.\n");
  console.error(`fill-npm-cache: ${entries.length} libraries in ${Math.round(performance.now() - start)} ms`);
}
