// The PowerPoint slide of a figure, built in Node from the report's real rows and read back part by
// part with JSZip (not with pptxgenjs, which wrote it): a native bar chart whose categories, values,
// colours and French number format are the figure's; title, subtitle and source as slide text, the
// passage in the notes; every box inside the 16:9 slide.
import JSZip from "jszip";
import {beforeAll, describe, expect, it} from "vitest";
import {figureData} from "../../../../src/components/export/figure.js";
import {multiSlideDeck, slideDeck, SLIDE_COLOURS} from "../../../../src/components/export/pptx.js";
import {loadCommunes, loadIndicators} from "../../../../src/lib/build/datasets.js";
import {formatNumber} from "../../../../src/lib/format.js";

const EMU = 914400;
const SOURCE = "Source : rapport d’activité 2022, MDE Métropole Nord-Ouest";

/** The text of every `<tag>` in some XML, entities decoded. */
function all(xml: string, pattern: RegExp): string[] {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return [...xml.matchAll(pattern)].map((m) => decode(m[1]));
}

function slideText(xml: string): string {
  return all(xml, /<a:t>([^<]*)<\/a:t>/g).join(" ");
}

/** Every placed box of a slide (x, y, width, height in EMU); the shape tree's own empty frame aside. */
function boxes(xml: string): {x: number; y: number; cx: number; cy: number}[] {
  return [...xml.matchAll(/<a:off x="(\d+)" y="(\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/g)]
    .map((m) => ({x: Number(m[1]), y: Number(m[2]), cx: Number(m[3]), cy: Number(m[4])}))
    .filter((b) => b.cx > 0 && b.cy > 0);
}

// The ten communes' participants, from data/reports/2022 (the chart of /programmes/plie).
const names = new Map(loadCommunes().map((c) => [c.code, c.nom]));
const source = loadIndicators().filter(
  (r) => r.indicator === "plie.participants" && r.commune_code !== null && r.year === 2022
);
const rows = source.map((r) => ({
  commune: names.get(r.commune_code!)!,
  code_insee: r.commune_code,
  annee: r.year,
  valeur: r.value,
  statut: r.status
}));
const order = [...rows].sort((a, b) => b.valeur - a.valeur).map((r) => r.commune);
const meta = {
  title: "Participants en parcours par commune",
  subtitle: "2022 · classement des communes",
  unit: "participants",
  date: "2022",
  fileBase: "graphique-plie-participants-communes-2022",
  passage: source[0].quote
};

let zip: JSZip;
beforeAll(async () => {
  const bytes = await slideDeck({meta, source: SOURCE, figure: figureData(rows, meta, {kind: "bar", order})});
  zip = await JSZip.loadAsync(bytes);
});

describe("PowerPoint slide of a bar chart", () => {
  it("holds one slide, 16:9, with one native chart and its embedded worksheet", async () => {
    expect(rows.length).toBe(10);
    const files = Object.keys(zip.files);
    expect(files.filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toEqual(["ppt/slides/slide1.xml"]);
    expect(files.filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(1);
    expect(files.some((f) => f.startsWith("ppt/embeddings/") && f.endsWith(".xlsx"))).toBe(true);
    const presentation = await zip.file("ppt/presentation.xml")!.async("string");
    const [, cx, cy] = presentation.match(/<p:sldSz cx="(\d+)" cy="(\d+)"/)!;
    expect(Number(cx) / Number(cy)).toBeCloseTo(16 / 9, 2);
  });

  it("charts the page's categories and values, in the order drawn, in French format", async () => {
    const chart = await zip.file(/^ppt\/charts\/chart\d+\.xml$/)[0].async("string");
    expect(chart).toContain("<c:barChart>");
    expect(chart).toContain('<c:barDir val="bar"/>');
    const categories = all(chart.slice(chart.indexOf("<c:cat>"), chart.indexOf("</c:cat>")), /<c:v>([^<]*)<\/c:v>/g);
    const values = all(chart.slice(chart.indexOf("<c:val>"), chart.indexOf("</c:val>")), /<c:v>([^<]*)<\/c:v>/g).map(
      Number
    );
    expect(categories).toEqual(order);
    expect(values).toEqual(order.map((name) => rows.find((r) => r.commune === name)!.valeur));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(chart).toContain('formatCode="[$-40C]#,##0"');
    expect(chart).toContain(`<a:srgbClr val="${SLIDE_COLOURS.published}"/>`);
    expect(chart).toContain('<c:showVal val="1"/>');
  });

  it("puts the title, the subtitle with the unit and the source on the slide, the passage in the notes", async () => {
    const slide = await zip.file("ppt/slides/slide1.xml")!.async("string");
    const text = slideText(slide);
    expect(text).toContain("Participants en parcours par commune");
    expect(text).toContain("2022 · classement des communes · Unité : participants");
    expect(text).toContain(SOURCE);
    const notes = zip.file(/^ppt\/notesSlides\/notesSlide\d+\.xml$/);
    expect(notes).toHaveLength(1);
    expect(slideText(await notes[0].async("string"))).toContain(source[0].quote);
  });

  it("keeps every box inside the slide", async () => {
    const presentation = await zip.file("ppt/presentation.xml")!.async("string");
    const [, cx, cy] = presentation.match(/<p:sldSz cx="(\d+)" cy="(\d+)"/)!.map(Number);
    const placed = boxes(await zip.file("ppt/slides/slide1.xml")!.async("string"));
    expect(placed.length).toBeGreaterThanOrEqual(4); // title, subtitle, chart, source
    for (const box of placed) {
      expect(box.x).toBeGreaterThanOrEqual(0.4 * EMU);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.cx).toBeLessThanOrEqual(cx);
      expect(box.y + box.cy).toBeLessThanOrEqual(cy);
    }
  });

  it("colours computed values lighter, as the page does", async () => {
    const mixed = rows.map((r, i) => ({...r, statut: i === 0 ? "derive" : "publie"}));
    const deck = await JSZip.loadAsync(
      await slideDeck({meta, source: SOURCE, figure: figureData(mixed, meta, {kind: "bar"})})
    );
    const chart = await deck.file(/^ppt\/charts\/chart\d+\.xml$/)[0].async("string");
    const points = all(chart, /<c:dPt>[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"\/>[\s\S]*?<\/c:dPt>/g);
    expect(points).toEqual(mixed.map((r) => (r.statut === "derive" ? SLIDE_COLOURS.derived : SLIDE_COLOURS.published)));
  });
});

describe("PowerPoint slide of a line chart", () => {
  it("draws the years as a native line chart with markers and labels", async () => {
    const years = loadIndicators()
      .filter((r) => r.indicator === "mission_locale.entretiens" && r.commune_code === null && r.dimension === null)
      .sort((a, b) => a.year - b.year)
      .map((r) => ({annee: r.year, valeur: r.value, statut: r.status}));
    expect(years.length).toBeGreaterThan(1);
    const deck = await JSZip.loadAsync(
      await slideDeck({meta, source: SOURCE, figure: figureData(years, meta, {kind: "line"})})
    );
    const chart = await deck.file(/^ppt\/charts\/chart\d+\.xml$/)[0].async("string");
    expect(chart).toContain("<c:lineChart>");
    expect(chart).not.toContain("<c:barChart>");
    expect(chart).toContain('<c:symbol val="circle"/>');
    const categories = all(chart.slice(chart.indexOf("<c:cat>"), chart.indexOf("</c:cat>")), /<c:v>([^<]*)<\/c:v>/g);
    const values = all(chart.slice(chart.indexOf("<c:val>"), chart.indexOf("</c:val>")), /<c:v>([^<]*)<\/c:v>/g).map(
      Number
    );
    // A computed year says so in its category; the line keeps the published colour throughout.
    expect(years.some((y) => y.statut === "derive")).toBe(true);
    expect(categories).toEqual(years.map((y) => (y.statut === "derive" ? `${y.annee} (calculé)` : String(y.annee))));
    expect(values).toEqual(years.map((y) => y.valeur));
    expect(all(chart, /<a:srgbClr val="([0-9A-F]{6})"\/>/g)).not.toContain(SLIDE_COLOURS.derived);
  });
});

describe("PowerPoint slide of a picture", () => {
  it("places the image inside the slide, keeps its proportions, and adds no chart", async () => {
    // A 4 × 2 px PNG (red), written by hand once; the slide must keep its 2:1 ratio.
    const png =
      "data:image/png;base64," +
      "iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAAASFvFNAAAAEklEQVR4nGP4z8AARwzEcQAA4Ar/AWoUC3gAAAAASUVORK5CYII=";
    const deck = await JSZip.loadAsync(
      await slideDeck({meta, source: SOURCE, image: {data: png, width: 800, height: 400}})
    );
    expect(deck.file(/^ppt\/charts\//)).toHaveLength(0);
    expect(deck.file(/^ppt\/media\/image.*\.png$/)).toHaveLength(1);
    const slide = await deck.file("ppt/slides/slide1.xml")!.async("string");
    const picture = slide.slice(slide.indexOf("<p:pic>"));
    const [box] = boxes(picture);
    expect(box.cx / box.cy).toBeCloseTo(2, 2);
    expect(slideText(slide)).toContain(SOURCE);
  });

  it("follows the picture with a native table of its values when given one", async () => {
    const png =
      "data:image/png;base64," +
      "iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAAASFvFNAAAAEklEQVR4nGP4z8AARwzEcQAA4Ar/AWoUC3gAAAAASUVORK5CYII=";
    const table = {
      header: ["Commune", "Valeur (participants)", "Rang"],
      rows: rows.map((r, i) => [r.commune, String(r.valeur), String(i + 1)])
    };
    const deck = await JSZip.loadAsync(
      await slideDeck({meta, source: SOURCE, image: {data: png, width: 800, height: 400}, table})
    );
    expect(deck.file(/^ppt\/slides\/slide\d+\.xml$/)).toHaveLength(2);
    const slide = await deck.file("ppt/slides/slide2.xml")!.async("string");
    expect(slide).toContain("<a:tbl>");
    expect((slide.match(/<a:tr /g) ?? []).length).toBe(rows.length + 1);
    const text = slideText(slide);
    for (const r of rows) expect(text).toContain(r.commune);
    expect(text).toContain(SOURCE);
  });
});

describe("a deck of several figures (a dossier)", () => {
  it("has a title slide, one slide per figure in order, and a sources slide: 7 slides for 5 views", async () => {
    const indicators = loadIndicators();
    const views = [
      "plie.participants",
      "mission_locale.entretiens",
      "territoire.demandeurs_emploi",
      "plie.nouvelles_entrees"
    ]
      .map((indicator) => indicators.filter((r) => r.indicator === indicator && r.commune_code === null))
      .filter((list) => list.length > 0)
      .map((list) => {
        const byCategory = list.filter((r) => r.dimension !== null && r.year === list[0].year);
        const chosen = byCategory.length > 1 ? byCategory : list;
        const figureRows = chosen.map((r) => ({
          categorie: r.category ?? String(r.year),
          valeur: r.value,
          statut: r.status
        }));
        const viewMeta = {...meta, title: list[0].label, passage: list[0].quote, date: String(list[0].year)};
        return {meta: viewMeta, source: SOURCE, figure: figureData(figureRows, viewMeta, {kind: "bar" as const})};
      });
    expect(views).toHaveLength(4);
    const png =
      "data:image/png;base64," +
      "iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAAASFvFNAAAAEklEQVR4nGP4z8AARwzEcQAA4Ar/AWoUC3gAAAAASUVORK5CYII=";
    const map = {
      meta: {...meta, title: "Participants — carte"},
      source: SOURCE,
      image: {data: png, width: 4, height: 2}
    };
    const contents = [...views, map];
    const bytes = await multiSlideDeck(contents, {
      title: "Conseil communautaire du 12 janvier",
      date: "12 janvier 2027"
    });
    const deck = await JSZip.loadAsync(bytes);
    const slideFiles = deck
      .file(/^ppt\/slides\/slide\d+\.xml$/)
      .sort((a, b) => Number(/(\d+)\.xml$/.exec(a.name)![1]) - Number(/(\d+)\.xml$/.exec(b.name)![1]));
    expect(slideFiles).toHaveLength(7);
    const texts = await Promise.all(slideFiles.map(async (f) => slideText(await f.async("string"))));
    expect(texts[0]).toContain("Conseil communautaire du 12 janvier");
    expect(texts[0]).toContain("12 janvier 2027");
    contents.forEach((content, i) => expect(texts[i + 1]).toContain(content.meta.title));
    expect(deck.file(/^ppt\/charts\/chart\d+\.xml$/)).toHaveLength(4);
    expect(texts[6].startsWith("Sources")).toBe(true);
    for (const content of contents) expect(texts[6]).toContain(content.meta.title);
    for (const view of views) expect(texts[6]).toContain(view.meta.passage.replace(/\s+/g, " ").slice(0, 40));
    const presentation = await deck.file("ppt/presentation.xml")!.async("string");
    const [, cx, cy] = presentation.match(/<p:sldSz cx="(\d+)" cy="(\d+)"/)!.map(Number);
    for (const file of slideFiles) {
      for (const box of boxes(await file.async("string"))) {
        expect(box.x + box.cx).toBeLessThanOrEqual(cx);
        expect(box.y + box.cy).toBeLessThanOrEqual(cy);
      }
    }
  });

  it("refuses an empty dossier in French", async () => {
    await expect(multiSlideDeck([], {title: "Vide"})).rejects.toThrow(/le dossier est vide/);
  });
});

describe("PowerPoint slide of a key figure", () => {
  const keyMeta = {
    title: "Participants en parcours",
    subtitle: "PLIE · Accompagnement",
    unit: "participants",
    date: "2022",
    fileBase: "chiffre-plie-participants-2022",
    passage: source[0].quote
  };
  // A territory figure of four digits or more, printed as the site prints it (« 1 605 »).
  const big = loadIndicators().find(
    (r) => r.commune_code === null && r.dimension === null && Number.isInteger(r.value) && r.value >= 1000
  )!;
  const value = formatNumber(big.value);

  it("says the number in French, its label, unit, year, change and source; the passage in the notes", async () => {
    const bytes = await slideDeck({
      meta: keyMeta,
      source: SOURCE,
      keyFigure: {value, change: "+6,2 % par rapport à 2021"}
    });
    const deck = await JSZip.loadAsync(bytes);
    expect(deck.file(/^ppt\/charts\//)).toHaveLength(0);
    const slide = await deck.file("ppt/slides/slide1.xml")!.async("string");
    const text = slideText(slide);
    expect(value).toMatch(/^\d{1,3}\u202f\d{3}$/);
    for (const part of [
      value,
      "Participants en parcours",
      "PLIE · Accompagnement",
      "Unité : participants · Année 2022",
      "+6,2 % par rapport à 2021",
      SOURCE
    ])
      expect(text).toContain(part);
    const notes = deck.file(/^ppt\/notesSlides\/notesSlide\d+\.xml$/);
    expect(slideText(await notes[0].async("string"))).toContain(source[0].quote);
    // Readable from afar: every run at 14 pt or more (28 px on a 1920 × 1080 screen), the number far larger.
    const sizes = all(slide, /\bsz="(\d+)"/g).map(Number);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1400);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(8800);
    const presentation = await deck.file("ppt/presentation.xml")!.async("string");
    const [, cx, cy] = presentation.match(/<p:sldSz cx="(\d+)" cy="(\d+)"/)!.map(Number);
    for (const box of boxes(slide)) {
      expect(box.x + box.cx).toBeLessThanOrEqual(cx);
      expect(box.y + box.cy).toBeLessThanOrEqual(cy);
    }
  });

  it("keeps a key figure in a dossier's deck, with its source on the sources slide", async () => {
    const bytes = await multiSlideDeck(
      [
        {meta: keyMeta, source: SOURCE, keyFigure: {value}},
        {meta, source: SOURCE, figure: figureData(rows, meta, {kind: "bar", order})}
      ],
      {title: "Chiffres clés"}
    );
    const deck = await JSZip.loadAsync(bytes);
    const texts = await Promise.all(
      ["slide2", "slide4"].map(async (name) => slideText(await deck.file(`ppt/slides/${name}.xml`)!.async("string")))
    );
    expect(texts[0]).toContain(value);
    expect(texts[1]).toContain("Sources");
    expect(texts[1]).toContain("Participants en parcours");
  });
});

describe("text sizes on a figure's slide", () => {
  it("sets every text of a chart slide at 14 pt or more (28 px at 1920 × 1080)", async () => {
    const slide = await zip.file("ppt/slides/slide1.xml")!.async("string");
    const chart = await zip.file(/^ppt\/charts\/chart\d+\.xml$/)[0].async("string");
    const sizes = [...all(slide, /\bsz="(\d+)"/g), ...all(chart, /\bsz="(\d+)"/g)].map(Number);
    expect(sizes.length).toBeGreaterThan(3);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1400);
  });
});
