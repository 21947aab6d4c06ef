// npm run bench — builds the site (cold, then warm), builds the baseline, serves both with brotli
// and gzip on 127.0.0.1, drives headless Chromium (cold profile, then warm cache), runs Lighthouse,
// prints the tables and writes bench/results.json.
//   npm run bench -- [--runs 5] [--warm 2] [--skip-build] [--no-lighthouse] [--lighthouse-runs 3]
//   npm run bench -- --only offline,savedata,warm-engine [--runs 3]   (those parts alone, over the
//     current dist/, a few minutes; written to bench/results-only.json)
import {execFileSync, spawn} from "node:child_process";
import {createWriteStream, existsSync, mkdirSync, rmSync, writeFileSync} from "node:fs";
import {cpus, freemem, loadavg, totalmem} from "node:os";
import {join} from "node:path";
import {projectRoot} from "../../src/lib/build/datasets.js";
import {chromiumPath} from "../../tests/e2e/chromium.js";
import {startStaticServer} from "../static-server.js";
import {BASELINE_DIST, buildBaseline} from "./baseline.js";
import {transferSummary} from "./browser.js";
import {type LighthouseRun, lighthouseVersion, runLighthouse} from "./lighthouse.js";
import {type BudgetLine, RETURN_PARTS, type ReturnPart, returnBudget, returnRuns, returnTables} from "./offline.js";
import {BENCH_QUERIES, type PageRuns, type PageSpec, engineQueries, mapInteractions, measurePage} from "./pages.js";
import {type Summary, formatBytes, formatMs, summarize} from "./stats.js";
import {heading, table} from "./table.js";

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const flag = (name: string) => argv.includes(`--${name}`);
const ONLY = argv.includes("--only") ? (argv[argv.indexOf("--only") + 1] ?? "").split(",").filter(Boolean) : null;
for (const part of ONLY ?? [])
  if (!(RETURN_PARTS as readonly string[]).includes(part))
    throw new Error(`--only : partie inconnue « ${part} » (possibles : ${RETURN_PARTS.join(", ")})`);
const RUNS = option("runs", ONLY ? 3 : 5);
const WARM = option("warm", 2);
const LH_RUNS = flag("no-lighthouse") ? 0 : option("lighthouse-runs", 3);
const INTERACTIONS = option("interactions", 6);
const QUERY_REPEATS = option("query-repeats", 10);
const SETTLE_MS = option("settle", 3000);

const dist = join(projectRoot, "dist");
const logDir = join(projectRoot, "bench/results");
mkdirSync(logDir, {recursive: true});
const log = (line: string) => console.error(line);

// ——— the machine ———
function chromiumVersion(): string {
  try {
    return execFileSync(chromiumPath(), ["--version"], {encoding: "utf-8", stdio: ["ignore", "pipe", "ignore"]}).trim();
  } catch {
    return "unknown";
  }
}
function git(args: string[]): string {
  try {
    return execFileSync("git", args, {cwd: projectRoot, encoding: "utf-8"}).trim();
  } catch {
    return "";
  }
}
const machine = {
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  chromium: chromiumVersion(),
  lighthouse: lighthouseVersion(),
  loadAverageStart: loadavg().map((v) => Math.round(v * 100) / 100),
  loadAverageEnd: [] as number[],
  freeMemoryGiBStart: Math.round((freemem() / 2 ** 30) * 10) / 10
};

// ——— builds ———
async function timedBuild(label: string): Promise<number> {
  const start = performance.now();
  const out = createWriteStream(join(logDir, `build-${label}.log`));
  const child = spawn(join(projectRoot, "node_modules/.bin/tsx"), ["scripts/framework.ts", "build"], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"]
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const code: number = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`la construction (${label}) a échoué : voir bench/results/build-${label}.log`);
  return performance.now() - start;
}

