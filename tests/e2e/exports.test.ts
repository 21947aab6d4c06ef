// Charts leaving the site: PNG, SVG and CSV downloads, embeds in another page, and print.
import {readFileSync} from "node:fs";
import {afterEach, describe, expect, it} from "vitest";
import {parseCsv} from "../../src/lib/csv.js";
import {seriousViolations} from "./a11y.js";
import {type OpenedPage, openPage, problems, useBrowser} from "./browser.js";
import type {Download, Page} from "playwright-core";

useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => opened?.context.close());

const CHART = '.chart-figure[data-chart="plie.participants-communes-2022"]';

/** Opens the « Exporter » menu of `scope` (a chart or the map) and picks one of its items. */
async function downloadOf(page: Page, scope: string, item: string): Promise<{download: Download; bytes: Buffer}> {
  await page.click(`${scope} .export-menu-button`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.click(`${scope} [role="menuitem"][data-export="${item}"]`)
  ]);
  return {download, bytes: readFileSync((await download.path())!)};
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): {width: number; height: number} {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString("ascii", 12, 16)).toBe("IHDR");
  return {width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20)};
}

async function openChart() {
  opened = await openPage("/programmes/plie?indicateur=plie.participants");
  await opened.page.waitForSelector(`${CHART} svg`, {timeout: 30_000});
  return opened.page;
}

