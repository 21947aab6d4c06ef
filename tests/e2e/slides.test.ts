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

/** Keeps every SVG the page turns into a picture (png.ts rasterises through a blob URL): `window.__svgs`. */
async function keepSvgs(opened: OpenedPage): Promise<void> {
  await opened.context.addInitScript(() => {
    const w = window as unknown as {__svgs: string[]};
    w.__svgs = [];
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource) => {
      if (object instanceof Blob && object.type === "image/svg+xml") void object.text().then((t) => w.__svgs.push(t));
      return original(object);
    };
  });
  await opened.page.reload();
}

/**
 * Every text of an SVG as Chromium lays it out, in pixels of the final picture (`scale`: picture
 * pixels per SVG unit): its size (font size × the transforms and nested viewBoxes above it) and its box.
 */
async function textSizes(
  page: Page,
  svg: string,
  scale = 1
): Promise<{texts: {text: string; size: number; right: number; bottom: number}[]; width: number; height: number}> {
  return page.evaluate(
    ({svg, scale}) => {
      const holder = document.createElement("div");
      holder.style.cssText = "position:absolute;left:0;top:0;";
      holder.innerHTML = svg.replace(/^<\?xml[^>]*>/, "");
      document.body.append(holder);
      const root = holder.querySelector("svg")!;
      root.style.maxWidth = "none";
      const base = root.getScreenCTM()!.a;
      const box = root.getBoundingClientRect();
      const width = Number(root.getAttribute("width"));
      const texts = [...root.querySelectorAll("text")]
        .filter((t) => t.textContent!.trim())
        .map((t) => {
          const r = t.getBoundingClientRect();
          return {
            text: t.textContent!,
            size: (parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM()!.a * scale) / base,
            right: ((r.right - box.left) / box.width) * width * scale,
            bottom: ((r.bottom - box.top) / box.width) * width * scale
          };
        });
      holder.remove();
      return {texts, width: width * scale, height: Number(root.getAttribute("height")) * scale};
    },
    {svg, scale}
  );
}

/** The alpha of a PNG's four corners and how many pixels are opaque, by the browser's PNG decoder. */
async function alphaOf(page: Page, png: Buffer): Promise<{corners: number[]; opaque: number; width: number}> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0);
    const {data} = context.getImageData(0, 0, image.width, image.height);
    const at = (x: number, y: number) => data[(y * image.width + x) * 4 + 3];
    let opaque = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] === 255) opaque++;
    const [w, h] = [image.width - 1, image.height - 1];
    return {corners: [at(0, 0), at(w, 0), at(0, h), at(w, h)], opaque, width: image.width};
  }, png.toString("base64"));
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
      "PNG (fond transparent)",
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

  it("puts the map on a slide as a picture drawn for it, with its title and source", async () => {
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
    // The map is drawn again for the slide (not the page's map, whatever its width), at 3×.
    expect(png.readUInt32BE(16)).not.toBe(Math.round(shown.width) * 2);
    expect(png.readUInt32BE(16) % 3).toBe(0);
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
    // The right numbers: each commune's rate as the map's own table prints it.
    const values = await page.$$eval(".map-table tbody tr > :nth-child(2)", (cells) =>
      cells.map((c) => c.textContent!.trim())
    );
    const fold = (t: string) => t.replace(/[\u00a0\u202f ]+/g, " ");
    // (the slide's column header gives the unit).
    expect(
      cells
        .slice(columns)
        .filter((_, i) => i % columns === 1)
        .map(fold)
    ).toEqual(values.map((v) => fold(v).replace(/ pour 1 000 hab\.$/, "")));
    const pdf = toPdf(await save(bytes, "carte.pptx"));
    expect(pdfPages(pdf)).toBe(2);
    const rendered = pdfText(pdf);
    pdfPng(pdf);
    expect(rendered).toContain("Participants en parcours — carte des dix communes");
    expect(rendered).toContain(SOURCE);
  });
});

