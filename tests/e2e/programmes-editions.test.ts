// The programme pages across editions, on the three-edition fixture (dist-editions: fake values):
// an indicator's line over the years, its table by year, the year shown chosen in the URL, the
// comparison with the year before said by the one rule (points for a share), printed values
// preferred to derived ones; and the typo-tolerant search, on the real site.
import {readFileSync} from "node:fs";
import {join} from "node:path";
import JSZip from "jszip";
import {afterAll, afterEach, beforeAll, describe, expect, it} from "vitest";
import type {Download, Page} from "playwright-core";
import {parseCsv} from "../../src/lib/csv.js";
import {dataPaths, loadTables, projectRoot, tableList} from "../../src/lib/build/datasets.js";
import {FIGURES} from "../../src/lib/queries/fragments.js";
import {Warehouse} from "../../src/lib/build/warehouse.js";
import {seriousViolations} from "./a11y.js";
import {type OpenedPage, openPage, problems, useBrowser} from "./browser.js";

useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => opened?.context.close());
let fixture: Warehouse;
beforeAll(async () => {
  fixture = await Warehouse.create(tableList(loadTables(dataPaths(join(projectRoot, "tests/fixtures/editions")))));
});
afterAll(() => fixture.close());

const nn = (s: string | null | undefined) => (s ?? "").replace(/[\u202f\u00a0]/g, " ");

/** The territory's figures of an indicator across editions, as FIGURES keeps them. */
function series(indicator: string) {
  return fixture.query<{year: number; value: number; status: string; report_year: number}>(
    `SELECT year, value, status, report_year FROM ${FIGURES} f
     WHERE indicator = ? AND commune_code IS NULL AND dimension IS NULL ORDER BY year`,
    [indicator]
  );
}

async function ready(page: Page) {
  await page.waitForSelector('.programme-content[aria-busy="false"][data-source="duckdb"]', {timeout: 30_000});
}

async function openIndicator(path: string, site: "real" | "editions" = "editions", width = 1280) {
  opened = await openPage(path, {site, width});
  await ready(opened.page);
  return opened.page;
}

const YEARS = '.chart-figure[data-chart="plie.participants-annees"]';
const yearRows = (page: Page) =>
  page.$$eval(".years-view table tbody tr", (trs) =>
    trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => c.textContent ?? ""))
  );

