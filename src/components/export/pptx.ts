// A figure as a PowerPoint slide (16:9): bars and lines become a native chart (its data editable in
// PowerPoint or Impress), anything else a picture; the title, the subtitle (unit, year) and the
// source line are slide text, the figure's passage goes in the speaker notes. pptxgenjs is loaded
// on the first click only: no page pays for it on its first view.
import type PptxGenJSClass from "npm:pptxgenjs";
import type {ExportMeta} from "./compose.js";
import {axisFormatCode, type FigureData, numberFormatCode} from "./figure.js";

/** The site's bar colours (src/components/charts/bar-chart.ts): published, computed. */
export const SLIDE_COLOURS = {published: "1F5FA8", derived: "9DBBE0", text: "1D2733", muted: "4A5561"};

export interface SlideImage {
  /** A PNG as a data URL (« data:image/png;base64,… »). */
  data: string;
  /** Its size in pixels (its aspect ratio is kept on the slide). */
  width: number;
  height: number;
}

export interface SlideContent {
  meta: ExportMeta;
  /** « Source : rapport d’activité 2023, … » (src/lib/editions.ts). */
  source: string;
  /** A native chart (bars, lines) … */
  figure?: FigureData;
  /** … or a picture (the map). */
  image?: SlideImage;
  /** The figure's values as a table, on a slide of its own after the picture (the map's communes). */
  table?: {header: string[]; rows: string[][]};
  /** … or a key figure: one number in large type, said in words (a text slide). */
  keyFigure?: KeyFigureText;
}

/** A key figure's texts on its slide (the label is `meta.title`, the context `meta.subtitle`). */
export interface KeyFigureText {
  /** The number as the site prints it (« 1 605 », « 12,7 % », « ≈ 13 541 »). */
  value: string;
  /** Computed from the report rather than printed in it. */
  derived?: boolean;
  /** « +6,2 % par rapport à 2021 (1 511) », when the page shows one. */
  change?: string;
}

// LAYOUT_WIDE: 13.333 × 7.5 inches. Every box below stays inside it, with a 0.5 in margin.
const SLIDE = {width: 13.333, height: 7.5, margin: 0.5};
const FONT = "Arial";

/** The title's size: one line of 28 pt up to ~60 characters, else 24 pt on at most two lines. */
export function titleSize(title: string): {fontSize: number; height: number} {
  return title.length <= 60 ? {fontSize: 28, height: 0.7} : {fontSize: 24, height: 1.05};
}

/** The subtitle line: the chart's own subtitle and its unit. */
export function subtitleOf(meta: ExportMeta): string {
  return [meta.subtitle, meta.unit ? `Unité : ${meta.unit}` : ""].filter(Boolean).join(" · ");
}

/** The speaker notes: the report's passage when the page gave it, and where the figure comes from. */
export function notesOf(content: SlideContent): string {
  const {meta, source} = content;
  const lines = [meta.title, subtitleOf(meta)];
  if (meta.passage) lines.push("", "Passage du rapport :", `« ${meta.passage} »`);
  lines.push("", source, `Données ${meta.date} · Observatoire MNO`);
  return lines.filter((line, i) => line || i > 0).join("\n");
}

/** A deck's own texts: the title slide (title and date chosen by the user), the sources slide. */
export interface DeckOptions {
  title: string;
  /** « 1er décembre 2026 », as the user wrote it. */
  date?: string;
  /** A final « Sources » slide listing every figure's source and passage (default: with a title slide). */
  sources?: boolean;
}

async function newPresentation(title: string): Promise<Pptx> {
  const {default: PptxGenJS} = await import("npm:pptxgenjs");
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  pptx.author = "Observatoire MNO";
  pptx.company = "Observatoire MNO";
  pptx.title = title;
  pptx.theme = {headFontFace: FONT, bodyFontFace: FONT};
  return pptx;
}

/** The .pptx of one figure, as bytes. */
export async function slideDeck(content: SlideContent): Promise<ArrayBuffer> {
  const pptx = await newPresentation(content.meta.title);
  addFigureSlide(pptx, content);
  if (content.table) addTableSlide(pptx, content, content.table);
  return (await pptx.write({outputType: "arraybuffer"})) as ArrayBuffer;
}

