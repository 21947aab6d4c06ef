// The offline copy (scripts/service-worker.ts, src/components/offline/) in Chromium: after one visit
// the main pages and an explorer query work without network; a new build is offered, not forced;
// a reader saving data downloads no engine for pages drawn from the build.
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {type Browser, type BrowserContext, type Page, chromium} from "playwright-core";
import {afterAll, afterEach, beforeAll, describe, expect, it} from "vitest";
import {type StaticServer, startStaticServer} from "../../scripts/static-server.js";
import {projectRoot} from "../../src/lib/build/datasets.js";
import {type OpenedPage, openPage, problems, useBrowser, waitForData} from "./browser.js";
import {CHROMIUM_ARGS, chromiumPath} from "./chromium.js";

useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => opened?.context.close());

/** Waits until the service worker holds the whole offline copy and controls the page. */
async function offlineCopyReady(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {timeout: 30_000});
}

/**
 * Chromium's offline emulation sets navigator.onLine only in the documents open when it changes (a
 * page loaded afterwards says online, unlike a phone in airplane mode): the network goes back and
 * off once the page is loaded, so that the page hears it is offline.
 */
async function announceOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(false);
  await context.setOffline(true);
}

/** The offline strip's text (« hors ligne », a new build), or "" when it shows nothing. */
const strip = (page: Page) => page.evaluate(() => document.querySelector(".offline-strip")?.textContent ?? "");

