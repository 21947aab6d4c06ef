// Communes side by side (/communes/comparer) and the printed commune sheet (one A4 page each).
import {execFileSync} from "node:child_process";
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import QRCode from "qrcode";
import {loadCommunes} from "../../src/lib/build/datasets.js";
import {QR_OPTIONS} from "../../src/lib/commune/qr.js";
import {seriousViolations} from "./a11y.js";
import {type OpenedPage, openPage, problems, useBrowser} from "./browser.js";

useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => opened?.context.close());

describe("/communes/comparer", () => {
  it("puts two communes side by side, each figure a small chart with the territory", async () => {
    opened = await openPage("/communes/comparer?communes=59636,59378");
    const {page} = opened;
    await page.waitForSelector(".compare-figure");
    const figures = page.locator(".compare-figure");
    // Three counts, and the two rates per participant derived for every commune (« calculé »).
    expect(await figures.count()).toBe(5);
    for (const figure of await figures.all()) {
      const ratio = (await figure.getAttribute("data-indicator"))!.endsWith("_par_participant");
      expect(
        await figure.locator(".compare-lines li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-code")))
      ).toEqual(["59636", "59378"]);
      expect(await figure.locator("svg").count()).toBe(1);
      // Two communes and the territory: three bars.
      expect(await figure.locator("svg rect").count()).toBeGreaterThanOrEqual(3);
      expect(await figure.textContent()).toMatch(
        ratio
          ? /écart au territoire : [+−]?[\d,]+ points?\)/
          : /écart au territoire : [+−]?[\d,]+ pour 1\u202f000 habitants/
      );
    }
    expect(await page.locator(".compare-chosen li").allTextContents()).toEqual(["Wambrechies×", "Marcq-en-Barœul×"]);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("adds a commune from the selector and removes one", async () => {
    opened = await openPage("/communes/comparer?communes=59636,59378");
    const {page} = opened;
    await page.fill("#compare-add", "ST-ANDRE");
    await page.keyboard.press("Enter");
    await page.waitForURL(/communes=59636,59378,59527$/);
    await page.waitForSelector(".compare-figure");
    expect(await page.locator(".compare-figure").first().locator(".compare-lines li").count()).toBe(3);
    await page.click('button[aria-label="Retirer Marcq-en-Barœul de la comparaison"]');
    await page.waitForURL(/communes=59636,59527$/);
  });

  it.each([
    ["59636", /Choisissez au moins 2 communes à comparer \(une seule choisie\)/],
    ["59636,99999", /Code inconnu : « 99999 »\. Les codes INSEE des dix communes sont/],
    ["59636,59378,59386,59527,59611", /On compare au plus 4 communes à la fois \(5 demandées\)/],
    ["", /aucune choisie/]
  ])("says in French what is wrong with ?communes=%s", async (codes, message) => {
    opened = await openPage(`/communes/comparer?communes=${codes}`);
    const {page} = opened;
    await page.waitForSelector('[role="alert"]');
    expect(await page.textContent('[role="alert"]')).toMatch(message);
    expect(await page.locator(".compare-figure").count()).toBe(0);
    expect(await page.isVisible("#compare-add")).toBe(codes.split(",").length <= 4);
  });

  it("is linked from every commune page", async () => {
    for (const {code} of loadCommunes()) {
      opened = await openPage(`/communes/${code}`);
      const href = await opened.page.getAttribute(".commune-actions a[href^='/communes/comparer']", "href");
      const codes = new URL(href!, opened.origin).searchParams.get("communes")!.split(",");
      expect(codes[0]).toBe(code);
      expect(codes).toHaveLength(2);
      await opened.context.close();
      opened = undefined;
    }
  });

  it("fits a phone, one figure under the other, and has no serious accessibility violation", async () => {
    opened = await openPage("/communes/comparer?communes=59636,59378,59386,59527", {
      width: 390,
      height: 844,
      touch: true
    });
    const {page} = opened;
    await page.waitForSelector(".compare-figure");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const lefts = await page.$$eval(".compare-figure", (els) =>
      els.map((e) => Math.round(e.getBoundingClientRect().left))
    );
    expect(new Set(lefts).size).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe("the printed commune sheet", () => {
  const dir = mkdtempSync(join(tmpdir(), "fiche-"));

  it.each(loadCommunes().map((c) => [c.code, c.nom] as const))(
    "/communes/%s (%s) prints on one A4 page",
    async (code, nom) => {
      opened = await openPage(`/communes/${code}`);
      const {page} = opened;
      await page.waitForSelector(".commune-figure");
      expect(await page.isVisible("button.print-button")).toBe(true);
      await page.waitForSelector(".address-qr[data-ready] svg", {state: "attached"});
      await page.emulateMedia({media: "print"});
      const pdf = await page.pdf({format: "A4", printBackground: true, preferCSSPageSize: true});
      const file = join(dir, `${code}.pdf`);
      writeFileSync(file, pdf);
      const info = execFileSync("pdfinfo", [file], {encoding: "utf8"});
      expect(info).toMatch(/^Pages:\s+1$/m);
      expect(info).toMatch(/^Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/m);
      // pdftotext keeps the printed words; no-break spaces become ordinary ones.
      const text = execFileSync("pdftotext", ["-layout", file, "-"], {encoding: "utf8"}).replace(
        /[\u00a0\u202f]/g,
        " "
      );
      expect(text).toContain(nom);
      // Headers wrap over lines in their narrow columns.
      for (const header of ["Indicateur", "Valeur", "Territoire", "Écart", "Rang", "Part du"])
        expect(text).toContain(header);
      expect(text).toMatch(/Pour\s+1 000/);
      expect(text).toContain("hab.");
      expect(text).toMatch(/Source : rapport d.activité 2022/);
      expect(text).toMatch(/Imprimée le \d{1,2}(er)? \p{L}+ \d{4}/u);
      expect(text).toContain(`/communes/${code}`);
      expect(text).toMatch(/habitants/);
      // No navigation, no way back, no buttons on paper.
      expect(text).not.toMatch(/Retour à la carte|Imprimer la fiche|Explorateur SQL|Les autres communes/);
      // The page's address as a QR code: read back from the rendered sheet, module by module.
      const url = opened.url(`/communes/${code}`);
      expect(readPrintedQr(file)).toEqual(qrMatrix(url));
    }
  );
});

/** The module matrix qrcode computes for `url` (true = dark), with the sheet's options. */
function qrMatrix(url: string): boolean[][] {
  const {modules} = QRCode.create(url, QR_OPTIONS);
  return Array.from({length: modules.size}, (_, r) =>
    Array.from({length: modules.size}, (_, c) => modules.get(r, c) === 1)
  );
}

/**
 * The QR code as the printed sheet shows it: the PDF rendered by poppler at 300 dpi (grey levels),
 * the code found above its caption « Cette fiche en ligne » (word boxes from pdftotext), its dark
 * modules' bounding box cut into the symbol's size, each module read at its centre.
 */
function readPrintedQr(pdf: string): boolean[][] {
  const dpi = 300;
  const scale = dpi / 72;
  const boxes = execFileSync("pdftotext", ["-bbox", pdf, "-"], {encoding: "utf8"});
  const caption = [
    ...boxes.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">Cette<\/word>/g)
  ];
  expect(caption, "la légende du code QR est imprimée").toHaveLength(1);
  const [xMin, yMin] = caption[0].slice(1, 3).map(Number);
  const base = pdf.replace(/\.pdf$/, "");
  execFileSync("pdftoppm", ["-r", String(dpi), "-gray", "-singlefile", pdf, base]);
  const image = readPgm(`${base}.pgm`);
  // The code (22 mm ≈ 62 pt) stands right above its caption, in its own column: search there only
  // (the locator map, left of it, has dark borders too).
  const search = {
    x0: Math.round((xMin - 20) * scale),
    x1: Math.round((xMin + 70) * scale),
    y0: Math.round((yMin - 68) * scale),
    y1: Math.round(yMin * scale)
  };
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = search.y0; y < search.y1; y++)
    for (let x = search.x0; x < search.x1; x++)
      if (image.at(x, y) < 100) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
  expect(right - left, "un code QR est dessiné au-dessus de sa légende").toBeGreaterThan(150);
  // The finder pattern (top left) is 7 dark modules wide: the module's width gives the symbol's size.
  const width = right - left + 1;
  const modules = Math.round(width / moduleWidth(image, left, top));
  const step = width / modules;
  return Array.from({length: modules}, (_, r) =>
    Array.from(
      {length: modules},
      (_, c) => image.at(Math.round(left + (c + 0.5) * step), Math.round(top + (r + 0.5) * step)) < 128
    )
  );
}

/** The width of one module: the top-left finder pattern's dark run along its first row is 7 modules. */
function moduleWidth(image: {at(x: number, y: number): number}, left: number, top: number): number {
  let x = left;
  const y = top + 2;
  while (image.at(x, y) < 128) x++;
  return (x - left) / 7;
}

/** A binary PGM (P5, 8 bits) as a reader of grey levels. */
function readPgm(file: string): {width: number; height: number; at(x: number, y: number): number} {
  const data = readFileSync(file);
  const header = data
    .subarray(0, 64)
    .toString("latin1")
    .match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
  if (!header) throw new Error(`${file} n'est pas une image PGM`);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const offset = header[0].length;
  return {
    width,
    height,
    at: (x, y) => (x < 0 || y < 0 || x >= width || y >= height ? 255 : data[offset + y * width + x])
  };
}
