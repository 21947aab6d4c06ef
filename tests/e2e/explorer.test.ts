// The SQL notebook (/explorer) in Chromium: typed queries against the real Parquet files, errors,
// links, named results, protection of the data, cancellation, pagination, files, accessibility.
import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import JSZip from "jszip";
import type {Page} from "playwright-core";
import {afterEach, describe, expect, it} from "vitest";
import {projectRoot} from "../../src/lib/build/datasets.js";
import {formatNumber} from "../../src/lib/format.js";
import {seriousViolations} from "./a11y.js";
import {type OpenedPage, openPage, problems, useBrowser} from "./browser.js";

useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => opened?.context.close());

// DuckDB-WASM reports a failed statement in the console as a log, but allow it as an error too:
// an SQL error the page shows the user is expected.
const SQL_ERRORS = [/Catalog Error|Parser Error|Binder Error|query was canceled/];

/** Reads the built Parquet file of a table with DuckDB for Node. */
async function nodeQuery<T>(sql: (file: (table: string) => string) => string): Promise<T[]> {
  const dir = join(projectRoot, "dist/_file/data");
  const files = readdirSync(dir);
  const file = (table: string) =>
    join(
      dir,
      files.find((f) => f.startsWith(`${table}.`) && f.endsWith(".parquet"))!
    );
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const rows = (await connection.runAndReadAll(sql(file))).getRowObjectsJS() as T[];
  connection.closeSync();
  instance.closeSync();
  return rows;
}

const cell = (page: Page, n: number) => page.locator(".cell").nth(n - 1);

/** Waits until no cell is running and the engine has settled. */
async function settled(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector(".cell") !== null &&
      document.querySelector('[aria-busy="true"]') === null &&
      document.querySelector('.cell[data-state="running"]') === null,
    null,
    {timeout}
  );
}

async function openExplorer(path = "/explorer", options: Parameters<typeof openPage>[1] = {}): Promise<Page> {
  opened = await openPage(path, {allowErrors: SQL_ERRORS, ...options});
  await settled(opened.page);
  return opened.page;
}

/** Replaces a cell's SQL as a paste would (typing would accept completions on Enter). */
async function setSql(page: Page, n: number, sql: string): Promise<void> {
  await cell(page, n).locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(sql);
}

async function run(page: Page, n: number): Promise<void> {
  await cell(page, n)
    .getByRole("button", {name: `Exécuter la cellule ${n}`})
    .click();
  await settled(page);
}

/** The text of a cell's result table, row by row. */
async function tableRows(page: Page, n: number): Promise<string[][]> {
  return cell(page, n)
    .locator(".result-table tbody tr")
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent ?? "")));
}

