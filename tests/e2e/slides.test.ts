// Figures for slides, as a communication officer gets them: the « Exporter » menu by keyboard and
// pointer, the PowerPoint file of a chart and of the map read back by readers no one here wrote
// (JSZip for the OOXML parts, Debian's LibreOffice for the rendering, poppler for the PDF), the SVG
// of the map opened by LibreOffice with readable labels, and a 16:9 picture that fills its frame.
import {execFileSync} from "node:child_process";
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import JSZip from "jszip";
import type {Download, Page} from "playwright-core";
import {afterAll, afterEach, beforeAll, describe, expect, it} from "vitest";
import {parseFrenchNumber} from "../../src/lib/french-number.js";
import {seriousViolations} from "./a11y.js";
import {type OpenedPage, openPage, problems, useBrowser} from "./browser.js";

useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => opened?.context.close());

const COMMUNES = '.chart-figure[data-chart="plie.participants-communes-2022"]';
const SHARES = '.chart-figure[data-chart^="territoire.emploi_salarie_prive_part-secteur-"]';
const SOURCE = "Source : rapport d’activité 2022, MDE Métropole Nord-Ouest";
// The files and their renderings; MNO_KEEP_EXPORTS=1 keeps them to look at (the folder is printed).
const work = mkdtempSync(join(tmpdir(), "mno-slides-"));
afterAll(() => {
  if (process.env.MNO_KEEP_EXPORTS) console.log(`exports et rendus LibreOffice : ${work}`);
  else rmSync(work, {recursive: true, force: true});
});

// LibreOffice and poppler are Debian packages (.ci/run installs them): a missing one fails the
// test with what to install, never skips it.
function tool(name: string, pkg: string): string {
  const path = [`/usr/bin/${name}`, `/usr/local/bin/${name}`].find(existsSync);
  if (!path)
    throw new Error(
      `${name} est absent : installez-le (apt-get install ${pkg}) pour lire les exports comme un client réel`
    );
  return path;
}

/** Converts a file to PDF with LibreOffice headless (its own profile: other instances may run). */
function toPdf(file: string): string {
  const soffice = tool("soffice", "libreoffice-impress");
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${join(work, "profile")}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      work,
      file
    ],
    {timeout: 120_000, stdio: "pipe"}
  );
  const pdf = file.replace(/\.[a-z]+$/, ".pdf");
  if (!existsSync(pdf)) throw new Error(`LibreOffice n’a pas converti ${file}`);
  return pdf;
}

/** Renders an SVG with librsvg (GNOME's renderer, used by many converters) to PDF and PNG. */
function rsvg(svg: string): string {
  const convert = tool("rsvg-convert", "librsvg2-bin");
  const pdf = svg.replace(/\.svg$/, "-rsvg.pdf");
  execFileSync(convert, ["-f", "pdf", "-o", pdf, svg]);
  execFileSync(convert, ["-f", "png", "-o", pdf.replace(/\.pdf$/, ".png"), svg]);
  return pdf;
}

/** The PDF's text, spaces of every width folded to one (LibreOffice groups thousands with a no-break space). */
function pdfText(pdf: string): string {
  return execFileSync(tool("pdftotext", "poppler-utils"), ["-layout", pdf, "-"], {encoding: "utf-8"}).replace(
    /[\u00a0\u202f\u2009 ]+/g,
    " "
  );
}