describe("chart exports", () => {
  it("downloads a PNG at twice the on-screen size, and a 16:9 slide", async () => {
    const page = await openChart();
    const shown = await page.$eval(`${CHART} svg`, (svg) => svg.getBoundingClientRect().toJSON());
    const {download, bytes} = await downloadOf(page, CHART, "png");
    expect(download.suggestedFilename()).toBe("graphique-plie-participants-communes-2022.png");
    const size = pngSize(bytes);
    expect(size.width).toBe(Math.round(shown.width) * 2);
    expect(size.height).toBeGreaterThan(Math.round(shown.height) * 2); // the chart plus its title and source lines
    const slide = await downloadOf(page, CHART, "png-slide");
    expect(pngSize(slide.bytes)).toEqual({width: 1920, height: 1080});
    expect(problems(opened!)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("downloads a self-contained SVG with the title, the unit and the source line", async () => {
    const page = await openChart();
    const {download, bytes} = await downloadOf(page, CHART, "svg");
    expect(download.suggestedFilename()).toBe("graphique-plie-participants-communes-2022.svg");
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      return {
        error: doc.querySelector("parsererror")?.textContent ?? null,
        root: doc.documentElement.nodeName,
        texts: [...doc.querySelectorAll("text")].map((t) => t.textContent),
        external: [...doc.querySelectorAll("[href]")]
          .map((e) => e.getAttribute("href"))
          .filter((h) => /^https?:/.test(h ?? "")),
        links: doc.querySelectorAll("link, script").length
      };
    }, bytes.toString("utf-8"));
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe("svg");
    expect(parsed.texts).toContain("Participants en parcours par commune");
    expect(parsed.texts).toContain("Source : rapport d’activité 2022, MDE Métropole Nord-Ouest");
    expect(parsed.texts.some((t) => t?.includes("Unité : participants"))).toBe(true);
    expect(parsed.texts).toContain("Marcq-en-Barœul");
    expect(parsed.external).toEqual([]);
    expect(parsed.links).toBe(0);
  });

  it("downloads the chart's rows as CSV", async () => {
    const page = await openChart();
    const {download, bytes} = await downloadOf(page, CHART, "csv");
    expect(download.suggestedFilename()).toBe("graphique-plie-participants-communes-2022.csv");
    const table = parseCsv(bytes.toString("utf-8"), "export.csv");
    // Counts are printed whole: no full-precision column, but the unit.
    expect(table.header).toEqual(["commune", "code_insee", "annee", "valeur", "unite", "statut"]);
    expect(table.records).toHaveLength(10);
    expect(table.records.find((r) => r.fields[1] === "59378")?.fields).toEqual([
      "Marcq-en-Barœul",
      "59378",
      "2022",
      "108",
      "participants",
      "publie"
    ]);
    // The order of the bars on the page.
    const drawn = await page.$$eval(`${CHART} g[data-mark="bar"] title`, (titles) =>
      titles.map((t) => t.textContent!.split(" : ")[0])
    );
    const bars = await page.$$eval(`${CHART} g[data-mark="bar"] rect`, (rects) =>
      rects.map((r) => Number(r.getAttribute("y")))
    );
    const onScreen = drawn
      .map((label, i) => ({label, y: bars[i]}))
      .sort((a, b) => a.y - b.y)
      .map((b) => b.label);
    expect(table.records.map((r) => r.fields[0])).toEqual(onScreen);
  });

  it("downloads a CSV for Excel in French: BOM, semicolons, decimal commas", async () => {
    opened = await openPage("/carte?indicateur=plie.participants&mode=taux&annee=2022");
    const {page} = opened;
    await page.waitForSelector('.map-box[aria-busy="false"]');
    const {download, bytes} = await downloadOf(page, ".map-explorer", "csv-excel");
    expect(download.suggestedFilename()).toBe("carte-plie-participants-taux-2022-excel.csv");
    const text = bytes.toString("utf-8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...lines] = text
      .slice(1)
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(";"));
    expect(header.slice(0, 5)).toEqual(["code_insee", "commune", "valeur", "valeur_exacte", "unite"]);
    expect(lines).toHaveLength(10);
    // Rates per 1 000 inhabitants: two decimals below ten, one above, with a decimal comma.
    for (const line of lines) {
      expect(line[2]).toMatch(/^\d+(,\d{1,2})?$/);
      expect(line[4]).toBe("participants pour 1\u202f000 habitants");
    }
    expect(lines.some((line) => line[2].includes(","))).toBe(true);
  });

  it("exports the map with its file name and gives its embed code", async () => {
    opened = await openPage("/carte?indicateur=plie.participants&mode=taux&annee=2022");
    const {page} = opened;
    await page.waitForSelector('.map-box[aria-busy="false"]');
    const {download} = await downloadOf(page, ".map-explorer", "png");
    expect(download.suggestedFilename()).toBe("carte-plie-participants-taux-2022.png");
    await page.click(".map-explorer .export-menu-button");
    await page.click('.map-explorer [role="menuitem"][data-export="embed"]');
    const code = await page.inputValue(".embed-box textarea");
    // The address is HTML-escaped in the attribute (& → &amp;), which the browser reads back as &.
    const embed = `${opened.origin}/embed/carte?indicateur=plie.participants&amp;mode=taux&amp;annee=2022`;
    expect(code).toContain(`src="${embed}"`);
    expect(code).toContain("observatoire-mno:hauteur");
  });
});

describe("embeds", () => {
  it("shows the map alone, restores its state from the URL, and tells its parent its height", async () => {
    opened = await openPage("/");
    const {page, origin} = opened;
    const src = `${origin}/embed/carte?indicateur=plie.nouvelles_entrees&mode=part&annee=2022&apparence=sombre`;
    await page.setContent(
      `<html lang="fr"><body><script>window.heights = []; addEventListener("message", (e) => { ` +
        `if (e.data && e.data.type === "observatoire-mno:hauteur") window.heights.push(e.data.height); });</script>` +
        `<iframe src="${src}" title="Carte" width="600" height="200"></iframe></body></html>`
    );
    await page.waitForFunction(() => (window as unknown as {heights: number[]}).heights.length > 0, null, {
      timeout: 20_000
    });
    const height = await page.evaluate(() => Math.max(...(window as unknown as {heights: number[]}).heights));
    expect(height).toBeGreaterThan(300);
    const frame = page.frames().find((f) => f.url().startsWith(`${origin}/embed/carte`))!;
    await frame.waitForSelector('.map-box[aria-busy="false"]');
    expect(
      await frame.$$eval(
        "#observablehq-header, #observablehq-footer, nav, .map-controls, .export-toolbar",
        (els) => els.length
      )
    ).toBe(0);
    expect(await frame.textContent(".embed-title")).toBe("Nouvelles entrées dans le PLIE");
    expect(await frame.textContent(".embed-subtitle")).toContain("Part du territoire (%) · 2022");
    const labels = await frame.$$eval(".commune", (els) => els.map((e) => e.getAttribute("aria-label")));
    expect(labels).toContain("Lompret : 0\u202f%");
    expect(await frame.getAttribute("html", "data-appearance")).toBe("sombre");
    expect(await frame.getAttribute(".embed-footer a", "href")).toMatch(
      /^\/carte\?indicateur=plie\.nouvelles_entrees&mode=part&annee=2022$/
    );
    // Links leave the iframe: a new tab, never the full site inside the frame.
    const targets = await frame.$$eval("a[href]", (els) => els.map((e) => e.getAttribute("target")));
    expect(targets.length).toBeGreaterThan(10);
    expect(new Set(targets)).toEqual(new Set(["_blank"]));
    // The frame shrinks as well as grows: a narrower iframe draws a smaller map and says so.
    const heights = () => page.evaluate(() => (window as unknown as {heights: number[]}).heights.slice());
    const before = (await heights()).at(-1)!;
    await page.$eval("iframe", (iframe) => ((iframe as HTMLIFrameElement).width = "340"));
    await page.waitForFunction((h) => (window as unknown as {heights: number[]}).heights.at(-1)! < h, before, {
      timeout: 10_000
    });
    // …and the iframe, sized by its parent from those messages, is not stuck at its tallest.
    await page.$eval("iframe", (iframe) => ((iframe as HTMLIFrameElement).height = "2000"));
    await page.waitForTimeout(500);
    expect((await heights()).at(-1)!).toBeLessThan(2000);
  });

  it("embeds a chart by its indicator and kind", async () => {
    opened = await openPage(
      "/embed/graphique?indicateur=plie.nouvelles_entrees_part&graphique=dimension%3Asexe&annee=2022"
    );
    const {page} = opened;
    await page.waitForSelector(".chart-figure svg");
    expect(await page.textContent(".embed-title")).toBe("Part des nouvelles entrées selon sexe");
    // The frame's title only: the chart carries no second caption, no inner link, no buttons.
    expect(
      await page.$$eval(
        "#observablehq-header, #observablehq-footer, .export-toolbar, figcaption, .chart-link",
        (els) => els.length
      )
    ).toBe(0);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("keeps its links and text legible on a dark background (axe)", async () => {
    for (const path of [
      "/embed/carte?indicateur=plie.participants&mode=taux&annee=2022&apparence=sombre",
      "/embed/graphique?indicateur=plie.participants&graphique=communes&annee=2022&apparence=sombre"
    ]) {
      opened = await openPage(path);
      const {page} = opened;
      await page.waitForSelector(".embed-footer a");
      await page.waitForSelector(':is(.map-box[aria-busy="false"], .chart-figure svg)');
      expect(await seriousViolations(page), path).toEqual([]);
      await opened.context.close();
      opened = undefined;
    }
  });
});

describe("print", () => {
  it.each(["/programmes/plie", "/communes/59378"])("%s prints on A4 without controls", async (path) => {
    opened = await openPage(path);
    const {page} = opened;
    await page.waitForFunction(
      () => document.querySelector(".programme-content[aria-busy='false'], .commune-page") !== null,
      null,
      {timeout: 30_000}
    );
    await page.emulateMedia({media: "print"});
    // A sortable table's column headers are buttons on screen, printed as plain headers; a glossary
    // term is a button on screen, printed as the word it is.
    const visibleControls = await page.$$eval(
      "button:not(thead button):not(.glossary-term), select, input, textarea, #observablehq-header, " +
        ".export-toolbar, .programme-tabs",
      (els) =>
        els
          .filter((e) => getComputedStyle(e).display !== "none" && (e as HTMLElement).offsetParent !== null)
          .map((e) => e.outerHTML.slice(0, 80))
    );
    expect(visibleControls).toEqual([]);
    const pdf = await page.pdf({format: "A4", printBackground: true});
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    // A programme's sections follow one another over pages (tests/e2e/programme-print.test.ts); a
    // commune is one sheet (tests/e2e/communes.test.ts).
    if (path.startsWith("/communes/")) expect(pages).toBe(1);
    else expect(pages).toBeGreaterThanOrEqual(2);
  });
});