describe("legible when projected: text of 28 px or more at 1920 × 1080", () => {
  it("draws the map’s « PNG 16:9 » for the slide: title, legend, labels at 28 px or more", async () => {
    opened = await openPage("/carte?indicateur=plie.participants&mode=taux&annee=2022");
    await keepSvgs(opened);
    const {page} = opened;
    await page.waitForSelector('.map-box[aria-busy="false"]');
    const {bytes} = await pick(page, ".map-explorer", "png-slide");
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1920, 1080]);
    await save(bytes, "carte-diapositive.png");
    const svgs = await page.evaluate(() => (window as unknown as {__svgs: string[]}).__svgs);
    const measured = await textSizes(page, svgs.at(-1)!);
    expect([measured.width, measured.height]).toEqual([1920, 1080]);
    const names = measured.texts.map((t) => t.text);
    // Title, legend (its title and its class bounds), commune names, source.
    expect(names.some((t) => t.includes("carte des dix communes"))).toBe(true);
    expect(names.some((t) => /pour 1\s000 habitants/.test(t))).toBe(true);
    expect(names).toContain("Lambersart");
    expect(names.some((t) => t.startsWith("Source : rapport d’activité"))).toBe(true);
    for (const t of measured.texts) {
      expect(t.size, t.text).toBeGreaterThanOrEqual(28);
      expect(t.right, t.text).toBeLessThanOrEqual(1920);
      expect(t.bottom, t.text).toBeLessThanOrEqual(1080);
    }
  });

  it("redraws a line over the years for « PNG 16:9 » so that every text reads at 28 px or more", async () => {
    // On a wide screen the line is drawn at its widest (760 px): too small once fitted in the frame.
    opened = await openPage("/programmes/mission-locale?indicateur=mission_locale.entretiens", {width: 1600});
    await keepSvgs(opened);
    const {page} = opened;
    const line = '.chart-figure[data-chart="mission_locale.entretiens-annees"]';
    await page.waitForSelector(`${line} svg`, {timeout: 30_000});
    const {bytes} = await pick(page, line, "png-slide");
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1920, 1080]);
    const svgs = await page.evaluate(() => (window as unknown as {__svgs: string[]}).__svgs);
    const composed = await textSizes(page, svgs.at(-1)!);
    // The picture is fitted in the frame as png.ts does it (margins of 40 and 30 px).
    const scale = Math.min(1840 / composed.width, 1020 / composed.height);
    const measured = await textSizes(page, svgs.at(-1)!, scale);
    const names = measured.texts.map((t) => t.text);
    expect(names.some((t) => t.startsWith("Source : rapport d’activité"))).toBe(true);
    expect(names).toContain("2021");
    for (const t of measured.texts) expect(t.size, t.text).toBeGreaterThanOrEqual(28);
  });

  it("places the map on its PowerPoint slide large enough that its smallest text reads at 28 px", async () => {
    opened = await openPage("/carte?indicateur=plie.participants&mode=nombre&annee=2022");
    await keepSvgs(opened);
    const {page} = opened;
    await page.waitForSelector('.map-box[aria-busy="false"]');
    const {bytes} = await pick(page, ".map-explorer", "pptx");
    const zip = await JSZip.loadAsync(bytes);
    const slide = await zip.file("ppt/slides/slide1.xml")!.async("string");
    const [, slideWidth] = /<p:sldSz cx="(\d+)"/.exec(await zip.file("ppt/presentation.xml")!.async("string"))!;
    const picture = /<p:pic>[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(slide)!;
    const svgs = await page.evaluate(() => (window as unknown as {__svgs: string[]}).__svgs);
    const svg = svgs.at(-1)!;
    const svgWidth = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)![1]);
    // Pixels of a 1920-wide screen per unit of the drawing, as the slide places it.
    const scale = ((Number(picture[1]) / Number(slideWidth)) * 1920) / svgWidth;
    const measured = await textSizes(page, svg, scale);
    expect(measured.texts.map((t) => t.text)).toContain("Lambersart");
    for (const t of measured.texts) expect(t.size, t.text).toBeGreaterThanOrEqual(28);
    const [image] = zip.file(/^ppt\/media\/.*\.png$/);
    expect((await image.async("nodebuffer")).readUInt32BE(16)).toBe(svgWidth * 3);
    // The slide's own texts at 14 pt or more (28 px at 1920 × 1080).
    const sizes = [...slide.matchAll(/\bsz="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1400);
    const pdf = toPdf(await save(bytes, "carte-cercles.pptx"));
    expect(pdfText(pdf)).toContain(SOURCE);
    pdfPng(pdf);
  });
});

