// The runs of issue #18 in `npm run bench`: the offline copy (first visit, then no network: the
// main pages and an explorer query), the Save-Data path (bytes a phone saving data downloads) and
// the engine on a return visit (warm engine-ready, with the offline copy in control as a reader's
// second visit has it). Each can run alone: `npm run bench -- --only offline,savedata,warm-engine`.
import type {Page} from "playwright-core";
import {
  type Transfer,
  installRecorder,
  launchProfile,
  recordTransfers,
  transferSummary,
  waitForMark
} from "./browser.js";
import {type Summary, formatBytes, formatMs, summarize} from "./stats.js";
import {heading, table} from "./table.js";

const DATA_PAINTED = () =>
  document.querySelector("#observablehq-main [aria-busy]") !== null &&
  document.querySelector('[aria-busy="true"]') === null;

/** Waits until the service worker holds the whole offline copy and controls the page. */
async function offlineCopyReady(page: Page, timeout = 120_000): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {timeout});
}

export interface OfflineStep {
  name: string;
  path: string;
  ok: boolean;
  /** goto → the step's check holds (ms), null when it failed. */
  ms: number | null;
  error?: string;
}

export interface OfflineRun {
  /** First visit of `/` → offline copy installed and in control (ms). */
  installMs: number | null;
  steps: OfflineStep[];
  errors: string[];
  offOrigin: string[];
  ok: boolean;
}

const STEPS: {name: string; path: string; check: (page: Page) => Promise<unknown>}[] = [
  {
    name: "accueil",
    path: "/",
    check: (page) => page.waitForSelector('.async-block[data-source="duckdb"]', {timeout: 30_000})
  },
  {
    name: "carte",
    path: "/carte?indicateur=plie.participants&mode=taux&annee=2022",
    check: (page) => page.waitForSelector('.map-box[data-source="duckdb"] .commune path', {timeout: 30_000})
  },
  {
    name: "commune",
    path: "/communes/59378",
    check: (page) => page.waitForSelector(".commune-figure", {timeout: 30_000})
  },
  {
    name: "programme",
    path: "/programmes/plie",
    check: (page) =>
      page.waitForSelector('.programme-content[aria-busy="false"][data-source="duckdb"]', {timeout: 30_000})
  },
  {
    name: "explorateur",
    path: "/explorer",
    // The reader's own query, typed and run as in the explorer (the notebook's cells have results already).
    check: async (page) => {
      const editor = page.locator(".cell").first().locator(".cm-content");
      await editor.click();
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.press("Delete");
      await page.keyboard.insertText("SELECT count(*) AS n FROM communes");
      await page.getByRole("button", {name: "Exécuter la cellule 1"}).click();
      await page.waitForFunction(
        () => /^\d+$/.test(document.querySelector(".cell .result-table tbody td")?.textContent ?? ""),
        null,
        {timeout: 30_000}
      );
    }
  }
];

/** One visit of `/` online, then every step with the network off (Chromium's offline emulation). */
export async function offlineRun(origin: string): Promise<OfflineRun> {
  const profile = await launchProfile(origin);
  const {page, context} = profile;
  const result: OfflineRun = {installMs: null, steps: [], errors: [], offOrigin: [], ok: false};
  try {
    const start = Date.now();
    await page.goto(new URL("/", origin).href);
    await page.waitForFunction(DATA_PAINTED, null, {timeout: 60_000});
    await offlineCopyReady(page);
    result.installMs = Date.now() - start;
    await context.setOffline(true);
    for (const step of STEPS) {
      const t0 = Date.now();
      try {
        await page.goto(new URL(step.path, origin).href);
        await step.check(page);
        result.steps.push({name: step.name, path: step.path, ok: true, ms: Date.now() - t0});
      } catch (error) {
        result.steps.push({
          name: step.name,
          path: step.path,
          ok: false,
          ms: null,
          error: String((error as Error)?.message ?? error).split("\n")[0]
        });
      }
    }
  } finally {
    result.errors = [...new Set(profile.errors)];
    result.offOrigin = [...new Set(profile.offOrigin)];
    await profile.close();
  }
  result.ok = result.installMs !== null && result.steps.every((s) => s.ok) && result.errors.length === 0;
  return result;
}

export interface SaveDataPage {
  path: string;
  transfer: ReturnType<typeof transferSummary>;
  /** Requests for DuckDB's code or wasm: must be none. */
  engineRequests: string[];
  engineStarted: boolean;
  errors: string[];
}

const ENGINE_FILE = /\/_npm\/@duckdb\/|\.wasm$/;