/** A native table (editable in PowerPoint or Impress): one line per row, the numbers right-aligned. */
function addTableSlide(pptx: Pptx, content: SlideContent, table: {header: string[]; rows: string[][]}): void {
  const slide = pptx.addSlide();
  const inner = SLIDE.width - 2 * SLIDE.margin;
  slide.addText(`${content.meta.title} — tableau`, {
    x: SLIDE.margin,
    y: 0.35,
    w: inner,
    h: 0.7,
    fontFace: FONT,
    fontSize: titleSize(content.meta.title).fontSize - 4,
    bold: true,
    color: SLIDE_COLOURS.text,
    valign: "top",
    margin: 0,
    lang: "fr-FR"
  });
  // Twelve lines fit at 14 pt between the title and the source line; more would leave the slide.
  const rows = table.rows.slice(0, 12);
  const cell = (text: string, column: number, header = false) => ({
    text,
    options: {
      bold: header,
      align: (column === 0 ? "left" : "right") as "left" | "right",
      color: SLIDE_COLOURS.text,
      fill: header ? {color: "E8EEF5"} : undefined
    }
  });
  slide.addTable(
    [table.header.map((h, i) => cell(h, i, true)), ...rows.map((row) => row.map((text, i) => cell(text, i)))],
    {
      x: SLIDE.margin,
      y: 1.2,
      w: inner,
      fontFace: FONT,
      fontSize: 14,
      rowH: 0.38,
      border: {type: "solid", pt: 0.5, color: "C9D1DA"},
      margin: 0.05,
      autoPage: false
    }
  );
  const more = table.rows.length - rows.length;
  slide.addText(
    [
      {text: content.source, options: {breakLine: true}},
      {
        text:
          more > 0 ? `${more} lignes de plus dans le fichier CSV` : `Données ${content.meta.date} · Observatoire MNO`
      }
    ],
    footerText(inner, SLIDE.height - 0.75, 0.6)
  );
  slide.addNotes(notesOf(content));
}

/**
 * One deck of several figures (a dossier): a title slide, one slide per figure in the given order,
 * then the sources (the figures' passages, several slides when they do not fit on one).
 */
export async function multiSlideDeck(contents: SlideContent[], options: DeckOptions): Promise<ArrayBuffer> {
  if (!contents.length) throw new Error("le dossier est vide : ajoutez-y au moins un graphique");
  const pptx = await newPresentation(options.title);
  const inner = SLIDE.width - 2 * SLIDE.margin;
  const opening = pptx.addSlide();
  opening.addText(options.title, {
    x: SLIDE.margin,
    y: 2.3,
    w: inner,
    h: 1.6,
    fontFace: FONT,
    fontSize: options.title.length > 60 ? 32 : 40,
    bold: true,
    color: SLIDE_COLOURS.text,
    valign: "bottom",
    margin: 0,
    lang: "fr-FR"
  });
  opening.addText([options.date, "Observatoire MNO"].filter(Boolean).join(" · "), {
    x: SLIDE.margin,
    y: 4.1,
    w: inner,
    h: 0.6,
    fontFace: FONT,
    fontSize: 20,
    color: SLIDE_COLOURS.muted,
    valign: "top",
    margin: 0,
    lang: "fr-FR"
  });
  for (const content of contents) addFigureSlide(pptx, content);
  if (options.sources ?? true) {
    const entries = contents.map((c) => ({
      title: c.meta.title,
      detail: [c.source, c.meta.passage ? `« ${shortPassage(c.meta.passage)} »` : ""].filter(Boolean).join(" — ")
    }));
    const perSlide = 6;
    for (let start = 0; start < entries.length; start += perSlide) {
      const slide = pptx.addSlide();
      slide.addText(start ? "Sources (suite)" : "Sources", {
        x: SLIDE.margin,
        y: 0.35,
        w: inner,
        h: 0.7,
        fontFace: FONT,
        fontSize: 28,
        bold: true,
        color: SLIDE_COLOURS.text,
        valign: "top",
        margin: 0,
        lang: "fr-FR"
      });
      const runs = entries.slice(start, start + perSlide).flatMap((entry) => [
        {text: entry.title, options: {bold: true, breakLine: true, color: SLIDE_COLOURS.text}},
        {text: entry.detail, options: {breakLine: true, color: SLIDE_COLOURS.muted, paraSpaceAfter: 10}}
      ]);
      slide.addText(runs, {
        x: SLIDE.margin,
        y: 1.2,
        w: inner,
        h: SLIDE.height - 1.2 - SLIDE.margin,
        fontFace: FONT,
        fontSize: 14,
        valign: "top",
        margin: 0,
        lang: "fr-FR"
      });
    }
  }
  return (await pptx.write({outputType: "arraybuffer"})) as ArrayBuffer;
}

