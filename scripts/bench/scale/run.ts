// npm run bench:scale — how load and query costs grow with the number of communes.
// Generates N communes × 10 years × 100 indicators (N = 10, 100, 1 000, 35 000: France's communes)
// in several layouts, serves them on 127.0.0.1 with brotli, and measures in Chromium with
// DuckDB-WASM: time to load, the map query (one indicator, one year, every commune) and a
// drill-down query (one commune, one indicator, every year). Writes bench/scale-results.json.
//   npm run bench:scale -- [--sizes 10,100,1000,35000] [--repeats 7] [--full-national] [--regenerate]
import {copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {cpus, loadavg, totalmem} from "node:os";
import {join} from "node:path";
import * as esbuild from "esbuild";
import {projectRoot} from "../../../src/lib/build/datasets.js";
import {startStaticServer} from "../../static-server.js";
import {launchProfile} from "../browser.js";
import {summarize, formatBytes, formatMs, type Summary} from "../stats.js";
import {heading, table} from "../table.js";
import {FIRST_YEAR, INDICATORS, STUDY_INDICATOR, STUDY_YEAR, YEARS, generate} from "./generate.js";
import type {LoadTiming} from "./page.js";

const argv = process.argv.slice(2);
const value = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SIZES = (value("sizes") ?? "10,100,1000,35000").split(",").map(Number);
const REPEATS = Number(value("repeats") ?? 7);
const FULL_NATIONAL = argv.includes("--full-national");
const REGENERATE = argv.includes("--regenerate");
const log = (line: string) => console.error(line);

const www = join(projectRoot, "bench/scale-data/www");
mkdirSync(www, {recursive: true});

// ——— the page: one bundle, DuckDB's eh build, parquet-wasm's wasm ———
await esbuild.build({
  entryPoints: [join(projectRoot, "scripts/bench/scale/page.ts")],
  outfile: join(www, "scale.js"),
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  logLevel: "error",
  plugins: [
    {
      // The site's modules import `npm:<package>` (Framework's specifiers): the same packages here.
      name: "framework-npm",
      setup(build) {
        build.onResolve({filter: /^npm:/}, (args) =>
          build.resolve(args.path.slice(4), {kind: args.kind, resolveDir: args.resolveDir})
        );
      }
    }
  ]
});
for (const [from, to] of [
  ["@duckdb/duckdb-wasm/dist/duckdb-eh.wasm", "duckdb-eh.wasm"],
  ["@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js", "duckdb-browser-eh.worker.js"],
  ["parquet-wasm/esm/parquet_wasm_bg.wasm", "parquet_wasm_bg.wasm"]
]) {
  copyFileSync(join(projectRoot, "node_modules", from), join(www, to));
}
writeFileSync(
  join(www, "index.html"),
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>scale</title><body><script type="module" src="scale.js"></script></body></html>\n`
);

// ——— layouts ———
interface Layout {
  id: string;
  label: string;
  kind: "hyparquet" | "parquet-wasm" | "arrow";
  file: string;
  /** Columns the file keeps: a partition's own column is not written in its files. */
  has: {indicator: boolean; year: boolean};
  full: boolean;
}
const partition = (name: string, v: string | number) => `${name}s/${name}=${v}/data_0.parquet`;
const LAYOUTS: Layout[] = [
  {
    id: "full-unsorted",
    label: "whole table, rows unsorted · Parquet → hyparquet",
    kind: "hyparquet",
    file: "full-unsorted.parquet",
    has: {indicator: true, year: true},
    full: true
  },
  {
    id: "full-sorted",
    label: "whole table, sorted (indicator, year) · Parquet → hyparquet",
    kind: "hyparquet",
    file: "full-sorted.parquet",
    has: {indicator: true, year: true},
    full: true
  },
  {
    id: "full-sorted-arrow",
    label: "whole table, sorted · Arrow IPC (brotli)",
    kind: "arrow",
    file: "full-sorted.arrow",
    has: {indicator: true, year: true},
    full: true
  },
  {
    id: "year",
    label: "one file per year: the year's file · Parquet → hyparquet",
    kind: "hyparquet",
    file: partition("year", STUDY_YEAR),
    has: {indicator: true, year: false},
    full: false
  },
  {
    id: "indicator",
    label: "one file per indicator: its file · Parquet → hyparquet",
    kind: "hyparquet",
    file: partition("indicator", STUDY_INDICATOR),
    has: {indicator: false, year: true},
    full: false
  },
  {
    id: "indicator-wasm",
    label: "one file per indicator · Parquet → parquet-wasm",
    kind: "parquet-wasm",
    file: partition("indicator", STUDY_INDICATOR),
    has: {indicator: false, year: true},
    full: false
  },
  {
    id: "indicator-arrow",
    label: "one file per indicator · Arrow IPC (brotli)",
    kind: "arrow",
    file: `slice-${STUDY_INDICATOR}.arrow`,
    has: {indicator: false, year: true},
    full: false
  }
];

function mapSql(layout: Layout, castYear = true): {sql: string; params: unknown[]} {
  const filters: string[] = [];
  const params: unknown[] = [];
  if (layout.has.indicator) {
    filters.push("indicator = ?::VARCHAR");
    params.push(STUDY_INDICATOR);
  }
  if (layout.has.year) {
    filters.push(castYear ? "year = ?::INTEGER" : "year = ?");
    params.push(STUDY_YEAR);
  }
  // The shape of the site's map query (src/lib/queries/, mapValues, mode « taux »).
  const sql = `WITH published AS (SELECT commune_code, value FROM t WHERE ${filters.join(" AND ")}),
joined AS (SELECT c.code, c.nom, c.population, p.value AS raw FROM communes c LEFT JOIN published p ON p.commune_code = c.code),
shown AS (SELECT *, raw * 1000.0 / population AS value FROM joined)
SELECT code, nom, population, raw,
  CASE WHEN value IS NULL THEN NULL ELSE rank() OVER (ORDER BY value DESC NULLS LAST) END AS rank,
  sum(raw) OVER () * 1000.0 / sum(population) FILTER (WHERE raw IS NOT NULL) OVER () AS average,
  count(*) OVER () AS communes, value
FROM shown ORDER BY code`;
  return {sql, params};
}

function drillSql(layout: Layout): {sql: string; params: unknown[]} | null {
  if (!layout.has.year) return null; // a year's file cannot answer « every year »: it needs all ten files
  const filters = ["commune_code = ?::VARCHAR"];
  const params: unknown[] = ["00007"];
  if (layout.has.indicator) {
    filters.push("indicator = ?::VARCHAR");
    params.push(STUDY_INDICATOR);
  }
  return {sql: `SELECT year, value FROM t WHERE ${filters.join(" AND ")} ORDER BY year`, params};
}

interface LayoutResult {
  id: string;
  label: string;
  rowsLoaded: number;
  load: LoadTiming;
  mapQuery: {first: number; median: Summary | null; rows: number};
  mapQueryUncastYear?: {median: Summary | null};
  drillDown: {first: number; median: Summary | null; rows: number} | null;
  memory: {duckdbBytes: number | null; jsHeapBytes: number | null};
  fileBytes: number;
}
interface SizeResult {
  communes: number;
  rows: number;
  engineInitMs: number;
  generateMs: number | null;
  layouts: LayoutResult[];
  skipped: string[];
}

type ScaleApi = {
  init(base: string): Promise<number>;
  load(kind: string, url: string, table: string): Promise<LoadTiming>;
  query(sql: string, params: unknown[], repeats: number): Promise<{first: number; times: number[]; rows: number}>;
  memory(): Promise<{duckdbBytes: number | null; jsHeapBytes: number | null}>;
  drop(table: string): Promise<void>;
};

const results: SizeResult[] = [];
const started = performance.now();
// One server for every size: the files are compressed once, before the first request, as a host
// that stores them compressed (parquet-wasm's wasm is only compressed when asked for).
const server = await startStaticServer({root: www, compress: true});
for (const communes of SIZES) {
  const full = communes < 35_000 || FULL_NATIONAL;
  const dir = join(www, "data", String(communes));
  const marker = join(dir, "generated.json");
  const wanted = JSON.stringify({communes, years: YEARS, indicators: INDICATORS, full, version: 1});
  let generateMs: number | null = null;
  if (REGENERATE || !existsSync(marker) || readFileSync(marker, "utf-8") !== wanted) {
    log(`scale ${communes}: generating…`);
    const g0 = performance.now();
    await generate({dir, communes, full, log});
    writeFileSync(marker, wanted);
    generateMs = performance.now() - g0;
  }
  const packed = server.precompress(["br"], /parquet_wasm_bg/);
  log(`scale ${communes}: ${packed.files} files compressed in ${packed.ms} ms`);
  const profile = await launchProfile(server.origin);
  const page = profile.page;
  page.setDefaultTimeout(600_000);
  try {
    await page.goto(`${server.origin}/index.html`);
    await page.waitForSelector("body[data-ready]", {state: "attached"});
    log(`scale ${communes}: starting DuckDB-WASM…`);
    const engineInitMs = await page.evaluate(
      (base) => (window as unknown as {scale: ScaleApi}).scale.init(base),
      `${server.origin}/`
    );
    await page.evaluate(
      (url) => (window as unknown as {scale: ScaleApi}).scale.load("hyparquet", url, "communes"),
      `data/${communes}/communes.parquet`
    );
    const size: SizeResult = {
      communes,
      rows: communes * YEARS * INDICATORS,
      engineInitMs,
      generateMs,
      layouts: [],
      skipped: []
    };
    for (const layout of LAYOUTS) {
      if (layout.full && !full) {
        size.skipped.push(`${layout.id} (whole national table: --full-national)`);
        continue;
      }
      const url = `data/${communes}/${layout.file}`;
      const load = await page.evaluate(
        ([kind, url]) => (window as unknown as {scale: ScaleApi}).scale.load(kind, url, "t"),
        [layout.kind, url] as const
      );
      const run = (q: {sql: string; params: unknown[]}) =>
        page.evaluate(
          ([sql, params, repeats]) => (window as unknown as {scale: ScaleApi}).scale.query(sql, params, repeats),
          [q.sql, q.params, REPEATS] as const
        );
      const map = await run(mapSql(layout));
      const drill = drillSql(layout);
      const drillResult = drill ? await run(drill) : null;
      const uncast = layout.id === "full-sorted" || layout.id === "indicator" ? await run(mapSql(layout, false)) : null;
      const memory = await page.evaluate(() => (window as unknown as {scale: ScaleApi}).scale.memory());
      await page.evaluate(() => (window as unknown as {scale: ScaleApi}).scale.drop("t"));
      const result: LayoutResult = {
        id: layout.id,
        label: layout.label,
        rowsLoaded: load.rows,
        load,
        mapQuery: {first: map.first, median: summarize(map.times, 2), rows: map.rows},
        ...(uncast ? {mapQueryUncastYear: {median: summarize(uncast.times, 2)}} : {}),
        drillDown: drillResult
          ? {first: drillResult.first, median: summarize(drillResult.times, 2), rows: drillResult.rows}
          : null,
        memory,
        fileBytes: Number(readFileSync(join(dir, layout.file)).length)
      };
      size.layouts.push(result);
      log(
        `  ${communes} ${layout.id}: load ${Math.round(load.total)} ms (${load.rows} rows), map ${formatMs(result.mapQuery.median)}, drill ${formatMs(result.drillDown?.median)}`
      );
    }
    results.push(size);
  } finally {
    await profile.close();
  }
}
await server.close();

const output = {
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageEnd: loadavg().map((v) => Math.round(v * 100) / 100)
  },
  shape: {
    years: YEARS,
    firstYear: FIRST_YEAR,
    indicators: INDICATORS,
    studyIndicator: STUDY_INDICATOR,
    studyYear: STUDY_YEAR,
    repeats: REPEATS
  },
  totalMs: Math.round(performance.now() - started),
  sizes: results
};
writeFileSync(join(projectRoot, "bench/scale-results.json"), `${JSON.stringify(output, null, 2)}\n`);

const out: string[] = [heading(`Scale study (${output.date}): N communes × ${YEARS} years × ${INDICATORS} indicators`)];
out.push(
  `${output.machine.cpu}, ${output.machine.cores} cores; DuckDB-WASM 1.29 (eh) in Chromium; medians of ${REPEATS} runs after a first one`
);
out.push(
  table(
    [
      "communes",
      "layout",
      "rows loaded",
      "file (wire)",
      "load (fetch+decode+insert)",
      "map query",
      "drill-down",
      "DuckDB memory"
    ],
    results.flatMap((s) =>
      s.layouts.map((l) => [
        s.communes.toLocaleString("en"),
        l.id,
        l.rowsLoaded.toLocaleString("en"),
        `${formatBytes(l.fileBytes)} (${formatBytes(l.load.encodedBytes)})`,
        `${Math.round(l.load.total)} ms (${Math.round(l.load.fetch)}+${Math.round(l.load.decode)}+${Math.round(l.load.insert)})`,
        formatMs(l.mapQuery.median),
        l.drillDown ? formatMs(l.drillDown.median) : "needs every year's file",
        formatBytes(l.memory.duckdbBytes)
      ])
    )
  )
);
const uncast = results.flatMap((s) =>
  s.layouts
    .filter((l) => l.mapQueryUncastYear)
    .map((l) => [
      s.communes.toLocaleString("en"),
      l.id,
      formatMs(l.mapQuery.median),
      formatMs(l.mapQueryUncastYear!.median)
    ])
);
out.push(heading("Map query: year bound as ?::INTEGER vs a bare ? (a JS number binds as DOUBLE)"));
out.push(table(["communes", "layout", "?::INTEGER", "bare ?"], uncast));
out.push(
  table(
    ["communes", "engine start (ms)", "skipped"],
    results.map((s) => [
      s.communes.toLocaleString("en"),
      String(Math.round(s.engineInitMs)),
      s.skipped.join("; ") || "—"
    ])
  )
);
out.push(`\ntotal ${(output.totalMs / 1000).toFixed(0)} s; written: bench/scale-results.json`);
console.log(out.join("\n"));