describe("/explorer", () => {
  it("runs a typed query and shows the count DuckDB in Node reads from the same Parquet", async () => {
    const [{n}] = await nodeQuery<{n: number}>(
      (file) => `SELECT count(*)::INTEGER AS n FROM read_parquet('${file("indicators")}')`
    );
    const page = await openExplorer();
    const editor = page.getByRole("textbox", {name: "Requête SQL"});
    await expect.poll(() => editor.count()).toBe(1);
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    await page.keyboard.type("SELECT count(*) AS n FROM indicators");
    await page.keyboard.press("Control+Enter");
    await settled(page);
    expect(await tableRows(page, 1)).toEqual([[formatNumber(n)]]);
    expect(await cell(page, 1).locator(".cell-status").textContent()).toMatch(/^1 ligne · [\d,]+\u202fms$/);
    expect(problems(opened!)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("shows DuckDB's message under a wrong query, keeps other cells' results, and runs the next query", async () => {
    const page = await openExplorer();
    const before = await tableRows(page, 1);
    await page.getByRole("button", {name: "+ Cellule dessous (sous la cellule 1)"}).click();
    await setSql(page, 2, "SELECT cont(*) FROM indicators");
    await run(page, 2);
    const error = cell(page, 2).locator(".cell-error");
    await expect.poll(() => error.textContent()).toMatch(/Catalog Error.*cont/s);
    expect(await error.getAttribute("role")).toBe("alert");
    expect(await tableRows(page, 1)).toEqual(before);

    await setSql(page, 2, "SELECT count(*) AS n FROM communes");
    await run(page, 2);
    expect(await tableRows(page, 2)).toEqual([["10"]]);
    expect(await cell(page, 2).locator(".cell-error").count()).toBe(0);
    expect(problems(opened!)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("puts the notebook in a link that restores two cells and their results", async () => {
    const page = await openExplorer();
    await opened!.context.grantPermissions(["clipboard-read", "clipboard-write"], {origin: opened!.origin});
    await setSql(
      page,
      1,
      "-- name: grandes\nSELECT nom, population FROM communes WHERE population > 20000 ORDER BY population DESC"
    );
    await page.getByRole("button", {name: "+ Cellule dessous (sous la cellule 1)"}).click();
    await setSql(page, 2, "SELECT count(*) AS n, sum(population) AS habitants FROM grandes");
    await page.getByRole("button", {name: "Tout exécuter"}).click();
    await settled(page);
    const first = await tableRows(page, 1);
    const second = await tableRows(page, 2);
    expect(first).toHaveLength(3);
    expect(second).toEqual([["3", formatNumber(38604 + 27425 + 22214)]]);

    await page.getByRole("button", {name: "Copier le lien"}).click();
    await expect
      .poll(() => page.locator("[role=status]").allTextContents())
      .toContainEqual(expect.stringMatching(/Lien du carnet copié/));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/explorer\?n=[A-Za-z0-9_-]+$/);
    await opened!.context.close();

    const restored = await openExplorer(new URL(link).pathname + new URL(link).search);
    expect(await restored.locator(".cell").count()).toBe(2);
    expect(await restored.locator(".cm-content").first().textContent()).toContain("-- name: grandes");
    expect(await tableRows(restored, 1)).toEqual(first);
    expect(await tableRows(restored, 2)).toEqual(second);
    expect(problems(opened!)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("lets a later cell query a named result, listed in the panel of tables", async () => {
    const page = await openExplorer();
    await setSql(
      page,
      1,
      "-- name: participants\nSELECT commune_code, value AS participants FROM indicators\n" +
        "WHERE indicator = 'plie.participants' AND commune_code IS NOT NULL AND dimension IS NULL"
    );
    await run(page, 1);
    expect(await cell(page, 1).locator(".cell-header .cell-badge").textContent()).toBe("résultat « participants »");
    await page.getByRole("button", {name: "+ Cellule dessous (sous la cellule 1)"}).click();
    await setSql(page, 2, "SELECT sum(participants) AS total FROM participants");
    await run(page, 2);
    expect(await tableRows(page, 2)).toEqual([["453"]]);
    await expect.poll(() => page.locator('.schema-result[data-table="participants"]').count()).toBe(1);

    // A later cell fails clearly once the name is gone.
    await page.getByRole("button", {name: "Supprimer la cellule 1"}).click();
    await run(page, 1);
    expect(await cell(page, 1).locator(".cell-error").textContent()).toMatch(/participants/);
    expect(await page.locator('.schema-result[data-table="participants"]').count()).toBe(0);
  });

  it("opens an example notebook in one click", async () => {
    const page = await openExplorer();
    await page.getByRole("button", {name: /Ce qui a changé d'une année à l'autre/}).click();
    await settled(page);
    expect(await page.locator(".cell").count()).toBe(2);
    expect(await cell(page, 2).locator(".result-table tbody tr").count()).toBe(2);
    // The commune chart is the site's map: every commune named with its value.
    await setSql(
      page,
      1,
      "SELECT code AS commune_code, nom, round(population / 1000.0, 2) AS milliers FROM communes ORDER BY milliers DESC"
    );
    await run(page, 1);
    const map = cell(page, 1).locator('.cell-chart[data-kind="choropleth"]');
    await expect.poll(() => map.locator(".commune").count()).toBe(10);
    expect(await map.locator('.commune[data-code="59368"]').getAttribute("aria-label")).toBe(
      "La Madeleine : 22,21 (milliers)"
    );
    expect(page.url()).toMatch(/\?n=/);
    expect(problems(opened!)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("suggests a line for years and bars for categories, which the user can change or switch off", async () => {
    const page = await openExplorer();
    await page.getByRole("button", {name: /Ce qui a changé d'une année à l'autre/}).click();
    await settled(page);
    const chart = cell(page, 1).locator(".cell-chart");
    await expect.poll(() => chart.getAttribute("data-kind")).toBe("line");
    expect(await chart.locator("svg[role=img]").count()).toBeGreaterThan(0);
    const kind = cell(page, 1).getByLabel("Graphique");
    await kind.selectOption("bar");
    await expect.poll(() => chart.getAttribute("data-kind")).toBe("bar");
    const before = page.url();
    await kind.selectOption("none");
    await expect.poll(() => cell(page, 1).locator(".cell-chart").count()).toBe(0);
    // The choice is the notebook's: it is in the link.
    await expect.poll(() => page.url()).not.toBe(before);
    await page.reload();
    await settled(page);
    await expect.poll(() => cell(page, 1).getByLabel("Graphique").inputValue()).toBe("none");
  });

  it("exports a chart with the site's « Exporter » menu: a native PowerPoint bar chart, its CSV, an SVG", async () => {
    const page = await openExplorer();
    await setSql(page, 1, "SELECT * FROM (VALUES ('Alpha', 3.5), ('Bêta', 12), ('Gamma', 7)) AS t(nom, valeur)");
    await run(page, 1);
    const chart = cell(page, 1).locator(".chart-area");
    await expect.poll(() => chart.locator(".cell-chart").getAttribute("data-kind")).toBe("bar");
    const download = async (item: string) => {
      await chart.locator(".export-menu-button").click();
      const [file] = await Promise.all([
        page.waitForEvent("download", {timeout: 60_000}),
        chart.locator(`[role="menuitem"][data-export="${item}"]`).click()
      ]);
      return {name: file.suggestedFilename(), bytes: readFileSync((await file.path())!)};
    };
    const csv = await download("csv");
    expect(csv.name).toBe("explorateur-cellule-1-valeur-nom.csv");
    // The bars as drawn: largest first.
    expect(
      csv.bytes
        .toString("utf-8")
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/)
        .slice(0, 4)
    ).toEqual([
      expect.stringMatching(/^nom,valeur/),
      expect.stringMatching(/^Bêta,12/),
      expect.stringMatching(/^Gamma,7/),
      expect.stringMatching(/^Alpha,3.5/)
    ]);
    const svg = await download("svg");
    expect(svg.bytes.toString("utf-8")).toMatch(
      /^(<\?xml[^>]*>\s*)?<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"[^]*Bêta/
    );
    const pptx = await download("pptx");
    const zip = await JSZip.loadAsync(pptx.bytes);
    const charts = zip.file(/^ppt\/charts\/chart\d+\.xml$/);
    expect(charts).toHaveLength(1);
    const xml = await charts[0].async("string");
    expect(xml).toContain("<c:barChart>");
    expect([...xml.slice(xml.indexOf("<c:val>")).matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]))).toEqual([
      12, 7, 3.5
    ]);
    expect(problems(opened!)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("keeps the data files unchanged whatever is typed", async () => {
    const page = await openExplorer();
    for (const sql of [
      "DROP TABLE indicators",
      "WITH x AS (SELECT 1) DELETE FROM communes",
      "UPDATE communes SET population = 0",
      "SELECT 1; DROP TABLE communes"
    ]) {
      await setSql(page, 1, sql);
      await run(page, 1);
      expect(await cell(page, 1).locator(".cell-error").textContent()).toMatch(/lecture seule|une seule requête/);
    }
    await setSql(page, 1, "SELECT * FROM read_csv('https://example.com/x.csv')");
    await run(page, 1);
    expect(await cell(page, 1).locator(".cell-error").textContent()).toMatch(/Permission Error/);
    await setSql(page, 1, "SELECT (SELECT count(*) FROM indicators) AS i, (SELECT sum(population) FROM communes) AS p");
    await run(page, 1);
    const [{i, p}] = await nodeQuery<{i: number; p: number}>(
      (file) =>
        `SELECT (SELECT count(*) FROM read_parquet('${file("indicators")}'))::INTEGER AS i, ` +
        `(SELECT sum(population) FROM read_parquet('${file("communes")}'))::INTEGER AS p`
    );
    expect(await tableRows(page, 1)).toEqual([[formatNumber(i), formatNumber(p)]]);
    expect(problems(opened!)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("cancels a long query, and the next one runs", async () => {
    const page = await openExplorer();
    await setSql(page, 1, "SELECT count(*) AS n FROM range(1000000000000)");
    await cell(page, 1).getByRole("button", {name: "Exécuter la cellule 1"}).click();
    const cancel = cell(page, 1).getByRole("button", {name: "Annuler l'exécution de la cellule 1"});
    await cancel.waitFor({state: "visible"});
    await page.waitForTimeout(500);
    const start = Date.now();
    await cancel.click();
    await settled(page, 10_000);
    expect(Date.now() - start).toBeLessThan(5_000);
    expect(await cell(page, 1).locator(".cell-status").textContent()).toBe("Exécution annulée.");
    await setSql(page, 1, "SELECT 42 AS reponse");
    await run(page, 1);
    expect(await tableRows(page, 1)).toEqual([["42"]]);
  });

  it("shows a large result a page at a time, and caps what it reads", async () => {
    const page = await openExplorer();
    await setSql(page, 1, "SELECT i, i * 2 AS double FROM range(1000) AS t(i)");
    await run(page, 1);
    expect(await cell(page, 1).locator(".result-table tbody tr").count()).toBe(50);
    const status = cell(page, 1).locator(".pager-status");
    expect(await status.textContent()).toBe(`Lignes 1 à 50 sur 1\u202f000 · page 1 sur 20`);
    await cell(page, 1).getByRole("button", {name: "Suivant"}).click();
    expect(await status.textContent()).toBe(`Lignes 51 à 100 sur 1\u202f000 · page 2 sur 20`);
    expect((await tableRows(page, 1))[0][0]).toBe("50");

    await setSql(page, 1, "SELECT * FROM range(250000) AS t(i)");
    await run(page, 1);
    expect(await cell(page, 1).locator(".result-table tbody tr").count()).toBe(50);
    expect(await cell(page, 1).locator(".cell-status").textContent()).toMatch(/^250\u202f000 lignes/);
    expect(await cell(page, 1).locator(".notice").textContent()).toMatch(/100\u202f000 premières lignes/);
  });

  it("stops reading a result of long texts at its byte budget, then runs the next query", async () => {
    const page = await openExplorer();
    // 50 000 rows of 50 000 characters: 2,5 GB if read whole; the engine is stopped once the batches
    // read hold more than the budget, and the notice says so.
    await setSql(page, 1, "SELECT i, repeat('x', 50000) AS texte FROM range(50000) AS t(i)");
    await run(page, 1);
    expect(await cell(page, 1).locator(".notice").textContent()).toMatch(/Mo au plus : il contient de longs textes/);
    expect(await cell(page, 1).locator(".notice").textContent()).toContain("le reste n’a pas été lu");
    const kept = Number(
      ((await cell(page, 1).locator(".notice").textContent()) ?? "")
        .match(/Seules les ([\d\u202f]+) premières/)![1]
        .replace(/\u202f/g, "")
    );
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(50000);
    expect(await cell(page, 1).locator(".cell-status").textContent()).toMatch(/^50\u202f000 lignes/);
    await setSql(page, 1, "SELECT 42 AS reponse");
    await run(page, 1);
    expect(await tableRows(page, 1)).toEqual([["42"]]);
  });

  it("saves results as CSV and the notebook as a .sql file that opens again", async () => {
    const page = await openExplorer();
    await setSql(page, 1, "-- name: c\nSELECT code, nom FROM communes ORDER BY code LIMIT 2");
    await run(page, 1);
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      cell(page, 1).getByRole("button", {name: "Télécharger le CSV"}).click()
    ]);
    expect(csv.suggestedFilename()).toBe("cellule-1-c.csv");
    expect(readFileSync(await csv.path(), "utf-8")).toBe("code,nom\n59328,Lambersart\n59356,Lompret\n");

    await page.getByRole("button", {name: "+ Cellule dessous (sous la cellule 1)"}).click();
    await setSql(page, 2, "SELECT count(*) AS n FROM c");
    const [sql] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", {name: "Télécharger le .sql"}).click()
    ]);
    expect(sql.suggestedFilename()).toBe("carnet-mno.sql");
    const text = readFileSync(await sql.path(), "utf-8");
    expect(text.match(/^-- %% cellule$/gm)).toHaveLength(2);

    await page.getByRole("button", {name: /Sorties du PLIE/}).click();
    await settled(page);
    expect(await page.locator(".cell").count()).toBe(1);
    await page
      .getByLabel("Ouvrir un fichier")
      .setInputFiles({name: "carnet.sql", mimeType: "application/sql", buffer: Buffer.from(text)});
    await expect.poll(() => page.locator(".cell").count()).toBe(2);
    await settled(page);
    expect(await tableRows(page, 2)).toEqual([["2"]]);
  });

  it("adds, moves and removes cells, and inserts names from the panel of tables", async () => {
    const page = await openExplorer();
    await setSql(page, 1, "SELECT 1 AS premier");
    await page.getByRole("button", {name: "+ Ajouter une cellule"}).click();
    await page.keyboard.insertText("SELECT 2 AS second");
    await page.getByRole("button", {name: "Monter la cellule 2"}).click();
    await expect
      .poll(() => page.locator(".cm-content").allTextContents())
      .toEqual(["SELECT 2 AS second", "SELECT 1 AS premier"]);
    // The focus stays on the control used, and the link follows.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toMatch(/cellule 1/);
    await page.getByRole("button", {name: "Supprimer la cellule 1"}).click();
    await expect.poll(() => page.locator(".cm-content").allTextContents()).toEqual(["SELECT 1 AS premier"]);
    await page.getByRole("button", {name: "Rétablir"}).click();
    await expect
      .poll(() => page.locator(".cm-content").allTextContents())
      .toEqual(["SELECT 2 AS second", "SELECT 1 AS premier"]);
    await page.getByRole("button", {name: "Supprimer la cellule 1"}).click();

    await setSql(page, 1, "SELECT  FROM communes");
    await cell(page, 1).locator(".cm-content").click();
    await page.keyboard.press("Home");
    for (let i = 0; i < "SELECT ".length; i++) await page.keyboard.press("ArrowRight");
    await page.getByRole("button", {name: "Insérer la colonne nom (communes)"}).click();
    await expect.poll(() => page.locator(".cm-content").first().textContent()).toBe("SELECT nom FROM communes");
    await run(page, 1);
    expect(await cell(page, 1).locator(".result-table tbody tr").count()).toBe(10);
  });

  it("renders hostile text from results as text", async () => {
    const page = await openExplorer();
    const hostile = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
    await setSql(page, 1, `SELECT '${hostile}' AS "<b>col</b>", 1 AS n`);
    await run(page, 1);
    expect(await tableRows(page, 1)).toEqual([[hostile, "1"]]);
    expect(await cell(page, 1).locator(".cell-output img, .cell-output script, .cell-output b").count()).toBe(0);
    expect(await page.evaluate(() => (window as {__pwned?: number}).__pwned)).toBeUndefined();
  });

  it.each([1280, 390])("has a labelled editor and no serious accessibility violation at %i px", async (width) => {
    {
      const page = await openExplorer("/explorer", {width});
      await page.getByRole("button", {name: /Participants PLIE pour 1\s000 habitants/}).click();
      await settled(page);
      await page.getByRole("button", {name: /Ce qui a changé/}).click();
      await settled(page);
      expect(await page.getByRole("textbox", {name: "Requête SQL"}).count()).toBe(2);
      await page.locator(".schema-sample summary").first().click();
      await settled(page);
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems(opened!)).toEqual({errors: [], failed: [], offOrigin: []});
    }
  });
});