describe("PNG with a transparent background", () => {
  it("leaves the corners of a chart's PNG transparent, its ink opaque", async () => {
    opened = await openPage("/programmes/plie?indicateur=plie.participants");
    const {page} = opened;
    await page.waitForSelector(`${COMMUNES} svg`, {timeout: 30_000});
    const clear = await pick(page, COMMUNES, "png-transparent");
    expect(clear.download.suggestedFilename()).toBe("graphique-plie-participants-communes-2022-transparent.png");
    const plain = await pick(page, COMMUNES, "png");
    const [a, b] = [await alphaOf(page, clear.bytes), await alphaOf(page, plain.bytes)];
    expect(a.corners).toEqual([0, 0, 0, 0]);
    expect(a.opaque).toBeGreaterThan(1000);
    expect(b.corners).toEqual([255, 255, 255, 255]);
    expect(a.width).toBe(b.width);
  });
});

describe("key figures", () => {
  /** A card's number as printed, its menu's PowerPoint read back with JSZip and LibreOffice. */
  async function keyFigureDeck(page: Page, card: string, name: string) {
    const value = (await page.textContent(`${card} .figure-value`))!.trim();
    const {download, bytes} = await pick(page, card, "pptx");
    const zip = await JSZip.loadAsync(bytes);
    expect(zip.file(/^ppt\/slides\/slide\d+\.xml$/)).toHaveLength(1);
    const slide = (await zip.file("ppt/slides/slide1.xml")!.async("string")).replace(/<[^>]+>/g, "");
    const notes = await Promise.all(zip.file(/^ppt\/notesSlides\/notesSlide\d+\.xml$/).map((f) => f.async("string")));
    const sizes = [...(await zip.file("ppt/slides/slide1.xml")!.async("string")).matchAll(/\bsz="(\d+)"/g)].map((m) =>
      Number(m[1])
    );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1400);
    const pdf = toPdf(await save(bytes, name));
    expect(pdfPages(pdf)).toBe(1);
    pdfPng(pdf);
    return {value, download, slide, notes: notes.join(""), rendered: pdfText(pdf)};
  }

  it("exports a home headline card as a PowerPoint text slide, loading pptxgenjs only on the click", async () => {
    opened = await openPage("/");
    const {page} = opened;
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    // A figure with its change since the previous year.
    const card = '.figure-card[data-indicator="mission_locale.entretiens"]';
    await page.waitForSelector(`${card} .export-menu-button`);
    expect(requested.filter((url) => url.includes("pptxgenjs"))).toEqual([]);
    await page.click(`${card} .export-menu-button`);
    expect(await page.locator(`${card} [role="menuitem"]`).allTextContents()).toEqual([
      "PNG",
      "PNG (fond transparent)",
      "PowerPoint",
      "Ajouter au dossier"
    ]);
    await page.keyboard.press("Escape");
    const {value, download, slide, notes, rendered} = await keyFigureDeck(page, card, "chiffre-accueil.pptx");
    expect(download.suggestedFilename()).toMatch(/^chiffre-mission.locale-entretiens-2022\.pptx$/);
    expect(requested.filter((url) => url.includes("/_npm/pptxgenjs@"))).toHaveLength(1);
    expect(value).toMatch(/^\d[\d\u202f]*$/);
    const label = (await page.textContent(`${card} .figure-label`))!.replace(/\s*\(\d{4}\)$/, "").trim();
    // The change as the card says it: « +17 % par rapport à 2021 ».
    const change = `${(await page.textContent(`${card} .comparison > span`))!.trim()} par rapport à 2021`;
    const quote = (await page.textContent(`${card} details.source blockquote`))!.replace(/^« | »$/g, "");
    for (const part of [value, label, SOURCE, "Année 2022", change]) expect(slide).toContain(part);
    expect(notes).toContain(quote.slice(0, 60).replace(/&/g, "&amp;").replace(/'/g, "&apos;"));
    const fold = (t: string) => t.replace(/[\u00a0\u202f\u2009 ]+/g, " ");
    for (const part of [value, label, SOURCE]) expect(rendered).toContain(fold(part));
    // The card's PNG, white or transparent.
    const png = await pick(page, card, "png-transparent");
    const alpha = await alphaOf(page, png.bytes);
    expect(alpha.corners).toEqual([0, 0, 0, 0]);
    expect(alpha.width).toBe(1280);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("exports a programme's indicator card and a commune's figure", async () => {
    opened = await openPage("/programmes/plie");
    const {page} = opened;
    const card = '.indicator-card[data-indicator="plie.participants"]';
    await page.waitForSelector(`${card} .export-menu-button`);
    const programme = await keyFigureDeck(page, card, "chiffre-programme.pptx");
    expect(programme.slide).toContain("Participants en parcours");
    expect(programme.slide).toContain(programme.value.replace(/\s*participants?$/, ""));
    expect(programme.slide).toContain(SOURCE);

    await page.goto(opened.url("/communes/59328"));
    const figure = '.commune-figure[data-indicator="plie.participants"]';
    await page.waitForSelector(`${figure} .export-menu-button`);
    const commune = await keyFigureDeck(page, figure, "chiffre-commune.pptx");
    const number = commune.value.replace(/\s*participants?$/, "");
    expect(commune.slide).toContain(number);
    expect(commune.slide).toContain("Lambersart");
    expect(commune.slide).toContain(SOURCE);
    expect(commune.rendered).toContain("Lambersart");
    expect(commune.rendered).toContain(SOURCE);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
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

  it("takes key figures from the home page and a commune page beside a chart and the map: one deck", async () => {
    opened = await openPage("/");
    const {page} = opened;
    const home = '.figure-card[data-indicator="plie.participants"]';
    await add(page, "/", home, `${home} .export-menu-button`);
    const homeValue = (await page.textContent(`${home} .figure-value`))!.trim();
    const commune = '.commune-figure[data-indicator="plie.participants"]';
    await add(page, "/communes/59328", commune, `${commune} .export-menu-button`);
    await add(page, "/programmes/plie?indicateur=plie.participants", COMMUNES, `${COMMUNES} svg`);
    await add(
      page,
      "/carte?indicateur=plie.participants&mode=taux&annee=2022",
      ".map-explorer",
      '.map-box[aria-busy="false"]'
    );
    await page.goto(opened.url("/dossier"));
    await page.waitForSelector(".dossier-view");
    expect(await page.locator(".dossier-view").count()).toBe(4);
    expect(await page.locator(".dossier-view.is-missing").count()).toBe(0);
    // The key figures are redrawn from the data: their thumbnails say the number.
    expect(await page.textContent(".dossier-view:nth-child(1) .dossier-thumbnail")).toContain(homeValue);
    await page.waitForFunction(
      () =>
        (
          document.querySelector(".dossier-view:nth-child(4) iframe") as HTMLIFrameElement
        )?.contentDocument?.querySelector('.map-box[aria-busy="false"] svg.choropleth-svg') != null,
      null,
      {timeout: 30_000}
    );
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent("download", {timeout: 60_000}),
      page.click('[data-action="pptx"]')
    ]);
    const bytes = readFileSync((await download.path())!);
    const zip = await JSZip.loadAsync(bytes);
    const slides = zip
      .file(/^ppt\/slides\/slide\d+\.xml$/)
      .sort((a, b) => Number(/(\d+)\.xml$/.exec(a.name)![1]) - Number(/(\d+)\.xml$/.exec(b.name)![1]));
    expect(slides).toHaveLength(6);
    const texts = await Promise.all(slides.map(async (f) => (await f.async("string")).replace(/<[^>]+>/g, " ")));
    expect(texts[1]).toContain(homeValue);
    expect(texts[1]).toContain(SOURCE);
    expect(texts[2]).toContain("Lambersart");
    expect(texts[3]).toContain("Participants en parcours par commune");
    expect(texts[4]).toContain("carte des dix communes");
    expect(texts[5]).toContain("Sources");
    expect(zip.file(/^ppt\/charts\/chart\d+\.xml$/)).toHaveLength(1);
    const pdf = toPdf(await save(bytes, "dossier-chiffres.pptx"));
    expect(pdfPages(pdf)).toBe(6);
    const rendered = pdfText(pdf);
    expect(rendered).toContain(homeValue.replace(/\u202f/g, " "));
    expect(rendered).toContain("Sources");
    expect({errors: opened.errors, offOrigin: opened.offOrigin}).toEqual({errors: [], offOrigin: []});
  });

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
