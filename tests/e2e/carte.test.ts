// /carte and the commune pages, as an elected official uses them.
import {afterEach, describe, expect, it} from "vitest";
import {loadCommunes} from "../../src/lib/build/datasets.js";
import {formatNumber} from "../../src/lib/format.js";
import {seriousViolations} from "./a11y.js";
import {type OpenedPage, openPage, problems, useBrowser} from "./browser.js";
import type {Page} from "playwright-core";

useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => opened?.context.close());

/** What the map shows: fills by commune, legend text, table's value column. */
async function mapView(page: Page) {
  return page.evaluate(() => ({
    fills: [...document.querySelectorAll(".map-box .commune path")].map((p) => p.getAttribute("fill")),
    legend: document.querySelector(".map-box .legend")?.textContent ?? "",
    table: [...document.querySelectorAll(".map-table tbody tr")].map((tr) => tr.textContent),
    labels: [...document.querySelectorAll(".map-box .commune")].map((a) => a.getAttribute("aria-label"))
  }));
}

async function waitForEngine(page: Page) {
  await page.waitForFunction(() => document.querySelector(".map-box")?.getAttribute("data-source") === "duckdb", null, {timeout: 20_000});
}

describe("/carte", () => {
  it("shows ten named, focusable communes with values from DuckDB", async () => {
    opened = await openPage("/carte");
    const {page} = opened;
    await waitForEngine(page);
    expect(await page.getAttribute(".map-box", "aria-busy")).toBe("false");
    const communes = page.locator(".map-box .commune");
    expect(await communes.count()).toBe(10);
    const view = await mapView(page);
    expect(view.labels).toContain("Marcq-en-Barœul : 108 participants");
    expect(view.labels).toContain("Lompret : 1 participant");
    expect(await communes.evaluateAll((els) => els.every((e) => e.getAttribute("tabindex") === "0"))).toBe(true);
    // The engine's code loads at once, but it compiles only once the map from the build is painted.
    const marks = await page.evaluate(() =>
      Object.fromEntries(["mno:duckdb-start", "mno:first-view", "mno:duckdb-compile"].map((name) => [name, performance.getEntriesByName(name)[0]?.startTime ?? null]))
    );
    expect(marks["mno:first-view"]).not.toBeNull();
    expect(marks["mno:duckdb-start"]!).toBeLessThan(marks["mno:first-view"]!);
    expect(marks["mno:duckdb-compile"]!).toBeGreaterThanOrEqual(marks["mno:first-view"]!);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("changes colours, legend and table with the indicator and the mode, and keeps them in the URL", async () => {
    opened = await openPage("/carte");
    const {page} = opened;
    await waitForEngine(page);
    const first = await mapView(page);

    await page.selectOption("#map-indicator", "plie.nouvelles_entrees");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("indicateur") === "plie.nouvelles_entrees");
    // The URL changes at once, the map when DuckDB answers: wait for the repaint.
    await expect.poll(async () => (await mapView(page)).table).not.toEqual(first.table);
    const second = await mapView(page);
    expect(second.table).not.toEqual(first.table);
    expect(second.legend).not.toEqual(first.legend);
    expect(second.labels).toContain("Lompret : 0 participant");

    await page.getByLabel("Pour 1\u202f000 habitants").check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("mode") === "taux");
    await expect.poll(async () => (await mapView(page)).fills).not.toEqual(second.fills);
    const third = await mapView(page);
    expect(third.fills).not.toEqual(second.fills);
    expect(third.legend).toMatch(/pour 1\u202f000 habitants/);
    expect(third.labels.find((l) => l?.startsWith("La Madeleine"))).toMatch(/1,17 pour 1\u202f000 hab\./);

    // A copied link restores the view.
    const copied = page.url();
    const restored = await openPage(new URL(copied).pathname + new URL(copied).search);
    await waitForEngine(restored.page);
    expect(await restored.page.inputValue("#map-indicator")).toBe("plie.nouvelles_entrees");
    expect(await restored.page.isChecked('input[name="mode"][value="taux"]')).toBe(true);
    expect(await mapView(restored.page)).toEqual(third);
    await restored.context.close();
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("offers only the modes an indicator has, and keeps the choices in place when they do not change", async () => {
    opened = await openPage("/carte?indicateur=plie.participants&mode=taux");
    const {page} = opened;
    await waitForEngine(page);
    const taux = await page.$('input[name="mode"][value="taux"]');
    await page.selectOption("#map-indicator", "plie.nouvelles_entrees");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("indicateur") === "plie.nouvelles_entrees");
    // Same modes and years: the very same inputs, still checked as chosen.
    expect(await taux!.evaluate((input) => input.isConnected && (input as HTMLInputElement).checked)).toBe(true);

    // The population is in inhabitants: a rate per 1 000 inhabitants of itself makes no sense.
    await page.selectOption("#map-indicator", "territoire.population");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("mode") === "nombre");
    expect(await page.$$eval('input[name="mode"]', (inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(["nombre", "part"]);
    expect(await page.isChecked('input[name="mode"][value="nombre"]')).toBe(true);
    expect(await page.textContent(".map-box .legend")).not.toMatch(/pour 1\u202f000 habitants/);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("opens a commune's page with Enter", async () => {
    opened = await openPage("/carte");
    const {page} = opened;
    await page.waitForSelector('.map-box[aria-busy="false"]');
    await page.focus('.map-box .commune[data-code="59378"]');
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/communes\/59378$/);
    expect(await page.textContent("h1")).toBe("Marcq-en-Barœul");
  });

  it("works on a phone: no sideways scroll, a first tap shows the figures, a second opens the commune", async () => {
    opened = await openPage("/carte", {width: 390, height: 844, touch: true});
    const {page} = opened;
    await page.waitForSelector('.map-box[aria-busy="false"]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const commune = page.locator('.map-box .commune[data-code="59368"]');
    await commune.tap();
    await page.waitForSelector(".map-tooltip:not([hidden])");
    expect(await page.textContent(".map-tooltip")).toContain("La Madeleine");
    expect(new URL(page.url()).pathname).toBe("/carte");
    await commune.tap();
    await page.waitForURL(/\/communes\/59368$/);
  });

  it("has no serious accessibility violation", async () => {
    opened = await openPage("/carte");
    await waitForEngine(opened.page);
    expect(await seriousViolations(opened.page)).toEqual([]);
  });
});

describe("/communes/<code>", () => {
  it.each(loadCommunes().map((c) => [c.code, c.nom, c.population] as const))("%s (%s) shows its population", async (code, nom, population) => {
    opened = await openPage(`/communes/${code}`);
    const {page} = opened;
    expect(await page.textContent("h1")).toBe(nom);
    expect(await page.title()).toBe(`${nom} | Observatoire MNO`);
    expect(await page.textContent(".commune-intro .lead")).toContain(`${formatNumber(population)} habitants`);
    expect(await page.locator(".commune-figure").count()).toBeGreaterThanOrEqual(3);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("has no serious accessibility violation", async () => {
    opened = await openPage("/communes/59611");
    await opened.page.waitForSelector(".commune-figure");
    expect(await seriousViolations(opened.page)).toEqual([]);
  });
});