function pdfPages(pdf: string): number {
  const info = execFileSync(tool("pdfinfo", "poppler-utils"), [pdf], {encoding: "utf-8"});
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

/** First page of a PDF as PNG (for a person to look at: kept in the temporary folder). */
function pdfPng(pdf: string): string {
  execFileSync(tool("pdftoppm", "poppler-utils"), ["-png", "-r", "80", "-singlefile", pdf, pdf.replace(/\.pdf$/, "")]);
  return pdf.replace(/\.pdf$/, ".png");
}

async function pick(page: Page, scope: string, item: string): Promise<{download: Download; bytes: Buffer}> {
  await page.click(`${scope} .export-menu-button`);
  const [download] = await Promise.all([
    page.waitForEvent("download", {timeout: 30_000}),
    page.click(`${scope} [data-export="${item}"]`)
  ]);
  return {download, bytes: readFileSync((await download.path())!)};
}

async function save(bytes: Buffer, name: string): Promise<string> {
  const file = join(work, name);
  writeFileSync(file, bytes);
  return file;
}

/** The bars on screen, top to bottom: label and the value printed after the bar. */
async function barsOnScreen(page: Page, chart: string): Promise<{label: string; shown: string}[]> {
  return page.$$eval(`${chart} g[data-mark="bar"] rect`, (rects) =>
    rects
      .map((rect) => {
        const [label, shown] = rect.querySelector("title")!.textContent!.split(" : ");
        return {label, shown, y: Number(rect.getAttribute("y"))};
      })
      .sort((a, b) => a.y - b.y)
      .map(({label, shown}) => ({label, shown}))
  );
}

/** Categories and values of a chart part of a .pptx, read with JSZip. */
async function chartOf(
  bytes: Buffer
): Promise<{xml: string; categories: string[]; values: number[]; slides: string[]}> {
  const zip = await JSZip.loadAsync(bytes);
  const charts = zip.file(/^ppt\/charts\/chart\d+\.xml$/);
  expect(charts).toHaveLength(1);
  const xml = await charts[0].async("string");
  const points = (part: string) =>
    [...part.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1].replace(/&amp;/g, "&").replace(/&apos;/g, "'"));
  const slides = await Promise.all(zip.file(/^ppt\/slides\/slide\d+\.xml$/).map((f) => f.async("string")));
  return {
    xml,
    categories: points(xml.slice(xml.indexOf("<c:cat>"), xml.indexOf("</c:cat>"))),
    values: points(xml.slice(xml.indexOf("<c:val>"), xml.indexOf("</c:val>"))).map(Number),
    slides
  };
}

beforeAll(() => {
  // Fail at once, and clearly, on a machine without the readers.
  tool("soffice", "libreoffice-impress");
  tool("pdftotext", "poppler-utils");
  tool("rsvg-convert", "librsvg2-bin");
});

describe("the « Exporter » menu", () => {
  it("moves by keyboard, closes with Escape (the focus back) and on a click outside", async () => {
    opened = await openPage("/programmes/plie?indicateur=plie.participants");
    const {page} = opened;
    await page.waitForSelector(`${COMMUNES} svg`, {timeout: 30_000});
    const button = page.locator(`${COMMUNES} .export-menu-button`);
    expect(await page.locator(`${COMMUNES} .export-toolbar button:visible`).count()).toBe(1);
    expect(await button.getAttribute("aria-haspopup")).toBe("menu");
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    await button.focus();
    expect(await button.getAttribute("aria-label")).toBe("Exporter : Participants en parcours par commune");
    await page.keyboard.press("ArrowDown");
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    const items = await page.locator(`${COMMUNES} [role="menu"] [role="menuitem"]`).allTextContents();
    expect(items).toEqual([
      "PNG",
      "PNG 16:9",
      "SVG",
      "PowerPoint",
      "Données (CSV)",
      "CSV (Excel)",
      "Intégrer",
      "Ajouter au dossier"
    ]);
    expect(await focused()).toBe("PNG");
    await page.keyboard.press("ArrowDown");
    expect(await focused()).toBe("PNG 16:9");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    expect(await focused()).toBe("Ajouter au dossier");
    await page.keyboard.press("Home");
    expect(await focused()).toBe("PNG");
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    expect(await page.locator(`${COMMUNES} [role="menu"]`).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.classList.contains("export-menu-button"))).toBe(true);
    await button.click();
    expect(await page.locator(`${COMMUNES} [role="menu"]`).isVisible()).toBe(true);
    await page.mouse.click(5, 5);
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    // Enter on an item runs it: « Intégrer » shows the code and takes the focus.
    await button.focus();
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });
});