const build: {coldMs: number | null; warmMs: number | null; baselineMs: number | null} = {
  coldMs: null,
  warmMs: null,
  baselineMs: null
};
if (!flag("skip-build") && !ONLY) {
  log("build: cold (no Framework cache, no dist/)…");
  rmSync(join(projectRoot, "src/.observablehq/cache"), {recursive: true, force: true});
  rmSync(dist, {recursive: true, force: true});
  build.coldMs = await timedBuild("cold");
  log(`build: cold ${Math.round(build.coldMs)} ms; warm…`);
  build.warmMs = await timedBuild("warm");
  log(`build: warm ${Math.round(build.warmMs)} ms`);
} else if (!existsSync(join(dist, "index.html"))) {
  throw new Error("dist/ est vide : lancez « npm run build » ou retirez --skip-build");
}
if (ONLY) {
  const site = await startStaticServer({root: dist, compress: true});
  site.precompress(["br"]);
  const extra = await returnRuns(ONLY as ReturnPart[], {
    origin: site.origin,
    dist,
    runs: RUNS,
    warmVisits: WARM,
    settleMs: SETTLE_MS,
    log
  });
  await site.close();
  machine.loadAverageEnd = loadavg().map((v) => Math.round(v * 100) / 100);
  const date = new Date().toISOString();
  const commit =
    git(["rev-parse", "--short", "HEAD"]) + (git(["status", "--porcelain", "--untracked-files=no"]) ? "+changes" : "");
  const budget = returnBudget(extra);
  writeFileSync(
    join(projectRoot, "bench/results-only.json"),
    `${JSON.stringify({date, commit, machine, only: ONLY, runs: RUNS, warmVisits: WARM, ...extra, budget}, null, 2)}\n`
  );
  console.log(
    [
      heading(`Observatoire MNO — npm run bench -- --only ${ONLY.join(",")} (${date}, ${commit})`),
      `${machine.cpu}, ${machine.cores} cores; ${machine.chromium}; ` +
        `load average ${machine.loadAverageStart.join(" ")} → ${machine.loadAverageEnd.join(" ")}`,
      ...returnTables(extra),
      heading("Budget"),
      table(
        ["item", "limit", "measured", "met"],
        budget.map((b) => [b.item, b.limit, b.measured, b.met === null ? "?" : b.met ? "yes" : "NO"])
      ),
      "\nwritten: bench/results-only.json"
    ].join("\n")
  );
  process.exit(0);
}
log("baseline: build…");
build.baselineMs = await buildBaseline(dist);
log(`baseline: ${Math.round(build.baselineMs)} ms`);

// ——— servers: compressed as a host would, files compressed before the first request ———
const site = await startStaticServer({root: dist, compress: true});
const baseline = await startStaticServer({root: BASELINE_DIST, compress: true});
// Chromium asks for brotli; gzip stays available (compressed on first request). The baseline's mvp
// DuckDB build is never loaded by Chromium (DESIGN.md): not worth compressing.
const packed = [site.precompress(["br"]), baseline.precompress(["br"], /-mvp[.]/)];
const precompressMs = packed.map((p) => p.ms).join(" + ");
log(`servers: ${site.origin} (site), ${baseline.origin} (baseline); precompressed in ${precompressMs} ms`);

// ——— pages ———
const ENGINE = {start: "mno:duckdb-start", ready: "mno:duckdb-ready"};
const dataPainted =
  `document.querySelector("#observablehq-main [aria-busy]") !== null` +
  ` && document.querySelector('[aria-busy="true"]') === null`;
const specs: (PageSpec & {origin: string; dist: string})[] = [
  {
    name: "carte",
    path: "/carte",
    origin: site.origin,
    dist,
    milestones: {
      shapes: `document.querySelector(".map-box .commune path") !== null`,
      values: `document.querySelector('.map-box[aria-busy="false"] .commune path') !== null`,
      duckdbView: `document.querySelector('.map-box[data-source="duckdb"]') !== null`
    },
    engineMarks: ENGINE,
    afterCold: async (page) => {
      const {indicator, handler, mode, confirmed} = await mapInteractions(page, INTERACTIONS);
      return {
        "interaction.indicator": indicator,
        "interaction.indicator.handler": handler,
        "interaction.indicator.duckdb": confirmed,
        "interaction.mode": mode,
        ...(await engineQueries(page, BENCH_QUERIES, QUERY_REPEATS))
      };
    }
  },
  {
    name: "accueil",
    path: "/",
    origin: site.origin,
    dist,
    milestones: {
      figures: `document.querySelector(".figure-card") !== null`,
      duckdbView: `document.querySelector('.async-block[data-source="duckdb"]') !== null`
    },
    engineMarks: ENGINE
  },
  {
    name: "commune",
    path: "/communes/59378",
    origin: site.origin,
    dist,
    milestones: {
      figures: `document.querySelector(".commune-figure") !== null`,
      locator: `document.querySelector(".locator-figure svg") !== null`
    },
    engineMarks: ENGINE,
    timeout: 30_000
  },
  {
    name: "baseline",
    path: "/",
    origin: baseline.origin,
    dist: BASELINE_DIST,
    milestones: {chart: `document.getElementById("baseline-chart") !== null`},
    engineMarks: {start: "baseline:duckdb-start", ready: "baseline:duckdb-ready"}
  }
];
// Pages built on other branches: measured as soon as they are in dist/.
for (const [name, path, file] of [
  ["programme", "/programmes/plie", "programmes/plie.html"],
  ["explorateur", "/explorer", "explorer.html"],
  ["donnees", "/donnees", "donnees.html"]
] as const) {
  if (!existsSync(join(dist, file))) continue;
  specs.push({
    name,
    path,
    origin: site.origin,
    dist,
    milestones: {content: `document.querySelector("#observablehq-main h1") !== null`, data: dataPainted},
    engineMarks: ENGINE,
    timeout: 30_000,
    afterCold: async (page) => {
      const usesEngine = await page.evaluate(() => performance.getEntriesByName("mno:duckdb-start", "mark").length > 0);
      return usesEngine ? engineQueries(page, BENCH_QUERIES, QUERY_REPEATS) : {};
    }
  });
}

