// Page scenarios of `npm run bench`: each page is opened in a fresh profile (cold cache), its
// milestones and transfers recorded, then opened again in the same profile (warm cache).
import type {Page} from "playwright-core";
import {
  type Milestones,
  type PageTimings,
  type Transfer,
  installRecorder,
  launchProfile,
  readTimings,
  recordTransfers,
  waitForMark
} from "./browser.js";

export interface PageSpec {
  name: string;
  path: string;
  milestones: Milestones;
  /** Performance marks of the engine: start and ready (absent for pages without DuckDB). */
  engineMarks?: {start: string; ready: string};
  /** How long to wait for the milestones (ms). */
  timeout?: number;
  /** Extra measurements on the cold page once everything is ready (interaction, queries). */
  afterCold?: (page: Page) => Promise<Record<string, number[]>>;
}

export interface Visit {
  timings: PageTimings;
  /** ms since navigation start; null when the page does not start the engine. */
  engineStart: number | null;
  engineReady: number | null;
}

export interface PageRuns {
  name: string;
  path: string;
  cold: Visit[];
  warm: Visit[];
  /** Transfers of the first cold visit. */
  transfers: Transfer[];
  extra: Record<string, number[]>;
  errors: string[];
  offOrigin: string[];
}

async function visit(page: Page, url: string, spec: PageSpec): Promise<Visit> {
  await page.goto(url, {waitUntil: "commit"});
  const timings = await readTimings(page, spec.milestones, spec.timeout ?? 60_000);
  let engineStart: number | null = null;
  let engineReady: number | null = null;
  if (spec.engineMarks) {
    const started = await page.evaluate(
      (name) => performance.getEntriesByName(name, "mark").length > 0,
      spec.engineMarks.start
    );
    if (started) {
      engineReady = await waitForMark(page, spec.engineMarks.ready);
      engineStart = await page.evaluate(
        (name) => performance.getEntriesByName(name, "mark")[0]?.startTime ?? null,
        spec.engineMarks.start
      );
    }
  }
  return {timings, engineStart, engineReady};
}

export interface RunOptions {
  origin: string;
  dist: string;
  runs: number;
  /** Warm visits after each cold one, in the same profile. */
  warmVisits: number;
  /** Pause before the warm visits, so that the browser writes its caches (HTTP, code cache). */
  settleMs: number;
  log: (line: string) => void;
}

export async function measurePage(
  spec: PageSpec,
  {origin, dist, runs, warmVisits, settleMs, log}: RunOptions
): Promise<PageRuns> {
  const result: PageRuns = {
    name: spec.name,
    path: spec.path,
    cold: [],
    warm: [],
    transfers: [],
    extra: {},
    errors: [],
    offOrigin: []
  };
  const url = new URL(spec.path, origin).href;
  for (let run = 0; run < runs; run++) {
    const profile = await launchProfile(origin);
    try {
      const recording = recordTransfers(profile, dist);
      await installRecorder(profile.page, spec.milestones);
      const cold = await visit(profile.page, url, spec);
      result.cold.push(cold);
      if (spec.afterCold) {
        for (const [key, values] of Object.entries(await spec.afterCold(profile.page)))
          (result.extra[key] ??= []).push(...values);
      }
      await profile.page.waitForLoadState("networkidle").catch(() => {});
      await recording.settle();
      if (run === 0) result.transfers = [...recording.transfers];
      await profile.page.waitForTimeout(settleMs);
      for (let w = 0; w < warmVisits; w++) result.warm.push(await visit(profile.page, url, spec));
      log(
        `  ${spec.name} run ${run + 1}/${runs}: cold ${describe(cold, spec)}; warm ${result.warm
          .slice(-warmVisits)
          .map((v) => describe(v, spec))
          .join(" / ")}`
      );
    } finally {
      result.errors.push(...profile.errors);
      result.offOrigin.push(...profile.offOrigin);
      await profile.close();
    }
  }
  return result;
}

function describe(v: Visit, spec: PageSpec): string {
  const parts = Object.keys(spec.milestones).map(
    (name) => `${name} ${v.timings.milestones[name] ? Math.round(v.timings.milestones[name]!.paint) : "—"}`
  );
  if (v.engineReady !== null) parts.push(`engine ${Math.round(v.engineReady)}`);
  return parts.join(", ");
}

// ——— /carte's interactions and queries, run in the page through its own engine module ———

/**
 * Changes the map's indicator `count` times (then the mode `count` times) and times each change
 * from the `change` event to the frame after the new map, legend and table are in the DOM.
 */