/** A first visit of each page by a phone saving data: what it downloads (page and workers). */
export async function saveDataRun(origin: string, dist: string, paths: string[]): Promise<SaveDataPage[]> {
  const pages: SaveDataPage[] = [];
  for (const path of paths) {
    const profile = await launchProfile(origin, {saveData: true});
    try {
      const recording = recordTransfers(profile, dist);
      await profile.page.goto(new URL(path, origin).href);
      await profile.page.waitForFunction(DATA_PAINTED, null, {timeout: 30_000});
      await profile.page.waitForLoadState("networkidle").catch(() => {});
      // What a page starts once idle (the offline copy's registration, deferred work) is counted too.
      await profile.page.waitForTimeout(2000);
      await recording.settle();
      const fetched: Transfer[] = recording.transfers;
      pages.push({
        path,
        transfer: transferSummary(fetched),
        engineRequests: [...new Set(fetched.map((t) => t.path).filter((p) => ENGINE_FILE.test(p)))],
        engineStarted: await profile.page.evaluate(() => performance.getEntriesByName("mno:duckdb-start").length > 0),
        errors: [...new Set(profile.errors)]
      });
    } finally {
      await profile.close();
    }
  }
  return pages;
}

/** The engine's marks, in order (src/components/engine/db.ts). */
const ENGINE_MARKS = ["mno:duckdb-start", "mno:duckdb-compile", "mno:duckdb-instantiated", "mno:duckdb-ready"];

export interface WarmEngine {
  path: string;
  /** navigation → mno:duckdb-ready, cold (first visit) and warm (return visits). */
  cold: Summary | null;
  warm: Summary | null;
  /** Warm: mno:duckdb-compile → mno:duckdb-instantiated (DuckDB's wasm fetched, compiled, instantiated). */
  warmInstantiate: Summary | null;
  /** Warm: mno:duckdb-instantiated → ready (open, connect, tables inserted). */
  warmOpen: Summary | null;
  /** Warm: start → compile (the engine's JS imported, the page's first view awaited). */
  warmStart: Summary | null;
  /** Whether the offline copy controlled the return visits (a reader's second visit). */
  controlled: boolean[];
  errors: string[];
}

/**
 * The engine on return: a fresh profile visits the page, waits for its engine and its offline copy,
 * then comes back `warmVisits` times; repeated for `runs` profiles.
 */
export async function warmEngineRun(
  origin: string,
  path: string,
  {runs, warmVisits, settleMs, log}: {runs: number; warmVisits: number; settleMs: number; log: (l: string) => void}
): Promise<WarmEngine> {
  const cold: (number | null)[] = [];
  const warm: Record<string, number>[] = [];
  const controlled: boolean[] = [];
  const errors: string[] = [];
  const url = new URL(path, origin).href;
  const marks = (page: Page) =>
    page.evaluate(
      (names) =>
        Object.fromEntries(
          names.flatMap((n) => {
            const m = performance.getEntriesByName(n, "mark")[0];
            return m ? [[n, m.startTime]] : [];
          })
        ) as Record<string, number>,
      ENGINE_MARKS
    );
  for (let run = 0; run < runs; run++) {
    const profile = await launchProfile(origin);
    try {
      await installRecorder(profile.page, {});
      await profile.page.goto(url, {waitUntil: "commit"});
      cold.push(await waitForMark(profile.page, "mno:duckdb-ready"));
      await offlineCopyReady(profile.page).catch(() => log("  warm-engine: no offline copy after 120 s"));
      await profile.page.waitForTimeout(settleMs);
      const times: number[] = [];
      for (let w = 0; w < warmVisits; w++) {
        await profile.page.goto(url, {waitUntil: "commit"});
        await waitForMark(profile.page, "mno:duckdb-ready");
        const m = await marks(profile.page);
        warm.push(m);
        times.push(m["mno:duckdb-ready"]);
        controlled.push(await profile.page.evaluate(() => navigator.serviceWorker.controller !== null));
      }
      const coldMs = Math.round(cold.at(-1) ?? NaN);
      log(`  warm-engine ${path} run ${run + 1}/${runs}: cold ${coldMs}; warm ${times.map(Math.round).join(" / ")}`);
    } finally {
      errors.push(...profile.errors);
      await profile.close();
    }
  }
  const span = (from: string, to: string) =>
    summarize(warm.map((m) => (m[from] !== undefined && m[to] !== undefined ? m[to] - m[from] : null)));
  return {
    path,
    cold: summarize(cold),
    warm: summarize(warm.map((m) => m["mno:duckdb-ready"])),
    warmStart: span("mno:duckdb-start", "mno:duckdb-compile"),
    warmInstantiate: span("mno:duckdb-compile", "mno:duckdb-instantiated"),
    warmOpen: span("mno:duckdb-instantiated", "mno:duckdb-ready"),
    controlled,
    errors: [...new Set(errors)]
  };
}

// ——— the three runs together, their tables and budget lines ———

export const RETURN_PARTS = ["offline", "savedata", "warm-engine"] as const;
export type ReturnPart = (typeof RETURN_PARTS)[number];

export interface ReturnResults {
  offline?: OfflineRun;
  saveData?: SaveDataPage[];
  warmEngine?: WarmEngine[];
}

export const SAVE_DATA_PATHS = ["/", "/carte"];
export const WARM_ENGINE_PATHS = ["/carte", "/explorer"];
/** Issue #18's targets. */
export const SAVE_DATA_LIMIT = 400e3;
export const WARM_ENGINE_LIMIT = 800;