const pageRuns: PageRuns[] = [];
for (const spec of specs) {
  log(`${spec.name}: ${RUNS} cold runs × ${WARM} warm visits…`);
  pageRuns.push(
    await measurePage(spec, {
      origin: spec.origin,
      dist: spec.dist,
      runs: RUNS,
      warmVisits: WARM,
      settleMs: SETTLE_MS,
      log
    })
  );
}

// ——— issue #18: offline, Save-Data, the engine on return ———
const returnResults = await returnRuns(RETURN_PARTS, {
  origin: site.origin,
  dist,
  runs: Math.min(RUNS, 3),
  warmVisits: WARM,
  settleMs: SETTLE_MS,
  log
});

// ——— Lighthouse ———
const lighthouse: Record<string, {runs: LighthouseRun[]; median: Record<string, number | null>}> = {};
for (const [name, path] of [
  ["accueil", "/"],
  ["carte", "/carte"],
  ["commune", "/communes/59378"],
  ["programme", "/programmes/plie"]
] as const) {
  if (!LH_RUNS) break;
  const runs: LighthouseRun[] = [];
  for (let i = 0; i < LH_RUNS; i++) {
    log(`lighthouse ${path} ${i + 1}/${LH_RUNS}…`);
    runs.push(await runLighthouse(new URL(path, site.origin).href, `${name}-${i + 1}`));
  }
  const med = (key: keyof LighthouseRun) =>
    summarize(
      runs.map((r) => r[key] as number | null),
      3
    )?.median ?? null;
  lighthouse[name] = {
    runs,
    median: {
      performance: med("performance"),
      accessibility: med("accessibility"),
      bestPractices: med("bestPractices"),
      fcp: med("fcp"),
      lcp: med("lcp"),
      tbt: med("tbt"),
      cls: med("cls"),
      speedIndex: med("speedIndex")
    }
  };
}
await site.close();
await baseline.close();
machine.loadAverageEnd = loadavg().map((v) => Math.round(v * 100) / 100);

// ——— summaries ———
function pageSummary(runs: PageRuns) {
  const milestoneNames = Object.keys(runs.cold[0]?.timings.milestones ?? {});
  const of = (visits: PageRuns["cold"]): Record<string, Summary | null> => ({
    ...Object.fromEntries(milestoneNames.map((m) => [m, summarize(visits.map((v) => v.timings.milestones[m]?.paint))])),
    engineStart: summarize(visits.map((v) => v.engineStart)),
    engineReady: summarize(visits.map((v) => v.engineReady)),
    fcp: summarize(visits.map((v) => v.timings.fcp)),
    lcp: summarize(visits.map((v) => v.timings.lcp)),
    load: summarize(visits.map((v) => v.timings.load))
  });
  return {
    path: runs.path,
    cold: of(runs.cold),
    warm: of(runs.warm),
    transfer: transferSummary(runs.transfers),
    extra: Object.fromEntries(
      Object.entries(runs.extra).map(([k, v]) => [k, summarize(v, k.endsWith(".rows") ? 0 : 2)])
    ),
    errors: [...new Set(runs.errors)],
    offOrigin: [...new Set(runs.offOrigin)]
  };
}

