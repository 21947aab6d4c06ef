// What issue #15 left for elected officials, as they would try it: the glossary's popover (click,
// tap, keyboard focus, Escape, a phone's width), the objective beside its result, the ratios per
// commune on /carte and on commune pages, and the commune selector of the home page.
import {afterEach, describe, expect, it} from "vitest";
import {seriousViolations} from "./a11y.js";
import {type OpenedPage, openPage, problems, useBrowser, waitForData} from "./browser.js";

useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => opened?.context.close());

describe("the glossary", () => {
  it("opens a term's definition on a click, closes it with Escape, and keeps the text as it reads", async () => {
    opened = await openPage("/programmes/plie");
    const {page} = opened;
    await page.waitForSelector("button.glossary-term[data-term=PLIE]");
    const term = page
      .locator("h1 button.glossary-term, .programme-section button.glossary-term[data-term=PLIE]")
      .first();
    await term.click();
    const popover = page.locator("#glossary-popover");
    await expect.poll(() => popover.isVisible()).toBe(true);
    expect(await popover.textContent()).toContain("Plan local pour l’insertion et l’emploi");
    expect(await term.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Escape");
    expect(await popover.isVisible()).toBe(false);
    expect(await term.getAttribute("aria-expanded")).toBe("false");
    // No term is cut out of a word, and the buttons read as the words they are.
    const texts = await page.$$eval("button.glossary-term", (bs) => bs.map((b) => b.textContent));
    expect(texts.length).toBeGreaterThan(0);
    // Open, the popover and its buttons have no serious accessibility violation.
    await term.click();
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("opens on keyboard focus and on a tap at 390 px, inside the screen", async () => {
    opened = await openPage("/communes/59378", {width: 390, height: 800, touch: true});
    const {page} = opened;
    // The first term on screen (the sheet's printed header has one too, hidden on screen).
    const term = page.locator(".commune-figure button.glossary-term[data-term=PLIE]").first();
    await term.waitFor();
    await term.tap();
    const popover = page.locator("#glossary-popover");
    await expect.poll(() => popover.isVisible()).toBe(true);
    const box = (await popover.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    // A tap elsewhere closes it.
    await page.locator("h1").tap();
    expect(await popover.isVisible()).toBe(false);
    // Keyboard: focusing the term opens it, Escape closes it and leaves the focus on the term.
    await term.focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await expect.poll(() => popover.isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    expect(await popover.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains("glossary-term"))).toBe(true);
  });

  it("explains « calculé » and RP2020 where they appear", async () => {
    opened = await openPage("/");
    const {page} = opened;
    await page.waitForSelector("button.glossary-term[data-term=RP2020]");
    expect(await page.locator("button.glossary-term[data-term=calculé]").count()).toBeGreaterThan(0);
    await page.locator("button.glossary-term[data-term=calculé]").first().click();
    expect(await page.locator("#glossary-popover").textContent()).toMatch(/n’imprime pas/);
  });
});

describe("objectives beside results", () => {
  it("draws the positive exits' rate against its objective, on the home and the PLIE page", async () => {
    for (const path of ["/", "/programmes/plie"]) {
      opened = await openPage(path);
      const {page} = opened;
      const bullet = page.locator(".objective-bullet").first();
      await bullet.waitFor();
      expect(await bullet.locator("figcaption").textContent()).toMatch(
        /48\s%\spour un objectif de 50\s%\s·\s2\spoints sous l’objectif/
      );
      // The result's bar ends before the objective's tick, in the ratio of 48 to 50.
      const ends = await bullet.evaluate((figure) => {
        const bar = figure.querySelector(".objective-result")!.getBoundingClientRect();
        const tick = figure.querySelector(".objective-tick")!.getBoundingClientRect();
        return {bar: bar.right - bar.left, tick: tick.left + tick.width / 2 - bar.left};
      });
      expect(ends.bar / ends.tick).toBeCloseTo(48 / 50, 2);
      await opened.context.close();
      opened = undefined;
    }
  });
});

describe("ratios per commune", () => {
  it("colours the communes by positive exits per participant on /carte, in % and points", async () => {
    opened = await openPage("/carte?indicateur=plie.sorties_positives_par_participant");
    const {page} = opened;
    await waitForData(page);
    expect(
      await page.locator("input[name=mode]").evaluateAll((is) => is.map((i) => (i as HTMLInputElement).value))
    ).toEqual(["ratio"]);
    // Colours, no circles: a rate is never drawn as a proportional symbol.
    expect(await page.locator(".choropleth .symbols circle").count()).toBe(0);
    const table = page.locator(".map-table table");
    const marcq = table.locator("tr", {hasText: "Marcq-en-Barœul"});
    expect(await marcq.textContent()).toMatch(/23,1\s%/);
    expect(await marcq.textContent()).toContain("calculé");
    expect(await page.locator(".map-box").getAttribute("data-view")).toBe(
      "plie.sorties_positives_par_participant|ratio|2022"
    );
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("compares a commune's ratio with the territory's, the gap in points", async () => {
    opened = await openPage("/communes/59378");
    const {page} = opened;
    const card = page.locator(".commune-figure[data-indicator='plie.sorties_positives_par_participant']");
    await card.waitFor();
    const text = (await card.textContent())!.replace(/[\u00a0\u202f]/g, " ");
    expect(text).toMatch(/23,1 %/);
    expect(text).toMatch(/Contre 21,6 % sur l’ensemble du territoire \(écart : \+1,5 point\)/);
    expect(text).not.toMatch(/pour 1 000 habitants/);
    expect(text).toContain("calculé");
    const row = page.locator("table tr", {hasText: "Sorties positives rapportées aux participants"});
    expect((await row.textContent())!.replace(/[\u00a0\u202f]/g, " ")).toMatch(/21,6 %.*\+1,5 point/);
  });
});

describe("the home page's commune selector", () => {
  it("finds « st andre » and opens its page", async () => {
    opened = await openPage("/");
    const {page} = opened;
    await page.fill("#home-commune", "st andre");
    const options = page.locator("#home-commune-liste [role=option]");
    expect(await options.allTextContents()).toEqual(["Saint-André-lez-Lille"]);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/communes\/59527$/);
    expect(await page.locator("h1").textContent()).toContain("Saint-André-lez-Lille");
  });

  it("finds « marcq » with a click, on a phone", async () => {
    opened = await openPage("/", {width: 390, height: 800, touch: true});
    const {page} = opened;
    await page.fill("#home-commune", "marcq");
    await page.locator("#home-commune-liste [role=option]").first().tap();
    await page.waitForURL(/\/communes\/59378$/);
  });
});