describe("PowerPoint", () => {
  it("gives a native bar chart of the page's data, loading pptxgenjs only on the click", async () => {
    opened = await openPage("/programmes/plie?indicateur=plie.participants");
    const {page} = opened;
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.waitForSelector(`${COMMUNES} svg`, {timeout: 30_000});
    expect(requested.filter((url) => url.includes("pptxgenjs"))).toEqual([]);
    const {download, bytes} = await pick(page, COMMUNES, "pptx");
    expect(download.suggestedFilename()).toBe("graphique-plie-participants-communes-2022.pptx");
    expect(requested.filter((url) => url.includes("/_npm/pptxgenjs@"))).toHaveLength(1);

    const bars = await barsOnScreen(page, COMMUNES);
    expect(bars).toHaveLength(10);
    const chart = await chartOf(bytes);
    expect(chart.xml).toContain('<c:barDir val="bar"/>');
    expect(chart.categories).toEqual(bars.map((b) => b.label));
    expect(chart.values).toEqual(bars.map((b) => parseFrenchNumber(b.shown)));
    expect(chart.slides).toHaveLength(1);
    const text = chart.slides[0];
    expect(text).toContain("Participants en parcours par commune");
    expect(text).toContain(SOURCE);
    // The speaker notes carry the report's passage behind the figures.
    const zip = await JSZip.loadAsync(bytes);
    const notes = zip.file(/^ppt\/notesSlides\/notesSlide\d+\.xml$/);
    expect((await Promise.all(notes.map((f) => f.async("string")))).join("")).toContain("Passage du rapport");

    // LibreOffice opens it: one slide with its title, source, communes and values.
    const pdf = toPdf(await save(bytes, "communes.pptx"));
    expect(pdfPages(pdf)).toBe(1);
    const rendered = pdfText(pdf);
    for (const line of [
      "Participants en parcours par commune",
      SOURCE,
      "Unité : participants",
      ...bars.map((b) => b.label)
    ]) {
      expect(rendered).toContain(line);
    }
    for (const bar of bars)
      expect(rendered).toMatch(new RegExp(`(^|\\s)${bar.shown.replace(/\u202f/g, " ")}(\\s|$)`, "m"));
    pdfPng(pdf);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("prints shares in French (« 12,7 % ») in the slide LibreOffice renders", async () => {
    opened = await openPage("/programmes/territoire?indicateur=territoire.emploi_salarie_prive_part");
    const {page} = opened;
    await page.waitForSelector(`${SHARES} svg`, {timeout: 30_000});
    const {bytes} = await pick(page, SHARES, "pptx");
    const bars = await barsOnScreen(page, SHARES);
    expect(bars.length).toBeGreaterThan(1);
    const chart = await chartOf(bytes);
    expect(chart.categories).toEqual(bars.map((b) => b.label));
    expect(chart.values).toEqual(bars.map((b) => parseFrenchNumber(b.shown.replace(/\s*%$/, ""))));
    expect(chart.xml).toContain('formatCode="[$-40C]#,##0.0&quot; %&quot;"');
    const rendered = pdfText(toPdf(await save(bytes, "parts.pptx")));
    expect(rendered).toContain("Part de l’emploi salarié privé");
    // The page's own labels (« 12,7 % »): decimal comma, a space before the sign.
    for (const bar of bars) expect(rendered).toContain(bar.shown.replace(/\u202f/g, " "));
    expect(bars.some((b) => /\d,\d/.test(b.shown))).toBe(true);
  });

  it("puts the map on a slide as a 2× picture with its title and source", async () => {
    opened = await openPage("/carte?indicateur=plie.participants&mode=taux&annee=2022");
    const {page} = opened;
    await page.waitForSelector('.map-box[aria-busy="false"]');
    const shown = await page.$eval(".map-box svg.choropleth-svg", (svg) => svg.getBoundingClientRect().toJSON());
    const {download, bytes} = await pick(page, ".map-explorer", "pptx");
    expect(download.suggestedFilename()).toBe("carte-plie-participants-taux-2022.pptx");
    const zip = await JSZip.loadAsync(bytes);
    expect(zip.file(/^ppt\/charts\//)).toHaveLength(0);
    const [image] = zip.file(/^ppt\/media\/.*\.png$/);
    const png = await image.async("nodebuffer");
    expect(png.readUInt32BE(16)).toBe(Math.round(shown.width) * 2);
    const slide = await zip.file("ppt/slides/slide1.xml")!.async("string");
    expect(slide).toContain("Participants en parcours — carte des dix communes");
    expect(slide).toContain(SOURCE);
    // Then the communes as a native table, ranked as the map's own table.
    const table = await zip.file("ppt/slides/slide2.xml")!.async("string");
    expect(table).toContain("<a:tbl>");
    const ranked = await page.$$eval(".map-table tbody tr > :first-child", (cells) =>
      cells.map((c) => c.textContent!.trim())
    );
    const cells = [...table.matchAll(/<a:tc[^>]*>[\s\S]*?<\/a:tc>/g)].map((m) =>
      [...m[0].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join("")
    );
    const columns = 3;
    expect(cells.slice(columns).filter((_, i) => i % columns === 0)).toEqual(ranked);
    const pdf = toPdf(await save(bytes, "carte.pptx"));
    expect(pdfPages(pdf)).toBe(2);
    const rendered = pdfText(pdf);
    pdfPng(pdf);
    expect(rendered).toContain("Participants en parcours — carte des dix communes");
    expect(rendered).toContain(SOURCE);
  });
});

describe("pictures that leave the site", () => {
  it("gives a map SVG whose commune labels LibreOffice and librsvg render above their halo", async () => {
    opened = await openPage("/carte?indicateur=plie.participants&mode=nombre&annee=2022");
    const {page} = opened;
    await page.waitForSelector('.map-box[aria-busy="false"]');
    const labels = await page.$$eval(".map-box svg.choropleth-svg text", (texts) => texts.map((t) => t.textContent!));
    const {bytes} = await pick(page, ".map-explorer", "svg");
    const svg = bytes.toString("utf-8");
    expect(svg).not.toContain("paint-order");
    expect(svg).not.toMatch(/href="\/(?!\/)/);
    expect(svg).not.toContain("currentColor");
    const file = await save(bytes, "carte-svg.svg");
    const rendered = pdfText(toPdf(file));
    const byRsvg = pdfText(rsvg(file));
    for (const name of ["Lambersart", "Lompret", "Marcq-en-Barœul"]) {
      expect(labels.some((l) => l.includes(name))).toBe(true);
      expect(rendered).toContain(name);
      expect(byRsvg).toContain(name);
    }
    pdfPng(join(work, "carte-svg.pdf"));
  });

  it("gives a chart SVG that LibreOffice and librsvg render with its labels", async () => {
    opened = await openPage("/programmes/plie?indicateur=plie.participants");
    const {page} = opened;
    await page.waitForSelector(`${COMMUNES} svg`, {timeout: 30_000});
    const bars = await barsOnScreen(page, COMMUNES);
    const {bytes} = await pick(page, COMMUNES, "svg");
    const file = await save(bytes, "graphique.svg");
    for (const rendered of [pdfText(toPdf(file)), pdfText(rsvg(file))]) {
      expect(rendered).toContain("Participants en parcours par commune");
      expect(rendered).toContain(SOURCE);
      for (const bar of bars) expect(rendered).toContain(bar.label);
    }
  });

  it("gives a 16:9 picture that the chart fills", async () => {
    opened = await openPage("/programmes/plie?indicateur=plie.participants");
    const {page} = opened;
    await page.waitForSelector(`${COMMUNES} svg`, {timeout: 30_000});
    const {bytes} = await pick(page, COMMUNES, "png-slide");
    await save(bytes, "diapositive.png");
    // The box of what is not white, measured by the browser's own PNG decoder.
    const box = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d")!;
      context.drawImage(image, 0, 0);
      const {data} = context.getImageData(0, 0, image.width, image.height);
      let [left, top, right, bottom] = [image.width, image.height, 0, 0];
      for (let y = 0; y < image.height; y++) {
        for (let x = 0; x < image.width; x++) {
          const i = (y * image.width + x) * 4;
          if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) {
            left = Math.min(left, x);
            right = Math.max(right, x);
            top = Math.min(top, y);
            bottom = Math.max(bottom, y);
          }
        }
      }
      return {width: image.width, height: image.height, inkWidth: right - left, inkHeight: bottom - top};
    }, bytes.toString("base64"));
    expect([box.width, box.height]).toEqual([1920, 1080]);
    // The drawing spans most of the frame in both directions (it was a band of ~20 % before).
    expect(box.inkWidth / 1920).toBeGreaterThan(0.8);
    expect(box.inkHeight / 1080).toBeGreaterThan(0.8);
  });
});

describe("the dossier", () => {
  /** Adds the view of `scope` on `path` to the dossier (kept in the browser context's storage). */
  async function add(page: Page, path: string, scope: string, ready: string): Promise<void> {
    await page.goto(opened!.url(path));
    await page.waitForSelector(ready, {timeout: 30_000});
    await page.click(`${scope} .export-menu-button`);
    await page.click(`${scope} [data-export="dossier"]`);
    await page.waitForSelector(`${scope} .export-status a[href="/dossier"]`);
  }

  it("collects views from three pages, keeps them over a reload, and downloads one deck of 7 slides", async () => {
    opened = await openPage("/");
    const {page} = opened;
    await add(page, "/programmes/plie?indicateur=plie.participants", COMMUNES, `${COMMUNES} svg`);
    const sexe = '.chart-figure[data-chart="plie.participants-sexe-2022"]';
    await add(page, "/programmes/plie?indicateur=plie.participants", sexe, `${sexe} svg`);
    await add(page, "/programmes/territoire?indicateur=territoire.emploi_salarie_prive_part", SHARES, `${SHARES} svg`);
    const years = '.chart-figure[data-chart="mission_locale.entretiens-annees"]';
    await add(page, "/programmes/mission-locale?indicateur=mission_locale.entretiens", years, `${years} svg`);
    await add(
      page,
      "/carte?indicateur=plie.participants&mode=taux&annee=2022",
      ".map-explorer",
      '.map-box[aria-busy="false"]'
    );
    // A view of an indicator that a new edition no longer publishes (written as an older site would).
    await page.evaluate(() => {
      const key = "observatoire-mno:dossier";
      const views = JSON.parse(localStorage.getItem(key)!);
      views.push({
        id: "ancien",
        title: "Indicateur retiré",
        state: "/embed/graphique?indicateur=plie.retire&graphique=communes&annee=2021",
        page: "/programmes/plie",
        added: "2026-01-01T00:00:00.000Z",
        meta: {title: "Indicateur retiré", date: "2021", fileBase: "graphique-plie-retire"}
      });
      localStorage.setItem(key, JSON.stringify(views));
    });

    await page.goto(opened.url("/dossier"));
    await page.reload();
    await page.waitForSelector(".dossier-view");
    expect(await page.locator(".dossier-view").count()).toBe(6);
    expect(await page.textContent(".dossier-view.is-missing")).toContain("n’existe plus dans les données publiées");
    expect(await page.textContent(".dossier-status")).toContain("6 vues dans le dossier dont 1 qui n’existe plus");
    // Retitle the first view, move the map (fifth) up one place.
    const first = page.locator(".dossier-view").first().locator("input");
    await first.fill("Participants : les dix communes");
    await first.press("Enter");
    await first.blur();
    await page.locator(".dossier-view").nth(4).getByRole("button", {name: "Monter"}).click();
    await page.waitForFunction(() => document.querySelector(".dossier-view:nth-child(4) iframe") !== null);
    await page.waitForFunction(
      () =>
        (
          document.querySelector(".dossier-view:nth-child(4) iframe") as HTMLIFrameElement
        )?.contentDocument?.querySelector('.map-box[aria-busy="false"] svg.choropleth-svg') != null,
      null,
      {timeout: 30_000}
    );
    expect(await seriousViolations(page)).toEqual([]);
    // « Imprimer / PDF »: one view per A4 landscape page, without the controls.
    await page.emulateMedia({media: "print"});
    const printed = await page.pdf({preferCSSPageSize: true, printBackground: true});
    const boxes = [...printed.toString("latin1").matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThanOrEqual(6);
    for (const [, w, h] of boxes) expect(Number(w)).toBeGreaterThan(Number(h));
    await page.emulateMedia({media: "screen"});
    await page.fill("#dossier-title", "Comité des partenaires");
    await page.fill("#dossier-date", "12 janvier 2027");
    const [download] = await Promise.all([
      page.waitForEvent("download", {timeout: 60_000}),
      page.click('[data-action="pptx"]')
    ]);
    expect(download.suggestedFilename()).toBe("dossier-observatoire-mno.pptx");
    const bytes = readFileSync((await download.path())!);
    const zip = await JSZip.loadAsync(bytes);
    const slides = zip
      .file(/^ppt\/slides\/slide\d+\.xml$/)
      .sort((a, b) => Number(/(\d+)\.xml$/.exec(a.name)![1]) - Number(/(\d+)\.xml$/.exec(b.name)![1]));
    expect(slides).toHaveLength(7);
    const texts = await Promise.all(slides.map(async (f) => (await f.async("string")).replace(/<[^>]+>/g, " ")));
    expect(texts[0]).toContain("Comité des partenaires");
    expect(texts[0]).toContain("12 janvier 2027");
    expect(texts[1]).toContain("Participants : les dix communes");
    expect(texts[4]).toContain("carte des dix communes");
    expect(texts[6]).toContain("Sources");
    expect(texts[6]).not.toContain("Indicateur retiré");
    expect(zip.file(/^ppt\/charts\/chart\d+\.xml$/)).toHaveLength(4);
    expect(zip.file(/^ppt\/media\/.*\.png$/)).toHaveLength(1);
    const pdf = toPdf(await save(bytes, "dossier.pptx"));
    expect(pdfPages(pdf)).toBe(7);
    expect(pdfText(pdf)).toContain("Comité des partenaires");
    // Requests cut short by leaving a page, or by redrawing a thumbnail, are expected here.
    expect({errors: opened.errors, offOrigin: opened.offOrigin}).toEqual({errors: [], offOrigin: []});
  });
});