export async function returnRuns(
  parts: Iterable<ReturnPart>,
  options: {origin: string; dist: string; runs: number; warmVisits: number; settleMs: number; log: (l: string) => void}
): Promise<ReturnResults> {
  const {origin, dist, log} = options;
  const results: ReturnResults = {};
  const wanted = new Set(parts);
  if (wanted.has("offline")) {
    log("offline: first visit of /, then the network off…");
    results.offline = await offlineRun(origin);
    log(`  offline: ${results.offline.steps.map((s) => `${s.name} ${s.ok ? `${s.ms} ms` : "FAILED"}`).join(", ")}`);
  }
  if (wanted.has("savedata")) {
    log("savedata: first visits with Save-Data…");
    results.saveData = await saveDataRun(origin, dist, SAVE_DATA_PATHS);
  }
  if (wanted.has("warm-engine")) {
    results.warmEngine = [];
    for (const path of WARM_ENGINE_PATHS) {
      log(`warm-engine ${path}: ${options.runs} profiles × ${options.warmVisits} return visits…`);
      results.warmEngine.push(await warmEngineRun(origin, path, options));
    }
  }
  return results;
}

export interface BudgetLine {
  item: string;
  limit: string;
  measured: string;
  met: boolean | null;
}

export function returnBudget(results: ReturnResults): BudgetLine[] {
  const lines: BudgetLine[] = [];
  const {offline, saveData, warmEngine} = results;
  if (offline) {
    const passed = offline.steps.filter((s) => s.ok).length;
    lines.push({
      item: "offline after one visit: /, /carte, commune, programme, explorer query",
      limit: `${STEPS.length}/${STEPS.length}, 0 console errors`,
      measured: `${passed}/${STEPS.length}, ${offline.errors.length} console errors`,
      met: offline.ok
    });
  }
  for (const page of saveData ?? []) {
    lines.push({
      item: `${page.path} with Save-Data: compressed transfer (no engine)`,
      limit: `≤ ${formatBytes(SAVE_DATA_LIMIT)}`,
      measured: `${formatBytes(page.transfer.encoded)}${page.engineRequests.length ? `, engine fetched` : ""}`,
      met: page.transfer.encoded <= SAVE_DATA_LIMIT && page.engineRequests.length === 0
    });
  }
  for (const w of warmEngine ?? []) {
    lines.push({
      item: `${w.path} return visit → engine ready (warm)`,
      limit: `≤ ${WARM_ENGINE_LIMIT} ms`,
      measured: w.warm ? `${Math.round(w.warm.median)} ms` : "—",
      met: w.warm ? w.warm.median <= WARM_ENGINE_LIMIT : null
    });
  }
  return lines;
}

export function returnTables(results: ReturnResults): string[] {
  const out: string[] = [];
  const {offline, saveData, warmEngine} = results;
  if (offline) {
    out.push(heading("Offline after one visit (network off)"));
    out.push(
      table(
        ["step", "path", "result", "time"],
        [
          [
            "install",
            "/",
            offline.installMs === null ? "FAILED" : "offline copy in control",
            `${offline.installMs} ms`
          ],
          ...offline.steps.map((s) => [
            s.name,
            s.path,
            s.ok ? "ok" : `FAILED: ${s.error}`,
            s.ms === null ? "—" : `${s.ms} ms`
          ]),
          ["console errors", "", String(offline.errors.length), ""]
        ]
      )
    );
    if (offline.errors.length) out.push(`errors: ${offline.errors.join("; ")}`);
  }
  if (saveData) {
    out.push(heading("Save-Data: first visit of a phone saving data"));
    out.push(
      table(
        ["page", "requests", "compressed", "raw", "engine", "largest files (compressed)"],
        saveData.map((p) => [
          p.path,
          String(p.transfer.requests),
          formatBytes(p.transfer.encoded),
          formatBytes(p.transfer.raw),
          p.engineStarted || p.engineRequests.length ? `started (${p.engineRequests.length} files)` : "not fetched",
          p.transfer.largest
            .slice(0, 3)
            .map((t) => `${t.path.split("/").pop()} ${formatBytes(t.encoded)}`)
            .join(", ")
        ])
      )
    );
  }
  if (warmEngine) {
    out.push(heading("Engine on a return visit (offline copy in control)"));
    out.push(
      table(
        [
          "page",
          "ready, cold",
          "ready, warm",
          "warm: start → compile",
          "warm: compile → instantiated",
          "warm: → ready",
          "controlled"
        ],
        warmEngine.map((w) => [
          w.path,
          formatMs(w.cold),
          formatMs(w.warm),
          formatMs(w.warmStart),
          formatMs(w.warmInstantiate),
          formatMs(w.warmOpen),
          `${w.controlled.filter(Boolean).length}/${w.controlled.length}`
        ])
      )
    );
  }
  return out;
}