const pages = Object.fromEntries(pageRuns.map((r) => [r.name, pageSummary(r)]));
type PageSummary = ReturnType<typeof pageSummary>;
const carte = pages.carte as PageSummary;
const base = pages.baseline as PageSummary;
const commune = pages.commune as PageSummary;
const median = (s: Summary | null | undefined) => s?.median ?? null;
const ratio = (a: number | null, b: number | null) =>
  a === null || b === null || b === 0 ? null : Math.round((a / b) * 1000) / 1000;
const baseChart = median(base.cold.chart);
const ratios = {
  shapesToBaselineChart: ratio(median(carte.cold.shapes), baseChart),
  valuesToBaselineChart: ratio(median(carte.cold.values), baseChart),
  engineReadyToBaselineEngineReady: ratio(median(carte.cold.engineReady), median(base.cold.engineReady)),
  warmValuesToBaselineWarmChart: ratio(median(carte.warm.values), median(base.warm.chart)),
  transferToBaseline: ratio(carte.transfer.encoded, base.transfer.encoded),
  rawTransferToBaseline: ratio(carte.transfer.raw, base.transfer.raw)
};

const check = (value: number | null, limit: number) => (value === null ? null : value <= limit);
const valuesCold = median(carte.cold.values);
const interaction = median(carte.extra["interaction.indicator"]);
const warmValues = median(carte.warm.values);
const budget: BudgetLine[] = [
  {
    item: "/carte: navigation → map values painted (cold)",
    limit: "≤ 1 000 ms",
    measured: formatMs(carte.cold.values),
    met: check(valuesCold, 1000)
  },
  {
    item: "/carte values painted ÷ baseline chart (cold)",
    limit: "≤ 0.5",
    measured: `${ratios.valuesToBaselineChart ?? "—"} (baseline chart ${formatMs(base.cold.chart)})`,
    met: check(ratios.valuesToBaselineChart, 0.5)
  },
  {
    item: "interaction: indicator change → map and legend re-rendered",
    limit: "≤ 50 ms",
    measured: formatMs(carte.extra["interaction.indicator"]),
    met: check(interaction, 50)
  },
  {
    item: "/carte compressed transfer (cold)",
    limit: "≤ 7 MB",
    measured: formatBytes(carte.transfer.encoded),
    met: check(carte.transfer.encoded, 7e6)
  },
  {
    item: "commune page compressed transfer (cold, no DuckDB)",
    limit: "≤ 2 MB",
    measured: formatBytes(commune.transfer.encoded),
    met: check(commune.transfer.encoded, 2e6)
  },
  {
    item: "/carte warm reload → map values painted",
    limit: "≤ 500 ms",
    measured: formatMs(carte.warm.values),
    met: check(warmValues, 500)
  },
  ...returnBudget(returnResults)
];