/** A passage on the sources slide: whole up to 220 characters, else cut at a word. */
function shortPassage(passage: string): string {
  const flat = passage.replace(/\s+/g, " ").trim();
  return flat.length <= 220 ? flat : `${flat.slice(0, flat.lastIndexOf(" ", 220))} …`;
}

/** The size of a key figure's number: as large as its length allows on one line of the slide. */
export function keyFigureSize(value: string): number {
  return value.length <= 9 ? 115 : value.length <= 14 ? 88 : 64;
}

/**
 * A key figure as a text slide: its context, the number in large type, its label, unit and year,
 * its change since the year before when the page shows one, the source line; the passage in the notes.
 */
function addKeyFigureSlide(pptx: Pptx, content: SlideContent, figure: KeyFigureText): void {
  const slide = pptx.addSlide();
  const {meta, source} = content;
  const inner = SLIDE.width - 2 * SLIDE.margin;
  const text = {x: SLIDE.margin, w: inner, fontFace: FONT, margin: 0, lang: "fr-FR", valign: "top" as const};
  if (meta.subtitle) slide.addText(meta.subtitle, {...text, y: 0.45, h: 0.5, fontSize: 20, color: SLIDE_COLOURS.muted});
  slide.addText(figure.value, {
    ...text,
    y: 1.05,
    h: 1.9,
    fontSize: keyFigureSize(figure.value),
    bold: true,
    color: figure.derived ? "5B7FAF" : SLIDE_COLOURS.published,
    valign: "middle",
    fit: "shrink"
  });
  // The label on one line (up to ~45 characters at 36 pt) or two; what follows comes up under it.
  const labelSize = meta.title.length <= 50 ? 36 : 30;
  const labelHeight = meta.title.length <= (labelSize === 36 ? 45 : 55) ? 0.7 : 1.25;
  slide.addText(meta.title, {
    ...text,
    y: 3.1,
    h: labelHeight,
    fontSize: labelSize,
    bold: true,
    color: SLIDE_COLOURS.text
  });
  const details = [meta.unit ? `Unité : ${meta.unit}` : "", `Année ${meta.date}`];
  if (figure.derived) details.push("valeur calculée à partir du rapport, qui ne l’imprime pas");
  const lines = [
    {text: details.filter(Boolean).join(" · "), options: {breakLine: true, color: SLIDE_COLOURS.muted}},
    ...(figure.change ? [{text: figure.change, options: {color: SLIDE_COLOURS.text}}] : [])
  ];
  slide.addText(lines, {...text, y: 3.1 + labelHeight + 0.2, h: 1.5, fontSize: 22, paraSpaceAfter: 6});
  slide.addText(
    [{text: source, options: {breakLine: true}}, {text: `Données ${meta.date} · Observatoire MNO`}],
    footerText(inner, SLIDE.height - 0.85, 0.7)
  );
  slide.addNotes(notesOf(content));
}

/** The height kept for the source line at the foot of a figure's slide (inches). */
const FOOTER = 0.75;

/** Where a figure's chart or picture goes on its slide, below the title and subtitle (inches). */
export function figureFrame(meta: ExportMeta): {x: number; y: number; w: number; h: number} {
  const y = 0.35 + titleSize(meta.title).height + 0.05 + (subtitleOf(meta) ? 0.5 : 0) + 0.1;
  return {x: SLIDE.margin, y, w: SLIDE.width - 2 * SLIDE.margin, h: SLIDE.height - FOOTER - y - 0.1};
}

/** The same frame in pixels of the slide shown at 1920 × 1080 (144 pixels an inch). */
export function figureFramePx(meta: ExportMeta): {width: number; height: number} {
  const frame = figureFrame(meta);
  const px = 1920 / SLIDE.width;
  return {width: Math.floor(frame.w * px), height: Math.floor(frame.h * px)};
}

