// Chromium for the benchmark: a fresh profile per cold run (empty HTTP and code caches, as a first
// visit), the flags of the end-to-end tests, requests to any other origin blocked, and in every
// page a recorder of milestones (navigation → « shapes painted », « values painted », …).
import {mkdtempSync, readFileSync, rmSync, statSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {brotliCompressSync, constants, gzipSync} from "node:zlib";
import {type BrowserContext, type Page, chromium} from "playwright-core";
import {CHROMIUM_ARGS, chromiumPath} from "../../tests/e2e/chromium.js";

export interface Profile {
  context: BrowserContext;
  page: Page;
  /** Requests that left for another origin (blocked): must stay empty. */
  offOrigin: string[];
  errors: string[];
  close(): Promise<void>;
}

/**
 * Milestones a page reaches, each a JS expression evaluated in the page after every DOM change:
 * the time it first holds (ms since navigation start) and the time of the next frame after it.
 */
export type Milestones = Record<string, string>;

export interface MilestoneTime {
  /** When the DOM first satisfied the condition. */
  dom: number;
  /** After the next animation frame: when it was painted. */
  paint: number;
}

export interface PageTimings {
  milestones: Record<string, MilestoneTime | null>;
  marks: Record<string, number>;
  fcp: number | null;
  lcp: number | null;
  domContentLoaded: number | null;
  load: number | null;
}

/** Installed before any script of every document: records milestones and paint entries. */
function recorder(milestones: Milestones): void {
  const state = {
    milestones: {} as Record<string, {dom: number; paint: number | null}>,
    fcp: null as number | null,
    lcp: null as number | null
  };
  (window as unknown as {__mnoBench: typeof state}).__mnoBench = state;
  const checks = Object.entries(milestones).map(
    ([name, expression]) => [name, new Function(`return (${expression});`) as () => boolean] as const
  );
  const check = () => {
    for (const [name, test] of checks) {
      if (state.milestones[name]) continue;
      let ok: boolean;
      try {
        ok = Boolean(test());
      } catch {
        ok = false;
      }
      if (!ok) continue;
      const record = {dom: performance.now(), paint: null as number | null};
      state.milestones[name] = record;
      // rAF runs before the frame is produced; a task queued from it runs after that frame.
      requestAnimationFrame(() => setTimeout(() => (record.paint = performance.now()), 0));
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true
  });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") state.fcp = entry.startTime;
    }).observe({type: "paint", buffered: true});
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.lcp = entry.startTime;
    }).observe({type: "largest-contentful-paint", buffered: true});
  } catch {
    // Paint timing unavailable: the milestones still work.
  }
}

export interface ProfileOptions {
  /**
   * A phone with « économiseur de données »: every request carries `Save-Data: on` and
   * navigator.connection says saveData (the Network Information API, as Chromium on Android).
   */
  saveData?: boolean;
}

/** The Network Information API of a phone saving data (Chromium's headless desktop has no saveData). */
export const SAVE_DATA_SCRIPT = `Object.defineProperty(Navigator.prototype, "connection", {configurable: true,
  get: () => ({saveData: true, effectiveType: "4g", addEventListener() {}, removeEventListener() {}})});`;

