// The programme pages and their drill-down, as an analyst uses them.
import {afterAll, afterEach, beforeAll, describe, expect, it} from "vitest";
import {loadTables, tableList} from "../../src/lib/build/datasets.js";
import {PROGRAMME_LABELS, programmeSlug} from "../../src/lib/programmes.js";
import type {Programme} from "../../src/lib/programmes.js";
import {Warehouse} from "../../src/lib/build/warehouse.js";
import {seriousViolations} from "./a11y.js";
import {type OpenedPage, openPage, problems, useBrowser} from "./browser.js";
import type {Page} from "playwright-core";

useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => opened?.context.close());
let warehouse: Warehouse;
beforeAll(async () => (warehouse = await Warehouse.create(tableList(loadTables()))));
afterAll(() => warehouse.close());

/** The page drawn, and DuckDB-WASM's answer in place (the first view comes from the build). */
async function ready(page: Page) {
  await page.waitForSelector('.programme-content[aria-busy="false"][data-source="duckdb"]', {timeout: 30_000});
}

/** Distinct indicators the page shows (cards, and evolutions inside their level's card). */
async function shownIndicators(page: Page): Promise<string[]> {
  return page.$$eval(".programme-content [data-indicator]", (els) =>
    [...new Set(els.map((e) => e.getAttribute("data-indicator")!))].sort()
  );
}

describe("programme pages", () => {
  it.each(Object.keys(PROGRAMME_LABELS) as Programme[])(
    "%s lists exactly the indicators DuckDB counts for it",
    async (programme) => {
      opened = await openPage(`/programmes/${programmeSlug(programme)}`);
      await ready(opened.page);
      const expected = await warehouse.query<{indicator: string}>(
        "SELECT DISTINCT indicator FROM indicators WHERE programme = ? ORDER BY indicator",
        [programme]
      );
      expect(await shownIndicators(opened.page)).toEqual(expected.map((r) => r.indicator).sort());
      expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
    }
  );

  it("drills down by click, and the back button returns", async () => {
    opened = await openPage("/programmes/plie");
    const {page} = opened;
    await ready(page);
    await page.click('.indicator-card[data-indicator="plie.participants"] h3 a');
    await page.waitForSelector('.indicator-view[data-indicator="plie.participants"]');
    await expect.poll(() => new URL(page.url()).searchParams.get("indicateur")).toBe("plie.participants");
    expect(await page.textContent(".breadcrumbs")).toBe("PLIE › Participants › Participants en parcours");
    expect(await page.locator('.chart-figure[data-chart^="plie.participants-communes"] svg').count()).toBe(1);

    await page.click('.breadcrumbs a:has-text("Participants")');
    await page.waitForSelector('.programme-section[data-section="participants"]');
    await expect.poll(() => new URL(page.url()).searchParams.get("section")).toBe("participants");

    await page.goBack();
    await page.waitForSelector('.indicator-view[data-indicator="plie.participants"]');
    await page.goBack();
    await page.waitForFunction(() => !location.search && document.querySelectorAll(".programme-section").length > 1);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("on a phone: no breadcrumb of the page alone, the current crumb not a link, a year select to tap", async () => {
    opened = await openPage("/programmes/plie", {width: 390, height: 844, touch: true});
    const {page} = opened;
    await ready(page);
    expect(await page.isVisible(".breadcrumbs")).toBe(false);
    expect(await page.locator('.breadcrumbs a[href="/programmes/plie"]').count()).toBe(0);
    const select = await page.locator('select[name="annee"]').boundingBox();
    expect(select!.height).toBeGreaterThanOrEqual(44);
    await page.click('.section-index a:has-text("Participants")');
    await page.waitForSelector('.programme-section[data-section="participants"]');
    expect(await page.textContent(".breadcrumbs")).toBe("PLIE › Participants");
    expect(await page.locator(".breadcrumbs a").allTextContents()).toEqual(["PLIE"]);
    expect(await page.textContent('.breadcrumbs [aria-current="page"]')).toBe("Participants");
  });

  it("opens an indicator from its URL: the interviews, their +17 % and the derived 2021 level", async () => {
    opened = await openPage("/programmes/mission-locale?section=accueil-et-suivi&indicateur=mission_locale.entretiens");
    const {page} = opened;
    await ready(page);
    const view = page.locator('.indicator-view[data-indicator="mission_locale.entretiens"]');
    expect(await view.locator(".figure-value data").getAttribute("value")).toBe("15843");
    expect(await view.locator(".figure-value").textContent()).toBe("15\u202f843 entretiens en 2022");
    expect(await view.locator(".comparison").textContent()).toMatch(
      /^\+17\u202f% par rapport à 2021 \(≈\u202f13\u202f541/
    );
    const row2021 = view
      .locator("table:has(caption:has-text('toutes les valeurs')) tbody tr")
      .filter({has: page.locator("td:nth-child(2)", {hasText: /^2021$/})});
    expect(await row2021.count()).toBe(1);
    expect(await row2021.textContent()).toMatch(/≈\u202f13\u202f541/);
    expect(await row2021.locator("td:nth-child(4)").textContent()).toBe("calculé");
    expect(await row2021.locator("code.formula").textContent()).toContain("mission_locale.entretiens_evolution[2022]");
  });

  it("finds indicators across programmes by words, ignoring accents", async () => {
    opened = await openPage("/programmes/territoire");
    const {page} = opened;
    await ready(page);
    await page.fill("#indicator-search", "entretiens");
    const interviews = await page.$$eval(".search-results li", (lis) =>
      lis.map((li) => li.getAttribute("data-indicator"))
    );
    expect(interviews).toEqual(
      expect.arrayContaining([
        "mission_locale.entretiens",
        "mission_locale.psychologue_entretiens",
        "mission_locale.alternance_entretiens"
      ])
    );
    await page.fill("#indicator-search", "reseau");
    const networks = await page.$$eval(".search-results li", (lis) => lis.map((li) => li.textContent ?? ""));
    expect(networks.length).toBeGreaterThan(0);
    expect(networks.every((text) => text.includes("Réseaux sociaux"))).toBe(true);
  });

  it("has no serious accessibility violation, in the overview and in an indicator", async () => {
    opened = await openPage("/programmes/plie");
    await ready(opened.page);
    expect(await seriousViolations(opened.page)).toEqual([]);
    await opened.page.goto(opened.url("/programmes/plie?indicateur=plie.nouvelles_entrees_part"));
    await ready(opened.page);
    expect(await seriousViolations(opened.page)).toEqual([]);
  });
});