const results = {
  date: new Date().toISOString(),
  commit:
    git(["rev-parse", "--short", "HEAD"]) + (git(["status", "--porcelain", "--untracked-files=no"]) ? "+changes" : ""),
  machine,
  options: {
    runs: RUNS,
    warmVisitsPerRun: WARM,
    interactions: INTERACTIONS,
    queryRepeats: QUERY_REPEATS,
    settleMs: SETTLE_MS,
    lighthouseRuns: LH_RUNS
  },
  method: {
    timeOrigin: "ms since navigation start (performance.now() in the page)",
    painted: "first DOM state that satisfies the milestone, then the next animation frame (rAF → task)",
    cold: "a fresh Chromium profile per run (empty HTTP cache and code cache)",
    warm: `the same profile, ${SETTLE_MS} ms after the cold visit finished, navigating to the page again`,
    transfer:
      "first cold visit; encoded = CDP encodedDataLength of each response body (page and workers), " +
      "raw = the served file's size; the service worker's precaching of the offline copy is counted apart",
    server:
      "scripts/static-server.ts on 127.0.0.1, HTTP/1.1, brotli q9 (gzip for clients without br), " +
      "files compressed before the first request"
  },
  build,
  pages,
  ratios,
  budget,
  ...returnResults,
  lighthouse
};
writeFileSync(join(projectRoot, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);

// ——— tables ———
const out: string[] = [];
out.push(heading(`Observatoire MNO — npm run bench (${results.date}, ${results.commit})`));
out.push(
  `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; ${machine.chromium}; Node ${machine.node}; ` +
    `load average ${machine.loadAverageStart.join(" ")} → ${machine.loadAverageEnd.join(" ")}`
);
out.push(`${RUNS} cold runs (fresh profile) × ${WARM} warm visits; median (min–max, n).`);
out.push(heading("Pages: navigation → milestone painted"));
const rows: string[][] = [];
for (const [name, summary] of Object.entries(pages) as [string, PageSummary][]) {
  for (const key of [...Object.keys(summary.cold).filter((k) => !["engineStart", "fcp", "lcp", "load"].includes(k))]) {
    const cold = summary.cold[key];
    const warm = summary.warm[key];
    if (!cold && !warm) continue;
    rows.push([`${name} ${summary.path}`, key, formatMs(cold), formatMs(warm)]);
  }
  rows.push([`${name} ${summary.path}`, "FCP", formatMs(summary.cold.fcp), formatMs(summary.warm.fcp)]);
}
out.push(table(["page", "milestone", "cold", "warm"], rows));
out.push(heading("Interaction and queries (/carte, engine ready)"));
out.push(
  table(
    ["measure", "median (min–max, n)"],
    Object.entries(carte.extra)
      .filter(([k]) => !k.endsWith(".rows"))
      .map(([k, s]) => [k, formatMs(s)])
  )
);
out.push(heading("Transfer (first cold visit)"));
out.push(
  table(
    ["page", "requests", "compressed", "raw", "offline copy (then)", "largest files (compressed / raw)"],
    (Object.entries(pages) as [string, PageSummary][]).map(([name, s]) => [
      `${name} ${s.path}`,
      String(s.transfer.requests),
      formatBytes(s.transfer.encoded),
      formatBytes(s.transfer.raw),
      `${s.transfer.offlineCopy.requests} files, ${formatBytes(s.transfer.offlineCopy.encoded)}`,
      s.transfer.largest
        .slice(0, 3)
        .map((t) => `${t.path.split("/").pop()} ${formatBytes(t.encoded)}/${formatBytes(t.raw)}`)
        .join(", ")
    ])
  )
);
out.push(heading("Build"));
out.push(
  table(
    ["build", "wall time"],
    [
      ["site, cold (no Framework cache)", build.coldMs === null ? "skipped" : `${(build.coldMs / 1000).toFixed(1)} s`],
      ["site, warm (cache kept)", build.warmMs === null ? "skipped" : `${(build.warmMs / 1000).toFixed(1)} s`],
      ["baseline", `${((build.baselineMs ?? 0) / 1000).toFixed(1)} s`]
    ]
  )
);
out.push(heading("Ratios to the baseline (medians, cold unless said)"));
out.push(
  table(
    ["ratio", "value"],
    Object.entries(ratios).map(([k, v]) => [k, v === null ? "—" : String(v)])
  )
);
out.push(...returnTables(returnResults));
out.push(heading("Budget"));
out.push(
  table(
    ["item", "limit", "measured", "met"],
    budget.map((b) => [b.item, b.limit, b.measured, b.met === null ? "?" : b.met ? "yes" : "NO"])
  )
);
if (LH_RUNS) {
  out.push(heading(`Lighthouse ${machine.lighthouse} (mobile preset, median of ${LH_RUNS})`));
  out.push(
    table(
      ["page", "performance", "accessibility", "best practices", "FCP", "LCP", "TBT", "CLS"],
      Object.entries(lighthouse).map(([name, {median: m}]) => [
        name,
        String(m.performance),
        String(m.accessibility),
        String(m.bestPractices),
        `${Math.round(m.fcp ?? 0)} ms`,
        `${Math.round(m.lcp ?? 0)} ms`,
        `${Math.round(m.tbt ?? 0)} ms`,
        String(m.cls)
      ])
    )
  );
  const failed = Object.entries(lighthouse).flatMap(([name, l]) =>
    l.runs[0].failedAccessibility.map((a) => `${name}: ${a.id} (${a.items.join(", ")})`)
  );
  if (failed.length) out.push(`accessibility audits failed: ${failed.join("; ")}`);
}
const problems = (Object.entries(pages) as [string, PageSummary][]).flatMap(([name, s]) => [
  ...s.errors.map((e) => `${name}: ${e}`),
  ...s.offOrigin.map((u) => `${name}: off-origin ${u}`)
]);
if (problems.length) out.push(`\nproblems seen: ${problems.join("; ")}`);
out.push("\nwritten: bench/results.json");
console.log(out.join("\n"));
