// /donnees/importer: the 2022 report imported as 2023 (every proposal exact), reviewed from the
// keyboard (accept all, correct one value, reject one), one unused number made a row, a reload
// that keeps the review, and the downloaded files read back by the build's own validator. Then a
// PDF made here, read in the page by pdfjs-dist (its worker served by the site).
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import PDFDocument from "pdfkit";
import type {Page} from "playwright-core";
import {afterAll, afterEach, beforeAll, describe, expect, it} from "vitest";
import {parseCsv, recordsToObjects} from "../../src/lib/csv.js";
import {dataPaths, loadCommunes} from "../../src/lib/build/datasets.js";
import {readEdition} from "../../src/lib/build/reports.js";
import {readRules} from "../../src/lib/build/rules.js";
import {type PdfJs, textFromPdf} from "../../src/lib/edition/pdf.js";
import {proposeEdition} from "../../src/lib/edition/propose.js";
import {findFrenchNumbers} from "../../src/lib/french-number.js";
import {seriousViolations} from "./a11y.js";
import {type OpenedPage, openPage, problems, useBrowser} from "./browser.js";

useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => opened?.context.close());

const REPORT = "data/reports/2022/rapport.txt";
const text = readFileSync(REPORT, "utf-8");
const rows = recordsToObjects(parseCsv(readFileSync("data/reports/2022/indicateurs.csv", "utf-8"), "i")).map(
  (r) => r.values
);
const coherenceText = readFileSync("data/reports/2022/coherence.json", "utf-8");
const reference = {year: 2022, text, rows, coherence: JSON.parse(coherenceText)};
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "importer-e2e-"));
});
afterAll(() => rmSync(work, {recursive: true, force: true}));

/** A row that no formula and no consistency rule names: rejecting or correcting it breaks nothing else. */
function unreferenced(row: Record<string, string>): boolean {
  const named = new RegExp(`${row.indicator.replace(/\./g, "\\.")}\\[`);
  return !named.test(coherenceText) && !rows.some((r) => named.test(r.derivation));
}

async function cards(page: Page): Promise<number> {
  return page.locator(".importer-card").count();
}

async function current(page: Page): Promise<number> {
  return Number(await page.getAttribute(".importer-card.importer-current", "data-index"));
}

async function checksSettled(page: Page): Promise<string> {
  await page.waitForSelector('#importer-verifications + [aria-busy="false"]');
  return (await page.textContent("#importer-verifications + div"))!;
}

async function downloaded(page: Page, name: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", {name: `Télécharger ${name}`}).click()
  ]);
  expect(download.suggestedFilename()).toBe(name);
  return readFileSync((await download.path())!, "utf-8");
}

