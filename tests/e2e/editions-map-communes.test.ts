// The map and the commune pages across editions, on the three-edition site (tests/fixtures/editions,
// fake values: Marcq-en-Barœul's PLIE participants are 100 in 2021, 110 in 2022, 130 in 2023).
import {execFileSync} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import type {Page} from "playwright-core";
import {seriousViolations} from "./a11y.js";
import {type OpenedPage, openPage, problems, useBrowser} from "./browser.js";

useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => opened?.context.close());

const site = "editions" as const;
const MARCQ = "59378";
const nn = (s: string | null) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

async function waitForEngine(page: Page) {
  await page.waitForFunction(() => document.querySelector(".map-box")?.getAttribute("data-source") === "duckdb", null, {
    timeout: 20_000
  });
}

/** The table's row of a commune, cell by cell. */
async function tableRow(page: Page, code: string): Promise<string[]> {
  return page.$$eval(`.map-table tbody tr[data-key="${code}"] > *`, (cells) =>
    cells.map((c) => (c.textContent ?? "").replace(/[\u00a0\u202f]/g, " "))
  );
}

describe("/carte across editions", () => {
  it("lists every year of the indicator, each year's figures from its edition", async () => {
    opened = await openPage("/carte?indicateur=plie.participants", {site});
    const {page} = opened;
    await waitForEngine(page);
    const years = await page.$$eval('select[name="annee"] option', (os) => os.map((o) => o.textContent));
    expect(years).toEqual(["2021", "2022", "2023"]);
    expect(await page.inputValue('select[name="annee"]')).toBe("2023");
    expect((await tableRow(page, MARCQ))[1]).toBe("130 participants");
    await page.selectOption('select[name="annee"]', "2021");
    await expect.poll(() => page.getAttribute(".map-box", "data-view")).toBe("plie.participants|nombre|2021");
    await expect.poll(async () => (await tableRow(page, MARCQ))[1]).toBe("100 participants");
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("maps the évolution between two years on a diverging scale, table and URL following", async () => {
    opened = await openPage("/carte?indicateur=plie.participants", {site});
    const {page} = opened;
    await waitForEngine(page);
    await page.getByLabel("Évolution", {exact: true}).check();
    // By default, from the year before to the latest.
    await page.waitForFunction(() => new URL(location.href).searchParams.get("mode") === "evolution");
    expect(new URL(page.url()).searchParams.get("de")).toBe("2022");
    await page.selectOption('select[name="de"]', "2021");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("de") === "2021");
    const url = new URL(page.url());
    expect(url.searchParams.get("annee")).toBe("2023");
    await expect
      .poll(() => page.getAttribute(".map-box", "data-view"))
      .toBe("plie.participants|evolution:nombre|2021-2023");
    await waitForEngine(page);

    // A diverging legend: signed ticks around 0, falls and rises in two hues.
    const ticks = await page.$$eval(".map-box .diverging-legend text.tick", (ts) => ts.map((t) => t.textContent ?? ""));
    expect(ticks).toHaveLength(5);
    expect(ticks[2]).toBe("0");
    expect(ticks[0]).toMatch(/^−\d/);
    expect(ticks[4]).toMatch(/^\+\d/);
    expect(nn(await page.textContent(".map-box .legend"))).toMatch(/évolution 2021 → 2023.*← baisse.*hausse →/);
    const fills = await page.$$eval(".map-box .commune path", (ps) => ps.map((p) => p.getAttribute("fill")));
    expect(new Set(fills).size).toBeGreaterThan(3);
    // Verlinghem fell (8 → 4), Marcq-en-Barœul rose the most (100 → 130).
    const hue = (code: string) =>
      page.$eval(`.map-box .commune[data-code="${code}"] path`, (p) => getComputedStyle(p).fill);
    expect(await hue("59611")).not.toBe(await hue(MARCQ));

    const marcq = await tableRow(page, MARCQ);
    expect(marcq[1]).toBe("+30 participants");
    expect(marcq[2]).toBe("+30 %");
    expect(marcq.slice(3, 5)).toEqual(["100 participants", "130 participants"]);
    expect(await page.$eval(".map-table tbody tr", (tr) => tr.getAttribute("data-key"))).toBe(MARCQ);
    expect(nn(await page.textContent(".map-table caption"))).toMatch(/évolution 2021 → 2023/);

    // The tooltip gives the change with its %, and both years.
    await page.hover(`.map-box .commune[data-code="${MARCQ}"]`);
    await page.waitForSelector(".map-tooltip:not([hidden])");
    const tooltip = nn(await page.textContent(".map-tooltip"));
    expect(tooltip).toContain("2021 → 2023 : +30 participants (+30 %)");
    expect(tooltip).toContain("2021 : 100 participants");

    // A rate per 1 000 inhabitants moves in points.
    await page.getByLabel("Pour 1\u202f000 habitants").check();
    await expect
      .poll(() => page.getAttribute(".map-box", "data-view"))
      .toBe("plie.participants|evolution:taux|2021-2023");
    await expect.poll(async () => (await tableRow(page, MARCQ))[1]).toMatch(/^\+[\d,]+ points? pour 1 000 hab\.$/);
    // The URL is written after the map is painted.
    await page.waitForFunction(() => new URL(location.href).searchParams.get("mesure") === "taux");
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("restores an évolution from its link, returns with Back, and exports it with its years", async () => {
    opened = await openPage("/carte?indicateur=plie.participants&mode=evolution&de=2021&annee=2023", {site});
    const {page} = opened;
    await waitForEngine(page);
    expect(await page.getAttribute(".map-box", "data-view")).toBe("plie.participants|evolution:nombre|2021-2023");
    expect(await page.isChecked('input[name="periode"][value="evolution"]')).toBe(true);
    expect(await page.inputValue('select[name="de"]')).toBe("2021");
    expect(await page.inputValue('select[name="fin"]')).toBe("2023");
    expect((await tableRow(page, MARCQ))[1]).toBe("+30 participants");

    await page.getByLabel("Une année").check();
    await expect.poll(() => page.getAttribute(".map-box", "data-view")).toBe("plie.participants|nombre|2023");
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("de"));
    expect(await page.locator(".map-box .diverging-legend").count()).toBe(0);
    await page.goBack();
    await expect
      .poll(() => page.getAttribute(".map-box", "data-view"))
      .toBe("plie.participants|evolution:nombre|2021-2023");

    // The export's title and file name say the évolution; « Intégrer » gives the same view.
    await page.click(".export-toolbar button");
    const download = page.waitForEvent("download");
    await page.getByRole("menuitem", {name: /^SVG/}).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("carte-plie-participants-evolution-2021-2023.svg");
    const svg = await (await import("node:fs/promises")).readFile((await file.path())!, "utf8");
    expect(nn(svg)).toContain("évolution 2021 → 2023");
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("has no serious accessibility violation in an évolution", async () => {
    opened = await openPage("/carte?indicateur=plie.participants&mode=evolution", {site});
    await waitForEngine(opened.page);
    expect(await seriousViolations(opened.page)).toEqual([]);
  });

  it("embeds an évolution with the same parameters", async () => {
    // 2021 → 2023 is not the default évolution: the build did not compute it, the embed's engine does.
    opened = await openPage("/embed/carte?indicateur=plie.participants&mode=evolution&de=2021&annee=2023", {site});
    const {page} = opened;
    await waitForEngine(page);
    expect(await page.getAttribute(".map-box", "data-view")).toBe("plie.participants|evolution:nombre|2021-2023");
    expect(nn(await page.textContent(".embed-subtitle"))).toMatch(/^Évolution 2021 → 2023 · Nombre/);
    expect(await page.locator(".map-box .diverging-legend").count()).toBe(1);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });
});

describe("/communes/<code> across editions", () => {
  it("draws each figure's years and says how it moved", async () => {
    opened = await openPage(`/communes/${MARCQ}`, {site});
    const {page} = opened;
    const card = page.locator('.commune-figure[data-indicator="plie.participants"]');
    await card.waitFor();
    expect(await card.locator(".trend-chart circle").count()).toBe(3);
    expect(nn(await card.locator(".trend-sentence").textContent())).toBe(
      "En hausse de 30 participants (+30 %) depuis 2021."
    );
    expect(nn(await card.locator(".trend-chart").textContent())).toMatch(/2021.*2022.*2023/);
    // The summary table says it too.
    expect(nn(await page.textContent(".commune-page table"))).toContain("+30 (+30 %) depuis 2021");
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("fits a 390 px phone", async () => {
    opened = await openPage(`/communes/${MARCQ}`, {site, width: 390, height: 844, touch: true});
    const {page} = opened;
    await page.waitForSelector(".trend-chart");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const overflow = await page.$$eval(".commune-figure", (cards) =>
      cards.some((c) =>
        [...c.querySelectorAll("svg")].some((s) => s.getBoundingClientRect().right > c.getBoundingClientRect().right)
      )
    );
    expect(overflow).toBe(false);
  });

  it("still prints on one A4 page", async () => {
    opened = await openPage(`/communes/${MARCQ}`, {site});
    const {page} = opened;
    await page.waitForSelector(".trend-chart");
    await page.emulateMedia({media: "print"});
    const file = join(mkdtempSync(join(tmpdir(), "fiche-editions-")), `${MARCQ}.pdf`);
    writeFileSync(file, await page.pdf({format: "A4", printBackground: true, preferCSSPageSize: true}));
    expect(execFileSync("pdfinfo", [file], {encoding: "utf8"})).toMatch(/^Pages:\s+1$/m);
    const text = nn(execFileSync("pdftotext", ["-layout", file, "-"], {encoding: "utf8"}));
    expect(text).toMatch(/En hausse de 30 participants/);
    expect(text).toMatch(/Source : rapport d.activité 2023/);
  });

  it("compares communes in the latest year and says which", async () => {
    opened = await openPage(`/communes/comparer?communes=59636,${MARCQ}`, {site});
    const {page} = opened;
    await page.waitForSelector(".compare-figure");
    expect(nn(await page.textContent(".compare-year"))).toMatch(/^Chiffres de 2023, la dernière année publiée/);
    expect(nn(await page.textContent('.compare-figure[data-indicator="plie.participants"] h3'))).toContain("(2023)");
  });
});

describe("the real site, one edition: no évolution that offers nothing", () => {
  it("offers no évolution on /carte when every indicator has one year", async () => {
    opened = await openPage("/carte?indicateur=plie.participants&mode=evolution");
    const {page} = opened;
    await waitForEngine(page);
    expect(await page.locator('input[name="periode"], select[name="de"]').count()).toBe(0);
    expect(await page.getAttribute(".map-box", "data-view")).toBe("plie.participants|nombre|2022");
    expect(nn(await page.textContent(".map-notice"))).toContain(
      "L’évolution demande deux années : cet indicateur n’est publié que pour 2022."
    );
  });

  it("draws no trend on a commune page, and no change column", async () => {
    opened = await openPage(`/communes/${MARCQ}`);
    const {page} = opened;
    await page.waitForSelector(".commune-figure");
    expect(await page.locator(".trend-chart, .trend-sentence").count()).toBe(0);
    expect(await page.$$eval(".commune-page thead th", (ths) => ths.map((th) => th.textContent))).not.toContainEqual(
      expect.stringMatching(/Évolution/)
    );
  });
});
