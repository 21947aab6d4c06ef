// /carte and the commune pages, as an elected official uses them.
import {afterEach, describe, expect, it} from "vitest";
import {loadCommunes} from "../../src/lib/build/datasets.js";
import {formatNumber} from "../../src/lib/format.js";
import {parseFrenchNumber} from "../../src/lib/french-number.js";
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
  await page.waitForFunction(() => document.querySelector(".map-box")?.getAttribute("data-source") === "duckdb", null, {
    timeout: 20_000
  });
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
      Object.fromEntries(
        ["mno:duckdb-start", "mno:first-view", "mno:duckdb-compile"].map((name) => [
          name,
          performance.getEntriesByName(name)[0]?.startTime ?? null
        ])
      )
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
    await page.waitForFunction(
      () => new URL(location.href).searchParams.get("indicateur") === "plie.nouvelles_entrees"
    );
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
    await page.waitForFunction(
      () => new URL(location.href).searchParams.get("indicateur") === "plie.nouvelles_entrees"
    );
    // Same modes and years: the very same inputs, still checked as chosen.
    expect(await taux!.evaluate((input) => input.isConnected && (input as HTMLInputElement).checked)).toBe(true);

    // The population is in inhabitants: a rate per 1 000 inhabitants of itself makes no sense.
    await page.selectOption("#map-indicator", "territoire.population");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("mode") === "nombre");
    expect(
      await page.$$eval('input[name="mode"]', (inputs) => inputs.map((i) => (i as HTMLInputElement).value))
    ).toEqual(["nombre", "part"]);
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
    // A count: the reader taps the commune's circle, which stands for it.
    const commune = page.locator('.map-box .symbols circle[data-code="59368"]');
    await commune.tap();
    await page.waitForSelector(".map-tooltip:not([hidden])");
    expect(await page.textContent(".map-tooltip")).toContain("La Madeleine");
    expect(await page.textContent(".map-tooltip")).toContain("Touchez à nouveau pour ouvrir la fiche");
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