function addFigureSlide(pptx: Pptx, content: SlideContent): void {
  if (content.keyFigure) return addKeyFigureSlide(pptx, content, content.keyFigure);
  const slide = pptx.addSlide();
  const {meta, source} = content;
  const inner = SLIDE.width - 2 * SLIDE.margin;

  const title = titleSize(meta.title);
  const y = 0.35;
  slide.addText(meta.title, {
    x: SLIDE.margin,
    y,
    w: inner,
    h: title.height,
    fontFace: FONT,
    fontSize: title.fontSize,
    bold: true,
    color: SLIDE_COLOURS.text,
    valign: "top",
    margin: 0,
    lang: "fr-FR"
  });
  const subtitle = subtitleOf(meta);
  if (subtitle) {
    slide.addText(subtitle, {
      x: SLIDE.margin,
      y: y + title.height + 0.05,
      w: inner,
      h: 0.45,
      fontFace: FONT,
      fontSize: 16,
      color: SLIDE_COLOURS.muted,
      valign: "top",
      margin: 0,
      lang: "fr-FR"
    });
  }
  const footer = FOOTER;
  const frame = figureFrame(meta);

  if (content.figure) addChart(pptx, slide, content.figure, frame, meta);
  else if (content.image) {
    const {width, height} = content.image;
    const scale = Math.min(frame.w / width, frame.h / height);
    const w = width * scale;
    const h = height * scale;
    slide.addImage({
      data: content.image.data,
      x: frame.x + (frame.w - w) / 2,
      y: frame.y + (frame.h - h) / 2,
      w,
      h,
      altText: meta.title
    });
  } else throw new Error("ni graphique ni image à mettre sur la diapositive");

  slide.addText(
    [{text: source, options: {breakLine: true}}, {text: `Données ${meta.date} · Observatoire MNO`}],
    footerText(inner, SLIDE.height - footer, footer - 0.15)
  );
  slide.addNotes(notesOf(content));
}

type Pptx = InstanceType<typeof PptxGenJSClass>;

/** The source line at the foot of a slide: muted, bottom-aligned, French. */
function footerText(width: number, y: number, h: number) {
  return {
    x: SLIDE.margin,
    y,
    w: width,
    h,
    fontFace: FONT,
    fontSize: 14,
    color: SLIDE_COLOURS.muted,
    valign: "bottom" as const,
    margin: 0,
    lang: "fr-FR"
  };
}
type Slide = ReturnType<Pptx["addSlide"]>;

function addChart(
  pptx: Pptx,
  slide: Slide,
  figure: FigureData,
  frame: {x: number; y: number; w: number; h: number},
  meta: ExportMeta
): void {
  const code = numberFormatCode(figure);
  // Unpublished values stay empty cells (no bar), as on the site.
  const values = figure.values.map((v) => (v === null ? NaN : v));
  // A line is one series of one colour: its computed points say so in their category (« 2021 (calculé) »);
  // bars are coloured one by one, computed ones lighter, as on the page.
  const line = figure.kind === "line";
  const labels = line ? figure.categories.map((c, i) => (figure.derived[i] ? `${c} (calculé)` : c)) : figure.categories;
  const data = [{name: meta.unit || meta.title, labels, values}];
  const colours =
    !line && figure.derived.some(Boolean)
      ? figure.derived.map((d) => (d ? SLIDE_COLOURS.derived : SLIDE_COLOURS.published))
      : [SLIDE_COLOURS.published];
  const common = {
    ...frame,
    chartColors: colours,
    showLegend: false,
    showTitle: false,
    showValue: true,
    dataLabelFormatCode: code,
    dataLabelFontSize: 14,
    dataLabelFontFace: FONT,
    dataLabelColor: SLIDE_COLOURS.text,
    valAxisLabelFormatCode: axisFormatCode(figure),
    valAxisLabelFontSize: 14,
    valAxisLabelFontFace: FONT,
    valAxisLabelColor: SLIDE_COLOURS.muted,
    valAxisMinVal: 0,
    valAxisMaxVal: figure.percent && Math.max(...figure.values.map((v) => v ?? 0)) <= 100 ? 100 : undefined,
    valGridLine: {color: "D9DEE3", size: 0.75},
    catAxisLabelFontSize: 14,
    catAxisLabelFontFace: FONT,
    catAxisLabelColor: SLIDE_COLOURS.text,
    catAxisLineShow: false,
    lang: "fr-FR"
  };
  if (figure.kind === "line") {
    slide.addChart(pptx.ChartType.line, data, {
      ...common,
      lineSize: 3,
      lineDataSymbol: "circle",
      lineDataSymbolSize: 9,
      dataLabelPosition: "t"
    });
  } else {
    // Horizontal bars, the first category on top as on the page (categories from the top, the
    // value axis kept at the bottom). pptxgenjs writes both options; its types only list the defaults.
    const bar = {
      ...common,
      barDir: "bar",
      barGapWidthPct: 40,
      catAxisOrientation: "maxMin",
      catAxisCrossesAt: "max",
      dataLabelPosition: "outEnd"
    };
    slide.addChart(pptx.ChartType.bar, data, bar as unknown as Parameters<Slide["addChart"]>[2]);
  }
}