export async function launchProfile(origin: string, {saveData = false}: ProfileOptions = {}): Promise<Profile> {
  const dir = mkdtempSync(join(tmpdir(), "mno-bench-profile-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromiumPath(),
    // Every host name fails to resolve: nothing leaves the machine (the site is on 127.0.0.1). Not
    // Playwright's request routing, which disables the HTTP cache and delays every request.
    args: [...CHROMIUM_ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
    headless: true,
    viewport: {width: 1280, height: 900},
    locale: "fr-FR",
    ...(saveData ? {extraHTTPHeaders: {"Save-Data": "on"}} : {})
  });
  if (saveData) await context.addInitScript(SAVE_DATA_SCRIPT);
  // tsx compiles this file with esbuild's keepNames: functions sent to the page call `__name`.
  await context.addInitScript("globalThis.__name = (target) => target;");
  const offOrigin: string[] = [];
  const errors: string[] = [];
  context.on("request", (request) => {
    const url = request.url();
    if (!(url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:"))) offOrigin.push(url);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => errors.push(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    // A failed load is reported below with its address; the console's line does not name it.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      errors.push(message.text());
  });
  context.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  return {
    context,
    page,
    offOrigin,
    errors,
    close: async () => {
      await context.close();
      rmSync(dir, {recursive: true, force: true});
    }
  };
}

export async function installRecorder(page: Page, milestones: Milestones): Promise<void> {
  await page.addInitScript(recorder, milestones);
}

/** Waits until every milestone is reached (and painted), then reads the timings. */
export async function readTimings(page: Page, milestones: Milestones, timeout = 60_000): Promise<PageTimings> {
  const names = Object.keys(milestones);
  await page
    .waitForFunction(
      (names) => {
        const state = (window as unknown as {__mnoBench?: {milestones: Record<string, {paint: number | null}>}})
          .__mnoBench;
        return !!state && names.every((n) => state.milestones[n]?.paint != null);
      },
      names,
      {timeout, polling: 50}
    )
    .catch(() => {});
  return page.evaluate((names) => {
    const state = (
      window as unknown as {
        __mnoBench: {
          milestones: Record<string, {dom: number; paint: number | null}>;
          fcp: number | null;
          lcp: number | null;
        };
      }
    ).__mnoBench;
    const marks = Object.fromEntries(performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]));
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    return {
      milestones: Object.fromEntries(
        names.map((n) => {
          const m = state.milestones[n];
          return [n, m && m.paint != null ? {dom: m.dom, paint: m.paint} : null];
        })
      ),
      marks,
      fcp: state.fcp,
      lcp: state.lcp,
      domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : null,
      load: navigation ? navigation.loadEventEnd : null
    };
  }, names);
}

/** Waits for a performance mark (e.g. `mno:duckdb-ready`), returning its time or null. */
export async function waitForMark(page: Page, name: string, timeout = 60_000): Promise<number | null> {
  const handle = await page
    .waitForFunction((name) => performance.getEntriesByName(name, "mark")[0]?.startTime ?? false, name, {
      timeout,
      polling: 50
    })
    .catch(() => null);
  return handle ? ((await handle.jsonValue()) as number) : null;
}

export interface Transfer {
  url: string;
  path: string;
  /** Bytes on the wire (CDP encodedDataLength, less headers): compressed when the server compressed. */
  encoded: number;
  /** Bytes of the file as served, uncompressed. */
  raw: number;
  encoding: string | null;
  fromCache: boolean;
  /** The encoded size was not reported (a worker's main script): recompressed here as the server does. */
  estimated?: boolean;
  /** Made by the service worker precaching the offline copy, not by the page. */
  offlineCopy?: boolean;
}

/**
 * Records every response of the profile (the page and its workers: DuckDB fetches its wasm from a
 * worker, which a page-level CDP session does not see; Playwright's sizes come from CDP's
 * `Network.loadingFinished.encodedDataLength` of the target that made the request).
 */
export function recordTransfers(profile: Profile, dist: string): {transfers: Transfer[]; settle(): Promise<void>} {
  const transfers: Transfer[] = [];
  const pending: Promise<void>[] = [];
  profile.context.on("requestfinished", (request) => {
    pending.push(
      (async () => {
        const url = new URL(request.url());
        if (url.protocol !== "http:") return;
        // A request that finishes as the profile closes has no response to read any more: not counted.
        const response = await request.response().catch(() => null);
        if (!response) return;
        const sizes = await request.sizes().catch(() => null);
        const headers = await response.allHeaders().catch(() => null);
        if (!headers) return;
        const raw = rawSize(dist, url.pathname) ?? Number(headers["content-length"] ?? 0);
        const encoding = headers["content-encoding"] ?? null;
        let encoded = sizes?.responseBodySize ?? 0;
        // Chromium reports no size for a dedicated worker's own script; a response that came from
        // the cache has no content-encoding header in what Playwright sees either way, so only a
        // response that says it was compressed is re-measured.
        const estimated = encoded === 0 && raw > 0 && (encoding === "br" || encoding === "gzip");
        if (estimated) encoded = packedSize(dist, url.pathname, encoding as "br" | "gzip");
        transfers.push({
          url: url.href,
          path: url.pathname,
          encoded,
          raw,
          encoding,
          fromCache: encoded === 0 && raw > 0,
          ...(estimated ? {estimated} : {}),
          ...(request.serviceWorker() ? {offlineCopy: true} : {})
        });
      })()
    );
  });
  return {
    transfers,
    settle: async () => {
      await Promise.all(pending);
    }
  };
}

/** The size of a served file once compressed as scripts/static-server.ts compresses it. */
function packedSize(dist: string, pathname: string, encoding: "br" | "gzip"): number {
  const file = filePath(dist, pathname);
  if (!file) return 0;
  const body = readFileSync(file);
  return (
    encoding === "br"
      ? brotliCompressSync(body, {params: {[constants.BROTLI_PARAM_QUALITY]: 9}})
      : gzipSync(body, {level: 9})
  ).length;
}

function filePath(dist: string, pathname: string): string | null {
  const clean = decodeURIComponent(pathname);
  for (const candidate of clean.endsWith("/")
    ? [join(dist, clean, "index.html")]
    : [join(dist, clean), join(dist, `${clean}.html`)]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // next candidate
    }
  }
  return null;
}

/** The size of the file a path serves from dist/ (clean URLs: /carte → carte.html). */
export function rawSize(dist: string, pathname: string): number | null {
  const file = filePath(dist, pathname);
  return file ? statSync(file).size : null;
}

/** The bytes a visit transferred: each URL once, nothing answered from a cache. */
export function transferSummary(transfers: Transfer[]) {
  // Each URL once: a second request for the same file within a visit is served from memory.
  const byUrl = new Map<string, Transfer>();
  for (const t of transfers) if (!t.fromCache && (byUrl.get(t.url)?.encoded ?? -1) < t.encoded) byUrl.set(t.url, t);
  // The offline copy (precached by the service worker once the engine is up, every file of the site
  // the page has not fetched) is a download of its own: counted beside the page's, not in it.
  const all = [...byUrl.values()];
  const fetched = all.filter((t) => !t.offlineCopy);
  const precached = all.filter((t) => t.offlineCopy);
  return {
    requests: fetched.length,
    encoded: fetched.reduce((s, t) => s + t.encoded, 0),
    raw: fetched.reduce((s, t) => s + t.raw, 0),
    offlineCopy: {requests: precached.length, encoded: precached.reduce((s, t) => s + t.encoded, 0)},
    largest: [...fetched]
      .sort((a, b) => b.encoded - a.encoded)
      .slice(0, 6)
      .map((t) => ({
        path: t.path,
        encoded: t.encoded,
        raw: t.raw,
        encoding: t.encoding,
        ...(t.estimated ? {estimated: true} : {})
      }))
  };
}