describe("/carte: counts as circles, rates as colours", () => {
  it("sizes each commune's circle by its count: the ratio of two areas is the ratio of the values", async () => {
    opened = await openPage("/carte?indicateur=plie.participants&mode=nombre");
    const {page} = opened;
    await waitForEngine(page);
    const circles = await page.$$eval(".map-box .symbols circle", (els) =>
      els.map((c) => ({code: c.getAttribute("data-code")!, r: Number(c.getAttribute("r"))}))
    );
    // The values as the table prints them (« 108 », « ≈ 13 »), not as the circles carry them.
    const printed = await page.$$eval(".map-table tbody tr", (trs) =>
      trs.map((tr) => ({code: tr.getAttribute("data-key")!, text: tr.children[1].textContent ?? ""}))
    );
    const valueOf = (code: string) =>
      parseFrenchNumber(
        printed
          .find((p) => p.code === code)!
          .text.replace(/[^\d\s\u202f,.-]/g, "")
          .trim()
      );
    const marcq = circles.find((c) => c.code === "59378")!;
    const lompret = circles.find((c) => c.code === "59356")!;
    const wambrechies = circles.find((c) => c.code === "59636")!;
    for (const other of [lompret, wambrechies]) {
      const areas = (marcq.r / other.r) ** 2;
      const values = valueOf("59378") / valueOf(other.code);
      expect(Math.abs(areas / values - 1)).toBeLessThan(0.02);
    }
    // The largest is drawn first (at the bottom), every circle white-edged and a little transparent.
    expect(circles.map((c) => c.r)).toEqual([...circles.map((c) => c.r)].sort((a, b) => b - a));
    const look = await page.$eval(".map-box .symbols circle", (c) => [
      c.getAttribute("stroke"),
      Number(c.getAttribute("fill-opacity"))
    ]);
    expect(look[0]).toBe("#ffffff");
    expect(look[1]).toBeLessThan(1);
    // Communes under the circles are not coloured by the count.
    const fills = new Set((await mapView(page)).fills);
    expect(fills.size).toBe(1);
    // A size legend with two or three reference circles and French values.
    const legend = await page.$$eval(".map-box .size-legend circle", (els) =>
      els.map((c) => Number(c.getAttribute("data-value")))
    );
    expect(legend.length).toBeGreaterThanOrEqual(2);
    expect(legend.length).toBeLessThanOrEqual(3);
    expect(await page.textContent(".map-box .legend")).toMatch(/Surface proportionnelle au nombre/);
    // A rate is colours again, no circle.
    await page.getByLabel("Pour 1\u202f000 habitants").check();
    await expect.poll(async () => page.locator(".map-box .symbols circle").count()).toBe(0);
    expect(new Set((await mapView(page)).fills).size).toBeGreaterThan(2);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("opens a commune's page from its circle, and keeps every commune focusable with its name", async () => {
    opened = await openPage("/carte");
    const {page} = opened;
    await page.waitForSelector('.map-box[aria-busy="false"]');
    expect(await page.locator(".map-box .commune[tabindex='0'][aria-label]").count()).toBe(10);
    await page.focus('.map-box .commune[data-code="59378"]');
    await page.waitForSelector(".map-tooltip:not([hidden])");
    expect(await page.getAttribute('.map-box .symbols circle[data-code="59378"]', "class")).toMatch(/active/);
    await page.click('.map-box .symbols circle[data-code="59378"]', {position: {x: 2, y: 2}, force: true});
    await page.waitForURL(/\/communes\/59378$/);
  });
});

describe("/carte: a commune picked out", () => {
  it("highlights ?commune= on the map (outline, name), in the table and in what is exported", async () => {
    opened = await openPage("/carte?indicateur=plie.participants&mode=taux&annee=2022&commune=59636");
    const {page} = opened;
    await waitForEngine(page);
    expect(await page.getAttribute(".map-box .selected-outline", "data-code")).toBe("59636");
    expect(await page.getAttribute('.map-box .labels text[data-code="59636"]', "font-weight")).toBe("800");
    expect(await page.getAttribute('.map-box .commune[data-code="59636"]', "aria-current")).toBe("true");
    expect(
      await page.$$eval(".map-table tbody tr", (trs) =>
        trs.filter((tr) => tr.querySelector(".selected-commune")).map((tr) => tr.getAttribute("data-key"))
      )
    ).toEqual(["59636"]);
    expect(await page.inputValue("#map-commune")).toBe("Wambrechies");
    // The export takes the map's own SVG: the outline is in it.
    expect(
      await page.$eval(".map-box svg.choropleth-svg", (svg) => svg.querySelector(".selected-outline") !== null)
    ).toBe(true);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("finds a commune by what is typed, without accents or hyphens, and picks it out", async () => {
    opened = await openPage("/carte");
    const {page} = opened;
    await waitForEngine(page);
    await page.fill("#map-commune", "st andre");
    expect(await page.$$eval("#map-commune-liste [role=option]", (os) => os.map((o) => o.textContent))).toEqual([
      "Saint-André-lez-Lille"
    ]);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("commune") === "59527");
    expect(await page.getAttribute(".map-box .selected-outline", "data-code")).toBe("59527");
    await page.fill("#map-commune", "marcq");
    await page.click("#map-commune-liste [role=option]");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("commune") === "59378");
    expect(await page.getAttribute(".map-box .selected-outline", "data-code")).toBe("59378");
    expect(await page.getAttribute(".map-selected a", "href")).toBe("/communes/59378");
  });

  it("is reached from a commune page's « Comparer sur la carte »", async () => {
    opened = await openPage("/communes/59636");
    const {page} = opened;
    const href = await page.getAttribute('.commune-figure[data-indicator="plie.participants"] .figure-links a', "href");
    expect(new URL(href!, opened.origin).searchParams.get("commune")).toBe("59636");
    await page.click('.commune-figure[data-indicator="plie.participants"] .figure-links a');
    await page.waitForSelector(".map-box .selected-outline");
    expect(await page.getAttribute(".map-box .selected-outline", "data-code")).toBe("59636");
  });
});

describe("/carte: history and the URL", () => {
  it("makes each choice a history entry: Back returns to the previous view", async () => {
    opened = await openPage("/carte");
    const {page} = opened;
    await waitForEngine(page);
    const view = () => page.getAttribute(".map-box", "data-view");
    expect(await view()).toBe("plie.participants|nombre|2022");
    await page.selectOption("#map-indicator", "plie.nouvelles_entrees");
    await page.waitForFunction(
      () => new URL(location.href).searchParams.get("indicateur") === "plie.nouvelles_entrees"
    );
    await page.getByLabel("Pour 1\u202f000 habitants").check();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("mode") === "taux");
    await page.goBack();
    await expect.poll(view).toBe("plie.nouvelles_entrees|nombre|2022");
    expect(await page.isChecked('input[name="mode"][value="nombre"]')).toBe(true);
    await page.goBack();
    await expect.poll(view).toBe("plie.participants|nombre|2022");
    expect(await page.inputValue("#map-indicator")).toBe("plie.participants");
    await page.goForward();
    await expect.poll(view).toBe("plie.nouvelles_entrees|nombre|2022");
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("says so when the URL asks for an unknown indicator or mode, with a link to the default map", async () => {
    opened = await openPage("/carte?indicateur=plie.inconnu&mode=moyenne");
    const {page} = opened;
    await page.waitForSelector('.map-box[aria-busy="false"]');
    const notice = await page.textContent(".map-notice");
    expect(notice).toContain("L’indicateur « plie.inconnu » n’est pas publié commune par commune.");
    expect(notice).toContain("La lecture « moyenne » n’existe pas");
    expect(await page.getAttribute(".map-notice a", "href")).toBe("/carte");
    // The URL is left as asked until the reader chooses.
    expect(new URL(page.url()).searchParams.get("indicateur")).toBe("plie.inconnu");
  });

  it("speaks no jargon and shows no raw status", async () => {
    opened = await openPage("/carte");
    const {page} = opened;
    await waitForEngine(page);
    const text = (await page.textContent("main")) ?? "";
    expect(text).not.toMatch(/DuckDB|moteur de requêtes/);
    expect(text).not.toMatch(/\bpublie\b|Statut/);
  });
});

describe("/carte on a phone", () => {
  it("shows the map first and names every commune, Marquette-lez-Lille too", async () => {
    opened = await openPage("/carte", {width: 390, height: 844, touch: true});
    const {page} = opened;
    await page.waitForSelector('.map-box[aria-busy="false"]');
    const top = await page.$eval(".map-box", (e) => e.getBoundingClientRect().top);
    expect(top).toBeLessThan(844 * 0.5);
    expect(await page.$eval(".map-box", (e) => e.getBoundingClientRect().top)).toBeLessThan(
      await page.$eval(".map-controls", (e) => e.getBoundingClientRect().top)
    );
    for (const mode of ["nombre", "taux"]) {
      if (mode === "taux") await page.getByLabel("Pour 1\u202f000 habitants").check();
      await expect.poll(() => page.getAttribute(".map-box", "data-view")).toMatch(new RegExp(`\\|${mode}\\|`));
      const named = await page.$$eval(".map-box .labels text", (ts) => ts.map((t) => t.getAttribute("data-code")));
      expect(new Set(named).size).toBe(10);
      expect(named).toContain("59386");
    }
  });

  it("lines up a rate's table: each « calculé » beside its value, the table within the screen", async () => {
    opened = await openPage("/carte?indicateur=plie.sorties_positives_par_participant", {width: 390, height: 844});
    const {page} = opened;
    await page.waitForSelector(".map-table tbody .badge-derive");
    const cells = await page.$$eval(".map-table tbody tr > :nth-child(2)", (tds) =>
      // A value and its badge wrapped onto two lines are two boxes of one inline span.
      tds.map((td) => ({lines: td.querySelector(".derived")!.getClientRects().length, text: td.textContent!}))
    );
    // One line per value and its badge, on every row.
    for (const cell of cells) expect(cell.lines, cell.text).toBe(1);
    expect(await page.$eval(".map-table .table-scroll", (s) => s.scrollWidth <= s.clientWidth)).toBe(true);
  });

  it("tells that a table scrolls sideways when it does, and only then", async () => {
    opened = await openPage("/communes/59636", {width: 390, height: 844, touch: true});
    const {page} = opened;
    await page.waitForSelector(".commune-page table");
    await expect.poll(() => page.isVisible(".commune-page .scroll-cue")).toBe(true);
    expect(await page.$eval(".commune-page .table-scroll", (s) => s.scrollWidth > s.clientWidth)).toBe(true);
    expect(await page.getAttribute(".commune-page .table-scroll", "class")).toMatch(/is-scrollable/);
    const wide = await openPage("/communes/59636", {width: 1400, height: 900});
    await wide.page.waitForSelector(".commune-page table");
    expect(await wide.page.isVisible(".commune-page .scroll-cue")).toBe(false);
    await wide.context.close();
  });
});

describe("/communes/<code>", () => {
  it.each(loadCommunes().map((c) => [c.code, c.nom, c.population] as const))(
    "%s (%s) shows its population",
    async (code, nom, population) => {
      opened = await openPage(`/communes/${code}`);
      const {page} = opened;
      expect(await page.textContent("h1")).toBe(nom);
      expect(await page.title()).toBe(`${nom} | Observatoire MNO`);
      expect(await page.textContent(".commune-intro .lead")).toContain(`${formatNumber(population)} habitants`);
      expect(await page.locator(".commune-figure").count()).toBeGreaterThanOrEqual(3);
      expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
    }
  );

  it("has no serious accessibility violation", async () => {
    opened = await openPage("/communes/59611");
    await opened.page.waitForSelector(".commune-figure");
    expect(await seriousViolations(opened.page)).toEqual([]);
  });
});