describe("offline copy", () => {
  it("is installable: Chromium reads the French manifest and finds nothing missing", async () => {
    opened = await openPage("/carte", {serviceWorkers: true});
    const cdp = await opened.context.newCDPSession(opened.page);
    const manifest = await cdp.send("Page.getAppManifest");
    expect(manifest.url).toBe(opened.url("/manifest.webmanifest"));
    expect(manifest.errors).toEqual([]);
    const parsed = JSON.parse(manifest.data ?? "{}");
    expect(parsed).toMatchObject({lang: "fr", display: "standalone", short_name: "Observatoire MNO"});
    // The test's browser context is a private one: Chromium installs nothing from it, and says so.
    const {installabilityErrors} = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors.filter((e) => e.errorId !== "in-incognito")).toEqual([]);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("opens the home page, the map, a commune, a programme and runs an explorer query without network", async () => {
    opened = await openPage("/", {allowErrors: [/Catalog Error/], serviceWorkers: true});
    const {page, context} = opened;
    await waitForData(page);
    await offlineCopyReady(page);
    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    await page.reload();
    await page.waitForSelector('.async-block[data-source="duckdb"]', {timeout: 30_000});
    await announceOffline(context);
    await page.waitForSelector(".offline-notice");
    expect(await strip(page)).toContain("Hors ligne : vous consultez la copie enregistrée");

    // The map's engine compiles from the cached wasm and reads the cached Parquet files.
    await page.goto(opened.url("/carte?indicateur=plie.participants&mode=taux&annee=2022"));
    await page.waitForSelector('.map-box[data-source="duckdb"]', {timeout: 30_000});
    expect(await page.locator(".map-box path").count()).toBeGreaterThan(9);

    await page.goto(opened.url("/communes/59378"));
    await page.waitForFunction(() => document.querySelector("#observablehq-main")?.textContent?.includes("Lambersart"));

    await page.goto(opened.url("/programmes/plie"));
    await page.waitForSelector('.programme-content[aria-busy="false"][data-source="duckdb"]', {timeout: 30_000});

    await page.goto(opened.url("/explorer"));
    const editor = page.locator(".cell").first().locator(".cm-content");
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText("SELECT count(*) AS n FROM communes");
    await page.getByRole("button", {name: "Exécuter la cellule 1"}).click();
    // The notebook's own cells have results already: wait for this query's.
    await page.waitForFunction(
      () => document.querySelector(".cell .result-table tbody td")?.textContent === "10",
      null,
      {
        timeout: 30_000
      }
    );
    expect(await page.locator(".cell .result-table tbody td").first().textContent()).toBe("10");

    // An address the copy does not hold: the French 404, saying why it cannot show more.
    await page.goto(opened.url("/pas-une-page"));
    await page.waitForSelector("#observablehq-main");
    await announceOffline(context);
    await page.waitForSelector(".offline-notice");
    expect(await page.textContent("body")).toContain("Page introuvable");
    expect(await strip(page)).toContain("cette page n'est pas enregistrée sur cet appareil");

    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("says when the network comes back", async () => {
    opened = await openPage("/communes/59378", {serviceWorkers: true});
    await offlineCopyReady(opened.page);
    await opened.context.setOffline(true);
    await opened.page.waitForSelector(".offline-notice");
    await opened.context.setOffline(false);
    await opened.page.waitForSelector(".offline-notice", {state: "detached"});
  });
});

// A rebuild and a reader saving data need their own server (a copy of dist/ that can change) and
// their own browser context (a script that runs before the page's).
describe("new build and Save-Data", () => {
  let browser: Browser;
  let server: StaticServer;
  let root: string;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "mno-offline-"));
    cpSync(join(projectRoot, "dist"), root, {recursive: true});
    server = await startStaticServer({root});
    browser = await chromium.launch({executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true});
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(root, {recursive: true, force: true});
  });
  afterEach(async () => context?.close());

  /** A context whose requests (pages and their workers) are all recorded, with its console errors. */
  async function newContext(init?: string) {
    context = await browser.newContext({locale: "fr-FR"});
    if (init) await context.addInitScript(init);
    const requests: string[] = [];
    const errors: string[] = [];
    context.on("request", (request) => requests.push(request.url()));
    context.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    const page = await context.newPage();
    page.on("worker", (worker) => worker.on("console", (m) => m.type() === "error" && errors.push(m.text())));
    return {page, requests, errors};
  }

  it("offers a new build and installs it only when the reader accepts", async () => {
    const {page, errors} = await newContext();
    await page.goto(`${server.origin}/`);
    await offlineCopyReady(page);
    await page.evaluate(() => ((window as unknown as {before: boolean}).before = true));

    // A rebuild: the home page changes, and so does its revision in the precache list.
    const sw = join(root, "sw.js");
    const home = join(root, "index.html");
    writeFileSync(home, readFileSync(home, "utf-8").replace("<head>", '<head>\n<meta name="mno-build" content="2">'));
    writeFileSync(sw, readFileSync(sw, "utf-8").replace(/(url:"index\.html",revision:")[0-9a-f]+/, "$1rebuilt"));
    // The build's precompressed copies would still be served: a rebuild writes them anew, here they go.
    for (const file of [sw, home]) for (const ext of [".br", ".gz"]) rmSync(file + ext, {force: true});
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));

    await page.getByRole("button", {name: "Recharger"}).waitFor({timeout: 30_000});
    expect(await strip(page)).toContain("Nouvelle version disponible");
    // Offered, not forced: the page is the same one, still controlled by the old build.
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as {before?: boolean}).before)).toBe(true);
    const waiting = () => navigator.serviceWorker.getRegistration().then((r) => r?.waiting !== null);
    expect(await page.evaluate(waiting)).toBe(true);
    expect(await page.locator('meta[name="mno-build"]').count()).toBe(0);

    await Promise.all([page.waitForEvent("load"), page.getByRole("button", {name: "Recharger"}).click()]);
    expect(await page.evaluate(() => (window as unknown as {before?: boolean}).before)).toBeUndefined();
    await page.waitForSelector('meta[name="mno-build"]', {state: "attached"});
    expect(errors).toEqual([]);
  });

  // The Network Information API as a phone with « économiseur de données » reports it.
  const SAVE_DATA = `Object.defineProperty(Navigator.prototype, "connection", {configurable: true,
    get: () => ({saveData: true, effectiveType: "4g", addEventListener() {}, removeEventListener() {}})});`;

  it("downloads no engine for the home, the map and a programme with Save-Data; the explorer starts it", async () => {
    const {page, requests, errors} = await newContext(SAVE_DATA);
    const firstViews = {"/": ".async-block", "/carte": ".map-box", "/programmes/plie": ".programme-content"};
    for (const [path, selector] of Object.entries(firstViews)) {
      await page.goto(`${server.origin}${path}`);
      await page.waitForSelector(selector, {timeout: 20_000});
      // Every block finishes from the build's rows: none stays busy waiting for an engine.
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, {timeout: 10_000});
      await page.waitForTimeout(1000);
      expect(await page.evaluate(() => performance.getEntriesByName("mno:duckdb-start").length)).toBe(0);
    }
    // The first view is the build's; the map can change indicator from the build's values alone.
    await page.goto(`${server.origin}/carte?indicateur=plie.participants&mode=nombre&annee=2022`);
    await page.waitForSelector('.map-box[aria-busy="false"]');
    await page.locator('input[name="mode"][value="taux"]').check();
    await page.waitForSelector('.map-box[data-view$="|taux|2022"]');
    await page.waitForTimeout(1000);
    expect(requests.filter((url) => /_npm\/@duckdb\/|\.wasm$/.test(url))).toEqual([]);
    // No offline copy either: it would download the engine.
    const unregistered = () => navigator.serviceWorker.getRegistration().then((r) => r === undefined);
    expect(await page.evaluate(unregistered)).toBe(true);

    await page.goto(`${server.origin}/explorer`);
    await page.waitForSelector(".engine-dot", {timeout: 30_000});
    expect(requests.some((url) => url.endsWith("/duckdb-eh.wasm"))).toBe(true);
    expect(errors).toEqual([]);
  });
});