export async function mapInteractions(
  page: Page,
  count: number
): Promise<{indicator: number[]; handler: number[]; mode: number[]; confirmed: number[]}> {
  // The engine answers interactions once ready: wait for it, as a user who has been reading.
  await page.waitForFunction(() => document.querySelector(".map-box")?.getAttribute("data-source") === "duckdb", null, {
    timeout: 60_000
  });
  return page.evaluate(async (count) => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const box = document.querySelector(".map-box") as HTMLElement;
    /** Resolves when `done()` holds, checked at every change of the map box. */
    const until = (done: () => boolean) =>
      new Promise<void>((resolve, reject) => {
        if (done()) return resolve();
        const observer = new MutationObserver(() => {
          if (done()) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(box, {childList: true, attributes: true});
        setTimeout(() => reject(new Error("la carte n'a pas été redessinée en 10 s")), 10_000);
      });
    // Re-rendered: the box shows the new view (`data-view`), painted from the build's results of the
    // same query or from DuckDB; confirmed: DuckDB-WASM's answer is in place.
    const change = async (element: HTMLInputElement | HTMLSelectElement, set: () => void) => {
      const before = box.dataset.view;
      const legend = box.querySelector(".legend")?.textContent;
      const start = performance.now();
      set();
      element.dispatchEvent(new Event("change", {bubbles: true}));
      const handler = performance.now() - start;
      await until(() => box.dataset.view !== before && box.getAttribute("aria-busy") === "false");
      await frame();
      const elapsed = performance.now() - start;
      await until(() => box.dataset.source === "duckdb");
      const confirmed = performance.now() - start;
      // As a reader between two choices: the page's deferred work (URL, controls) is done.
      await new Promise((resolve) => requestIdleCallback(resolve, {timeout: 1000}));
      return {elapsed, handler, confirmed, legendChanged: box.querySelector(".legend")?.textContent !== legend};
    };
    const indicator: number[] = [];
    const handlers: number[] = [];
    const confirmed: number[] = [];
    const mode: number[] = [];
    for (let i = 0; i < count; i++) {
      const select = document.querySelector("#map-indicator") as HTMLSelectElement;
      const next = select.options[(select.selectedIndex + 1) % select.options.length].value;
      const result = await change(select, () => (select.value = next));
      if (!result.legendChanged) throw new Error(`la légende n'a pas changé avec l'indicateur ${next}`);
      indicator.push(result.elapsed);
      handlers.push(result.handler);
      confirmed.push(result.confirmed);
    }
    for (let i = 0; i < count; i++) {
      const radios = [...document.querySelectorAll<HTMLInputElement>('input[name="mode"]')];
      const current = radios.findIndex((r) => r.checked);
      const next = radios[(current + 1) % radios.length];
      mode.push((await change(next, () => (next.checked = true))).elapsed);
    }
    return {indicator, handler: handlers, mode, confirmed};
  }, count);
}

export interface QuerySpec {
  name: string;
  /** SQL text with `?` parameters, run as the explorer runs SQL (engine.sql). */
  sql?: string;
  params?: unknown[];
  /** Or a named query of src/lib/queries/, called with these arguments. */
  named?: {name: string; args: unknown[]};
}

/**
 * Repeats each query through the page's own engine: the modules its bundle exposes
 * (`EXPOSED` in src/lib/build/bundle-pages.ts), imported by the bundle's URL.
 */
export async function engineQueries(
  page: Page,
  queries: QuerySpec[],
  repeats: number
): Promise<Record<string, number[]>> {
  return page.evaluate(
    async ({queries, repeats}) => {
      const bundleUrl = document.querySelector<HTMLLinkElement>(
        'link[rel="modulepreload"][href*="/_import/pages/"]'
      )?.href;
      const modules = bundleUrl ? (await import(bundleUrl)).modules : {};
      const db = modules["components/engine/db"];
      const named = modules["lib/queries/index"];
      if (!db) throw new Error("cette page ne charge pas le moteur (components/engine/db.js)");
      const engine = await db.startEngine();
      const results: Record<string, number[]> = {};
      for (const q of queries) {
        // A page that does not load the named queries (the explorer) runs only the SQL ones.
        if (q.named && !named) continue;
        const run = async () => {
          if (q.named) {
            const query = named[q.named.name]?.(...q.named.args);
            if (!query) throw new Error(`requête inconnue : ${q.named.name}`);
            return (await engine.run(query)).length;
          }
          return (await engine.sql(q.sql, q.params ?? [])).rows.length;
        };
        const first = performance.now();
        const rows = await run();
        results[`${q.name}.first`] = [performance.now() - first];
        results[`${q.name}.rows`] = [rows];
        const times: number[] = [];
        for (let i = 0; i < repeats; i++) {
          performance.mark(`bench:${q.name}:start`);
          await run();
          times.push(performance.measure(`bench:${q.name}`, `bench:${q.name}:start`).duration);
        }
        results[q.name] = times;
      }
      return results;
    },
    {queries, repeats}
  );
}

/** The drill-down and explorer queries measured on every page that has the engine. */
export const BENCH_QUERIES: QuerySpec[] = [
  // The map's own query (what an indicator change waits for), through the same engine.
  {name: "map.values", named: {name: "mapValues", args: ["plie.participants", 2022, "taux"]}},
  {
    // A programme's drill-down (what /programmes/<programme> shows): its indicators by section,
    // year and breakdown, for the latest edition.
    name: "drilldown.programme",
    sql: `SELECT section, indicator, any_value(label) AS label, year, dimension,
  count(*) AS figures, sum(value) AS total
FROM indicators
WHERE report_year = (SELECT max(report_year) FROM indicators) AND programme = ?::VARCHAR
GROUP BY section, indicator, year, dimension
ORDER BY section, indicator, year, dimension`,
    params: ["plie"]
  },
  // A commune's drill-down: the site's own named query (every figure of one commune, with ranks).
  {name: "drilldown.commune", named: {name: "communeProfile", args: ["59378"]}},
  {
    // What an analyst types in the explorer: a GROUP BY over the whole table, no parameters.
    name: "explorer.groupby",
    sql: `SELECT programme, unit, status, count(*) AS lignes, count(DISTINCT indicator) AS indicateurs,
  round(sum(value), 1) AS total, count(commune_code) AS par_commune
FROM indicators GROUP BY ALL ORDER BY lignes DESC`
  }
];