describe("/donnees/importer", () => {
  it("reviews a self-import from the keyboard, keeps it over a reload, and saves files the build accepts", async () => {
    opened = await openPage("/donnees/importer");
    const {page} = opened;
    expect(await page.textContent("h1")).toBe("Importer une nouvelle édition");
    expect(await page.inputValue("#importer-year")).toBe("2023");
    await page.setInputFiles("#importer-file", REPORT);
    await page.waitForSelector(".importer-card");
    expect(await cards(page)).toBe(rows.length);
    expect(await page.locator('.importer-card:not([data-match="exact"])').count()).toBe(0);
    // The figure is marked in its new passage (as text: a <mark> around the number only).
    const first = page.locator('.importer-card[data-index="0"]');
    expect(await first.locator(".importer-new mark").first().textContent()).toBe(rows[0].value);

    const rejected = rows.findIndex((r) => r.status === "publie" && unreferenced(r));
    const corrected = rows.findIndex(
      (r, i) =>
        i !== rejected &&
        r.status === "publie" &&
        r.unit !== "pourcent" &&
        unreferenced(r) &&
        new Set(findFrenchNumbers(r.quote).map((n) => n.value)).size > 1
    );
    const correction = findFrenchNumbers(rows[corrected].quote).find((n) => n.text.trim() !== rows[corrected].value)!;
    expect(rejected).toBeGreaterThanOrEqual(0);
    expect(corrected).toBeGreaterThanOrEqual(0);

    expect(await page.locator(".importer-correct:visible").count()).toBe(0);
    await first.focus();
    await page.keyboard.press("j");
    await page.keyboard.press("ArrowDown");
    expect(await current(page)).toBe(2);
    await page.keyboard.press("k");
    await page.keyboard.press("ArrowUp");
    expect(await current(page)).toBe(0);
    for (let i = 0; i < rows.length; i++) {
      if (i === rejected) await page.keyboard.press("r");
      else if (i === corrected) {
        await page.keyboard.press("c");
        expect(await page.locator(".importer-correct:visible").count()).toBe(1);
        const input = page.locator(`#proposition-${i}-value`);
        expect(await input.evaluate((e) => e === document.activeElement)).toBe(true);
        await input.fill(correction.text.trim());
        await page.keyboard.press("Enter");
      } else await page.keyboard.press("a");
    }
    const counter =
      `${rows.length} / ${rows.length} examinées — ` + `${rows.length - 2} acceptées, 1 corrigée, 1 rejetée`;
    expect(await page.textContent(".importer-progress")).toBe(counter);
    expect(await page.getAttribute(`.importer-card[data-index="${corrected}"]`, "data-decision")).toBe("corrige");
    expect(await page.textContent(`.importer-card[data-index="${corrected}"] .importer-new mark`)).toBe(
      correction.text.trim()
    );

    // One unused number becomes a row: one click opens the form, prefilled with its line.
    const unused = page.locator(".importer-unused", {hasText: "Les 20 ans de l'association"}).first();
    await unused.getByRole("button", {name: "Créer une ligne"}).click();
    const form = unused.locator("form");
    await form.getByLabel("Indicateur").selectOption("mde.salon_exposants");
    expect(await form.getByLabel("Libellé").inputValue()).toBe("Exposants du Salon Les Clés de l’Emploi");
    expect(await form.getByLabel("Unité").inputValue()).toBe("exposants");
    expect(await form.getByLabel("Passage du nouveau rapport").inputValue()).toContain("Les 20 ans de l'association");
    await form.getByLabel("Dimension (facultatif)").fill("édition");
    await form.getByLabel("Catégorie (facultatif)").fill("anniversaire");
    await form.getByRole("button", {name: "Ajouter la ligne"}).click();
    expect(await page.textContent(".importer-added")).toContain("Exposants du Salon");

    // The self-import keeps the years its passages name (« au 31/12/2022 »): the rules moved to
    // 2023 find no row. Each is named in French with its id and description, and left out.
    let checks = await checksSettled(page);
    expect(checks).toMatch(/Règle de cohérence « plie-permis-resultat » \(.+\) : règle « plie-permis-resultat »/);
    const dropped: string[] = [];
    for (let guard = 0; guard < 10; guard++) {
      const drop = page.getByRole("button", {name: "Retirer cette règle de coherence.json"}).first();
      if (!(await drop.count())) break;
      dropped.push((await drop.locator("xpath=..").locator("strong").textContent())!.match(/« (.+) »/)![1]);
      await drop.click();
      checks = await checksSettled(page);
    }
    expect(checks).toContain(`Aucun problème : les ${rows.length} lignes acceptées passent les règles de validation`);
    expect(dropped.length).toBeGreaterThan(0);

    // A reload keeps the review.
    await page.reload();
    await page.waitForSelector(".importer-card");
    expect(await page.textContent(".importer-notice")).toContain(
      "Reprise de l'examen de « rapport.txt », édition 2023"
    );
    expect(await page.textContent(".importer-progress")).toBe(counter);
    expect(await page.textContent(".importer-added")).toContain("Exposants du Salon");
    expect(await checksSettled(page)).toContain("Aucun problème");

    // The downloads, read back by the build's validator as data/reports/2023/.
    const root = join(work, "self");
    mkdirSync(join(root, "data/reports/2023"), {recursive: true});
    cpSync("data/communes", join(root, "data/communes"), {recursive: true});
    cpSync("data/reports/regles.json", join(root, "data/reports/regles.json"));
    for (const name of ["indicateurs.csv", "rapport.txt", "coherence.json"])
      writeFileSync(join(root, "data/reports/2023", name), await downloaded(page, name));
    const rules = readRules(join(root, "data/reports/regles.json"), "regles.json");
    const codes = new Set(loadCommunes(dataPaths(root)).map((c) => c.code));
    const edition = readEdition(join(root, "data/reports"), 2023, rules, codes, root);
    expect(edition.problems).toEqual([]);
    expect(readFileSync(join(root, "data/reports/2023/rapport.txt"), "utf-8")).toBe(text);
    const kept = JSON.parse(readFileSync(join(root, "data/reports/2023/coherence.json"), "utf-8")) as {id: string}[];
    expect(kept.map((r) => r.id)).toEqual(
      reference.coherence.map((r: {id: string}) => r.id).filter((id: string) => !dropped.includes(id))
    );

    // Same rows as accepted: the library's proposals, minus the rejected one, with the correction,
    // plus the added row.
    const expected = proposeEdition(reference, {year: 2023, text}).proposals.map((p) => ({...p.values}));
    expected[corrected].value = correction.text.trim();
    const added = {
      ...expected.find((r) => r.indicator === "mde.salon_exposants")!,
      year: "2023",
      dimension: "édition",
      category: "anniversaire",
      value: "20",
      quote: expect.stringContaining("Les 20 ans de l'association")
    };
    const saved = recordsToObjects(
      parseCsv(readFileSync(join(root, "data/reports/2023/indicateurs.csv"), "utf-8"), "indicateurs.csv")
    ).map((r) => r.values);
    expect(saved).toEqual([...expected.filter((_, i) => i !== rejected), added]);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("keeps hostile text as text, and fits a phone", async () => {
    opened = await openPage("/donnees/importer", {width: 390, height: 844, touch: true});
    const {page} = opened;
    const hostile = join(work, "hostile.txt");
    writeFileSync(hostile, `${text}\n<img src=x onerror="window.__pwned=1"> 4242 <b>gras</b>\n`);
    await page.setInputFiles("#importer-file", hostile);
    await page.waitForSelector(".importer-card");
    const item = page.locator(".importer-unused", {hasText: "4242"}).first();
    expect(await item.textContent()).toContain('<img src=x onerror="window.__pwned=1"> 4242 <b>gras</b>');
    expect(await page.locator(".importer-unused img, .importer-unused b").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as {__pwned?: number}).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    if (process.env.MNO_KEEP_EXPORTS)
      await page.screenshot({path: join(process.env.MNO_KEEP_EXPORTS, "importer-390.png")});
    // 335 cards alike: axe audits the first five (the whole list takes it over a minute).
    expect(await seriousViolations(page, ".importer-card:nth-child(n+6)")).toEqual([]);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  }, 120_000);

  it("reads a PDF in the page, with the site's own pdfjs worker, as the command line does", async () => {
    // A small PDF of the report's first pages (pdfkit's Helvetica: WinAnsi characters only).
    const lines = text
      .split("\n")
      .slice(0, 120)
      .map((l) => l.replace(/[\u202f\u2009]/g, " ").replace(/[^\x20-\x7e\u00a0-\u00ff’œ€–—…«»]/g, ""));
    const pdf = await new Promise<Buffer>((resolve) => {
      const doc = new PDFDocument({size: "A4", margin: 40});
      const chunks: Buffer[] = [];
      doc.on("data", (c: Buffer) => chunks.push(c));
      doc.on("end", () => resolve(Buffer.concat(chunks)));
      doc.font("Helvetica").fontSize(9);
      for (const line of lines) doc.text(line || " ");
      doc.end();
    });
    const file = join(work, "rapport-2023.pdf");
    writeFileSync(file, pdf);
    const pdfjs = (await import("pdfjs-dist/legacy/build/pdf.mjs")) as unknown as PdfJs;
    const nodeText = await textFromPdf(pdfjs, new Uint8Array(pdf));
    const nodeResult = proposeEdition(reference, {year: 2023, text: nodeText});
    expect(nodeResult.summary.proposed).toBeGreaterThan(10);

    opened = await openPage("/donnees/importer");
    const {page} = opened;
    // pdfjs runs in a worker of its own, made from the site's copy (and ended with the document).
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await page.setInputFiles("#importer-file", file);
    await page.waitForSelector(".importer-card", {timeout: 30_000});
    expect(await page.textContent(".importer-notice")).toContain(
      `Rapport lu : « rapport-2023.pdf », édition 2023. ${nodeResult.summary.proposed} chiffres proposés`
    );
    expect(await page.locator('.importer-card:not([data-match="absent"])').count()).toBe(nodeResult.summary.proposed);
    const population = nodeResult.proposals.findIndex(
      (p) => p.values.indicator === "territoire.population" && p.match !== "absent"
    );
    expect(population).toBeGreaterThanOrEqual(0);
    expect(await page.textContent(`.importer-card[data-index="${population}"] .importer-new mark`)).toBe(
      nodeResult.proposals[population].values.value
    );
    expect(await downloaded(page, "rapport.txt")).toBe(nodeText);
    if (process.env.MNO_KEEP_EXPORTS)
      await page.screenshot({path: join(process.env.MNO_KEEP_EXPORTS, "importer-1280.png")});
    const worker = workers.find((url) =>
      /\/_npm\/pdfjs-dist@[^/]+\/build\/pdf\.worker\.min\.[0-9a-f]{8}\.js$/.test(url)
    );
    expect(worker).toBeDefined();
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });
});