describe("an indicator over the editions", () => {
  it("draws its line with one labelled dot per year, and a table by year with each value's edition", async () => {
    const page = await openIndicator("/programmes/plie?indicateur=plie.participants");
    const expected = await series("plie.participants");
    expect(expected).toHaveLength(3);
    const chart = page.locator(`${YEARS} svg`);
    expect(await chart.getAttribute("role")).toBe("img");
    expect(await chart.getAttribute("aria-label")).toBe("Participants en parcours par année, de 2021 à 2023");
    expect(await page.locator(`${YEARS} g[data-mark="dot"] circle`).count()).toBe(3);
    const labels = await page.$$eval(`${YEARS} g[data-mark="text"] text`, (ts) => ts.map((t) => t.textContent));
    expect(labels).toEqual(expected.map((r) => String(r.value)));

    const rows = await yearRows(page);
    expect(rows.map((cells) => [Number(cells[0]), cells[1], Number(cells[3]), cells[4]])).toEqual(
      expected.map((r) => [r.year, String(r.value), r.report_year, "publié"])
    );
    // The change since the year before, in the unit and in %.
    const [first, second] = expected;
    const pct = ((second.value / first.value - 1) * 100).toFixed(1).replace(".", ",");
    expect(nn(rows[1][2])).toBe(`+${second.value - first.value} participants (+${pct} %)`);
    expect(rows[0][2]).toBe("—");
    expect(problems(opened!)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("shows the year chosen (value, comparison, charts); the URL holds it and « back » returns", async () => {
    const page = await openIndicator("/programmes/plie?indicateur=plie.participants");
    const [y2021, y2022, y2023] = await series("plie.participants");
    const headline = page.locator(".indicator-view > .figure-value data");
    expect(Number(await headline.getAttribute("value"))).toBe(y2023.value);
    expect(await page.locator('.chart-figure[data-chart="plie.participants-communes-2023"]').count()).toBe(1);

    await page.selectOption('select[name="annee"]', "2022");
    await page.waitForSelector('.chart-figure[data-chart="plie.participants-communes-2022"]');
    await expect.poll(() => new URL(page.url()).searchParams.get("annee")).toBe("2022");
    expect(Number(await headline.getAttribute("value"))).toBe(y2022.value);
    const pct = ((y2022.value / y2021.value - 1) * 100).toFixed(1).replace(".", ",");
    expect(nn(await page.textContent(".indicator-view > .comparison"))).toBe(
      `+${y2022.value - y2021.value} participants (+${pct} %) par rapport à 2021 (${y2021.value} participants)`
    );
    // The focus stays on the selector (a keyboard user goes on choosing).
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("annee");

    await page.goBack();
    await page.waitForSelector('.chart-figure[data-chart="plie.participants-communes-2023"]');
    await expect.poll(() => new URL(page.url()).searchParams.get("annee")).toBeNull();
    expect(Number(await headline.getAttribute("value"))).toBe(y2023.value);
    expect(await page.inputValue('select[name="annee"]')).toBe("2023");
    expect(problems(opened!)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("says in French when the year asked for has no figure, and shows the latest", async () => {
    const page = await openIndicator("/programmes/plie?indicateur=plie.participants&annee=1999");
    expect(nn(await page.textContent(".year-notice"))).toBe(
      "Année demandée introuvable : cet indicateur n’a pas de valeur pour 1999 ; " +
        "les années disponibles sont 2021, 2022, 2023. Affichage de 2023."
    );
    await page.goto(opened!.url("/programmes/plie?indicateur=plie.participants&annee=hier"));
    await ready(page);
    expect(nn(await page.textContent(".year-notice"))).toContain("« hier » n’est pas une année");
    expect(await page.inputValue('select[name="annee"]')).toBe("2023");
  });

  it("moves a share in points: « +7 points » for 45 % → 52 %, on the card and in the drill-down", async () => {
    const [, before, after] = await series("plie.sorties_positives_taux");
    const points = `+${after.value - before.value} points`;
    const page = await openIndicator("/programmes/plie");
    const card = page.locator('.indicator-card[data-indicator="plie.sorties_positives_taux"] .comparison');
    expect(nn(await card.textContent())).toBe(`${points} par rapport à 2022 (${before.value} %)`);
    await page.click('.indicator-card[data-indicator="plie.sorties_positives_taux"] h3 a');
    await page.waitForSelector('.indicator-view[data-indicator="plie.sorties_positives_taux"]');
    expect(nn(await page.textContent(".indicator-view > .comparison"))).toBe(
      `${points} par rapport à 2022 (${before.value} %)`
    );
    const rows = await yearRows(page);
    expect(rows.map((r) => nn(r[2]))).toEqual(["—", "+5 points", points]);
    expect(rows.some((r) => r[2].includes("%"))).toBe(false);
  });

  it("shows the printed 16 000 for 2022, not the later edition's derived ≈ 16 008", async () => {
    const printed = (await series("mission_locale.entretiens")).find((r) => r.year === 2022)!;
    expect(printed).toMatchObject({status: "publie", report_year: 2022});
    const page = await openIndicator("/programmes/mission-locale?indicateur=mission_locale.entretiens&annee=2022");
    expect(Number(await page.locator(".indicator-view > .figure-value data").getAttribute("value"))).toBe(
      printed.value
    );
    const row2022 = (await yearRows(page)).find((r) => r[0] === "2022")!;
    expect([nn(row2022[1]), row2022[3], row2022[4]]).toEqual(["16 000", "2022", "publié"]);
    expect(nn(await page.textContent(".indicator-view"))).not.toContain("16 008");
    // The report prints its evolution: that is what the comparison says.
    expect(nn(await page.textContent(".indicator-view > .comparison"))).toBe(
      "+6,7 % par rapport à 2021 (15 000 entretiens)"
    );
  });

  it("exports the line as CSV rows by year and as a native line chart on a slide", async () => {
    const page = await openIndicator("/programmes/plie?indicateur=plie.participants");
    const download = async (item: string): Promise<{file: Download; bytes: Buffer}> => {
      await page.click(`${YEARS} .export-menu-button`);
      const [file] = await Promise.all([
        page.waitForEvent("download", {timeout: 60_000}),
        page.click(`${YEARS} [role="menuitem"][data-export="${item}"]`)
      ]);
      return {file, bytes: readFileSync((await file.path())!)};
    };
    const expected = await series("plie.participants");
    const csv = await download("csv");
    expect(csv.file.suggestedFilename()).toBe("graphique-plie-participants-annees-2023.csv");
    const table = parseCsv(csv.bytes.toString("utf-8"), "annees.csv");
    expect(table.header).toEqual(["annee", "valeur", "unite", "statut", "edition"]);
    expect(table.records.map(({fields}) => [Number(fields[0]), Number(fields[1]), Number(fields[4])])).toEqual(
      expected.map((r) => [r.year, r.value, r.report_year])
    );

    const pptx = await download("pptx");
    const zip = await JSZip.loadAsync(pptx.bytes);
    const charts = zip.file(/^ppt\/charts\/chart\d+\.xml$/);
    expect(charts).toHaveLength(1);
    const xml = await charts[0].async("string");
    expect(xml).toContain("<c:lineChart>");
    const values = [...xml.slice(xml.indexOf("<c:val>")).matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]));
    expect(values).toEqual(expected.map((r) => r.value));
    expect(problems(opened!)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("lists an indicator the latest edition dropped, with its last figure, and has no line for one year", async () => {
    const page = await openIndicator("/programmes/association");
    const card = page.locator('.indicator-card[data-indicator="association.adherents"]');
    expect(nn(await card.locator(".dropped").textContent())).toBe(
      "Absent de la dernière édition du rapport (dernière : 2021)."
    );
    await card.locator("h3 a").click();
    await page.waitForSelector('.indicator-view[data-indicator="association.adherents"]');
    expect(await page.locator(".years-view, select[name='annee']").count()).toBe(0);
    expect(nn(await page.textContent(".indicator-view dl.facts"))).toContain("1 (1 publiée, 0 calculée)");
  });

  it("has no serious accessibility violation with its line chart and table by year", async () => {
    const page = await openIndicator("/programmes/plie?indicateur=plie.participants_part");
    expect(await page.locator('.chart-figure[data-chart="plie.participants_part-sexe-annees"] svg').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe("a programme overview across editions", () => {
  it("shows the year chosen on every card, carries it into the drill-down, and « back » returns", async () => {
    const [y2021, y2022, y2023] = await series("plie.participants");
    const page = await openIndicator("/programmes/plie");
    const card = page.locator('.indicator-card[data-indicator="plie.participants"]');
    expect(Number(await card.locator(".figure-value data").getAttribute("value"))).toBe(y2023.value);
    expect(await page.inputValue('.overview-year select[name="annee"]')).toBe("2023");

    await page.selectOption('.overview-year select[name="annee"]', "2022");
    await page.waitForFunction(() => new URL(location.href).searchParams.get("annee") === "2022");
    expect(Number(await card.locator(".figure-value data").getAttribute("value"))).toBe(y2022.value);
    expect(nn(await card.locator(".comparison").textContent())).toContain(
      `par rapport à 2021 (${y2021.value} participants)`
    );
    expect(await card.locator("h3 a").getAttribute("href")).toContain("annee=2022");
    await card.locator("h3 a").click();
    await page.waitForSelector('.indicator-view[data-indicator="plie.participants"]');
    expect(await page.inputValue('.indicator-view select[name="annee"]')).toBe("2022");

    await page.goBack();
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("annee"));
    expect(Number(await card.locator(".figure-value data").getAttribute("value"))).toBe(y2023.value);
    expect(problems(opened!)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("counts the indicators a past year lacks instead of dropping them silently", async () => {
    const page = await openIndicator("/programmes/mde?annee=2022");
    expect(await page.locator('.indicator-card[data-indicator="mde.forum_visiteurs"]').count()).toBe(0);
    expect(nn(await page.textContent(".overview-year"))).toMatch(/\d+ indicateurs? sans valeur en 2022/);
    await page.goto(opened!.url("/programmes/mde"));
    await ready(page);
    expect(await page.locator('.indicator-card[data-indicator="mde.forum_visiteurs"]').count()).toBe(1);
  });
});

describe("the real site's single edition", () => {
  it("draws the interviews' two years, the derived one hollow and said « calculé »", async () => {
    const page = await openIndicator("/programmes/mission-locale?indicateur=mission_locale.entretiens", "real");
    const chart = '.chart-figure[data-chart="mission_locale.entretiens-annees"]';
    const dots = await page.$$eval(`${chart} g[data-mark="dot"] circle`, (cs) => cs.map((c) => c.getAttribute("fill")));
    expect(dots).toHaveLength(2);
    expect(dots[0]).toBe("white");
    expect(dots[1]).not.toBe("white");
    expect(nn(await page.textContent(`${chart} g[data-mark="text"]`))).toContain("≈ 13 541(calculé)");
    expect(nn(await page.textContent(".indicator-view > .comparison"))).toBe(
      "+17 % par rapport à 2021 (≈ 13 541 calculé)"
    );
  });

  it("moves the PLIE's ≤ CAP share in points (56 % → 69 %), without a change in %", async () => {
    const page = await openIndicator("/programmes/plie?indicateur=plie.nouvelles_entrees_part", "real");
    const table = page.locator(".comparison-view table");
    const headers = await table.locator("thead th").allTextContents();
    expect(headers.some((h) => h.includes("Variation (%)"))).toBe(false);
    const cap = table.locator("tbody tr", {hasText: "≤ CAP"});
    expect(nn(await cap.textContent())).toContain("+13 points");
    expect(nn(await page.textContent(".indicator-view"))).not.toContain("+23,2");
    // Its two categories with two years each have their line.
    expect(
      await page.locator('.chart-figure[data-chart^="plie.nouvelles_entrees_part-"][data-chart$="-annees"]').count()
    ).toBe(2);
  });
});

describe("the search", () => {
  const found = (page: Page) =>
    page.$$eval('.search-results [role="option"]', (os) => os.map((o) => o.getAttribute("data-indicator")));

  it("finds « alternace » and « jeunes femmes » despite the typo and across fields", async () => {
    const page = await openIndicator("/programmes/territoire", "real");
    await page.fill("#indicator-search", "alternace");
    expect(await found(page)).toEqual(
      expect.arrayContaining(["mission_locale.alternance_contrats", "mde.contrats_alternance"])
    );
    expect(nn(await page.textContent(".search-status"))).toMatch(/^\d+ indicateurs trouvés$/);
    await page.fill("#indicator-search", "jeunes femmes");
    expect(await found(page)).toEqual(
      expect.arrayContaining(["mde.cyberbase_usagers_jeunes", "mission_locale.emploi_jeunes_part"])
    );
    expect(await page.textContent('.search-results [data-indicator="mde.cyberbase_usagers_jeunes"]')).toContain(
      "sexe : femmes"
    );
  });

  it("is a combobox: ↓ moves into the results, Enter opens one in place, Escape closes", async () => {
    const page = await openIndicator("/programmes/mission-locale", "real");
    const input = page.locator("#indicator-search");
    await input.fill("alternace");
    expect(await input.getAttribute("aria-expanded")).toBe("true");
    await input.press("ArrowDown");
    await input.press("ArrowDown");
    const active = await input.getAttribute("aria-activedescendant");
    const second = page.locator('.search-results [role="option"]').nth(1);
    expect(active).toBe(await second.getAttribute("id"));
    expect(await second.getAttribute("aria-selected")).toBe("true");
    const indicator = (await second.getAttribute("data-indicator"))!;
    await input.press("Escape");
    expect(await input.getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator(".search-results").isHidden()).toBe(true);
    expect(await input.inputValue()).toBe("alternace");

    await input.press("ArrowDown");
    await input.press("ArrowDown");
    expect(await seriousViolations(page)).toEqual([]);
    await input.press("Enter");
    await page.waitForSelector(`.indicator-view[data-indicator="${indicator}"]`);
    await expect.poll(() => new URL(page.url()).searchParams.get("indicateur")).toBe(indicator);
    expect(await input.getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator(".search-results").isHidden()).toBe(true);
    await page.goBack();
    await page.waitForFunction(() => !location.search && document.querySelectorAll(".programme-section").length > 1);
    expect(problems(opened!)).toEqual({errors: [], failed: [], offOrigin: []});
  });
});
