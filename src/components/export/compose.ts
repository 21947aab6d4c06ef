// A chart made ready to leave the site: one self-contained SVG with the chart's title, subtitle and
// unit above it, and the source line and the date of the data below — styles and fonts inline, so
// that it looks the same in a slide, a document or another web page.
import {latestSourceLine} from "../ui/edition.js";
import {PORTABLE_FONT_STACK} from "../ui/font.js";

export interface ExportMeta {
  title: string;
  subtitle?: string;
  /** What the values measure (« participants », « pour 1 000 habitants »). */
  unit?: string;
  /** The year the data describes. */
  date: string;
  /** File name without extension (« carte-plie-participants-2022 »). */
  fileBase: string;
  /** The report's passage that publishes the figure (speaker notes of the slide). */
  passage?: string;
  /** The source line, when not the latest edition's (another edition of the report). */
  source?: string;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export interface ComposedSvg {
  svg: SVGSVGElement;
  width: number;
  height: number;
}

/** Wraps text into lines of at most `max` characters (titles of narrow charts). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function text(
  doc: Document,
  x: number,
  y: number,
  content: string,
  attrs: Record<string, string | number>
): SVGTextElement {
  const node = doc.createElementNS(SVG_NS, "text");
  node.setAttribute("x", String(x));
  node.setAttribute("y", String(y));
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  node.textContent = content;
  return node;
}

/** Text colour of exports: they are always drawn on white, whatever the page's appearance. */
const INK = "#1d2733";

/** Copies the computed styles Plot and the map rely on into presentation attributes (clients ignore CSS). */
function inlineStyles(source: SVGSVGElement, copy: SVGSVGElement): void {
  const props = [
    "fill",
    "stroke",
    "stroke-width",
    "stroke-opacity",
    "fill-opacity",
    "font-size",
    "font-weight",
    "opacity",
    "text-anchor",
    "paint-order"
  ];
  const from = source.querySelectorAll("*");
  const to = copy.querySelectorAll("*");
  from.forEach((node, i) => {
    const target = to[i] as SVGElement | undefined;
    if (!target || !(node instanceof SVGElement) || node instanceof SVGStyleElement) return;
    const style = getComputedStyle(node);
    for (const prop of props) {
      if (!target.getAttribute(prop)) {
        const value = style.getPropertyValue(prop);
        if (value && value !== "normal" && value !== "auto") target.setAttribute(prop, value);
      }
    }
  });
}

/**
 * Makes an SVG copy render the same outside a browser (rsvg, Inkscape, LibreOffice, PowerPoint):
 * a halo drawn with `paint-order` becomes a stroked copy of the text underneath, since most clients
 * ignore `paint-order` and paint the stroke over the letters; `dominant-baseline` becomes a `dy`;
 * `currentColor` the export's ink; CSS (style elements and attributes, classes) is dropped once its
 * effect is in attributes; fonts are a safe stack; links are absolute (relative ones die outside the site).
 */
export function portableSvg(
  svg: SVGSVGElement,
  base = typeof location === "undefined" ? undefined : location.href
): void {
  for (const style of svg.querySelectorAll("style")) style.remove();
  for (const node of [svg, ...svg.querySelectorAll("*")]) {
    node.removeAttribute("class");
    node.removeAttribute("style");
    for (const name of ["fill", "stroke"]) if (node.getAttribute(name) === "currentColor") node.setAttribute(name, INK);
    if (node.hasAttribute("font-family")) node.setAttribute("font-family", PORTABLE_FONT_STACK);
    for (const name of ["href", "xlink:href"]) {
      const href = node.getAttribute(name);
      if (href && !href.startsWith("#") && !href.startsWith("data:") && base)
        node.setAttribute(name, new URL(href, base).href);
    }
  }
  for (const text of svg.querySelectorAll("text")) {
    const baseline = text.getAttribute("dominant-baseline");
    if (baseline) {
      text.removeAttribute("dominant-baseline");
      if (!text.hasAttribute("dy") && (baseline === "middle" || baseline === "central"))
        text.setAttribute("dy", "0.35em");
      else if (!text.hasAttribute("dy") && baseline === "hanging") text.setAttribute("dy", "0.8em");
    }
    const order = text.getAttribute("paint-order") ?? "";
    text.removeAttribute("paint-order");
    const stroke = text.getAttribute("stroke");
    if (!order.startsWith("stroke") || !stroke || stroke === "none") continue;
    const halo = text.cloneNode(true) as SVGTextElement;
    halo.setAttribute("fill", stroke);
    halo.setAttribute("stroke-linejoin", "round");
    halo.setAttribute("aria-hidden", "true");
    // "none" rather than no attribute: a group above may carry the stroke.
    text.setAttribute("stroke", "none");
    for (const name of ["stroke-width", "stroke-opacity"]) text.removeAttribute(name);
    text.before(halo);
  }
}

/** The chart alone as a standalone, portable SVG (for a picture on a slide). */
export function standaloneSvg(chart: SVGSVGElement): ComposedSvg {
  const bounds = chart.getBoundingClientRect();
  const width = Math.round(bounds.width || Number(chart.getAttribute("width")) || 640);
  const height = Math.round(bounds.height || Number(chart.getAttribute("height")) || 400);
  const copy = chart.cloneNode(true) as SVGSVGElement;
  inlineStyles(chart, copy);
  copy.setAttribute("xmlns", SVG_NS);
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  if (!copy.hasAttribute("viewBox")) copy.setAttribute("viewBox", `0 0 ${width} ${height}`);
  copy.setAttribute("font-family", PORTABLE_FONT_STACK);
  portableSvg(copy);
  return {svg: copy, width, height};
}

/** Text sizes of the frame around the chart: on screen and documents, or on a slide (read from afar). */
const SIZES = {
  page: {title: 18, subtitle: 13, footer: 11},
  slide: {title: 24, subtitle: 16, footer: 13}
};

/** An exported picture's root: its size, portable fonts, a title, and a white ground unless transparent. */
export function exportSvgRoot(
  doc: Document,
  {width, height, title, transparent}: {width: number; height: number; title: string; transparent: boolean}
): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, "svg") as SVGSVGElement;
  svg.setAttribute("xmlns", SVG_NS);
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("font-family", PORTABLE_FONT_STACK);
  const titleElement = doc.createElementNS(SVG_NS, "title");
  titleElement.textContent = title;
  svg.append(titleElement);
  if (!transparent) {
    const background = doc.createElementNS(SVG_NS, "rect");
    background.setAttribute("width", String(width));
    background.setAttribute("height", String(height));
    background.setAttribute("fill", "#ffffff");
    svg.append(background);
  }
  return svg;
}

/**
 * The chart with its title, subtitle, unit, source and date, as a standalone SVG of the chart's width;
 * on white, or on nothing (`transparent`: a picture to lay on a slide's own background).
 */
export function composeSvg(
  chart: SVGSVGElement,
  meta: ExportMeta,
  {slide = false, transparent = false}: {slide?: boolean; transparent?: boolean} = {}
): ComposedSvg {
  const doc = chart.ownerDocument;
  const size = slide ? SIZES.slide : SIZES.page;
  const bounds = chart.getBoundingClientRect();
  const width = Math.round(bounds.width || Number(chart.getAttribute("width")) || 640);
  const chartHeight = Math.round(bounds.height || Number(chart.getAttribute("height")) || 400);
  const pad = 16;
  const maxChars = Math.max(24, Math.floor((width - 2 * pad) / (size.title * 0.56)));
  const titleLines = wrap(meta.title, maxChars);
  const sub = [meta.subtitle, meta.unit ? `Unité : ${meta.unit}` : ""].filter(Boolean).join(" · ");
  const subLines = sub ? wrap(sub, Math.floor((width - 2 * pad) / (size.subtitle * 0.52))) : [];
  const titleStep = Math.round(size.title * 1.25);
  const subStep = Math.round(size.subtitle * 1.3);
  const header = pad + titleLines.length * titleStep + subLines.length * subStep + 8;
  const footerStep = Math.round(size.footer * 1.3);
  const footer = 2 * footerStep + 14;
  const height = header + chartHeight + footer;

  const svg = exportSvgRoot(doc, {width, height, title: meta.title, transparent});

  let y = pad + size.title * 0.9;
  for (const line of titleLines) {
    svg.append(text(doc, pad, y, line, {"font-size": size.title, "font-weight": 700, fill: INK}));
    y += titleStep;
  }
  for (const line of subLines) {
    svg.append(text(doc, pad, y - 3, line, {"font-size": size.subtitle, fill: "#4a5561"}));
    y += subStep;
  }

  const copy = standaloneSvg(chart).svg;
  copy.setAttribute("x", "0");
  copy.setAttribute("y", String(header));
  svg.append(copy);

  const source = meta.source ?? latestSourceLine();
  svg.append(text(doc, pad, height - 8 - footerStep, source, {"font-size": size.footer, fill: "#4a5561"}));
  svg.append(
    text(doc, pad, height - 8, `Données ${meta.date} · Observatoire MNO`, {"font-size": size.footer, fill: "#4a5561"})
  );
  return {svg, width, height};
}

/**
 * A 16:9 slide picture drawn at its own size, 1920 × 1080: title, subtitle and source in type of 28 px
 * or more, and a picture (the map) in the frame between them, as large as the frame allows.
 */
export const SLIDE_PX = {width: 1920, height: 1080, pad: 60, top: 40, title: 48, subtitle: 30, footer: 28};

/** The lines of a slide's header, and the frame left for the picture (1920 × 1080 pixels). */
export function slideFrame(meta: ExportMeta): {
  titleLines: string[];
  subLines: string[];
  x: number;
  y: number;
  width: number;
  height: number;
} {
  const inner = SLIDE_PX.width - 2 * SLIDE_PX.pad;
  const titleLines = wrap(meta.title, Math.floor(inner / (SLIDE_PX.title * 0.56)));
  const sub = [meta.subtitle, meta.unit ? `Unité : ${meta.unit}` : ""].filter(Boolean).join(" · ");
  const subLines = sub ? wrap(sub, Math.floor(inner / (SLIDE_PX.subtitle * 0.52))) : [];
  const y =
    SLIDE_PX.top +
    titleLines.length * Math.round(SLIDE_PX.title * 1.2) +
    subLines.length * Math.round(SLIDE_PX.subtitle * 1.3) +
    16;
  const footer = 2 * Math.round(SLIDE_PX.footer * 1.3) + 30;
  return {titleLines, subLines, x: SLIDE_PX.pad, y, width: inner, height: SLIDE_PX.height - y - footer};
}

/** The slide picture: the header, `picture` scaled into the frame and centred, the source line. */
export function composeSlide(
  picture: ComposedSvg,
  meta: ExportMeta,
  {transparent = false}: {transparent?: boolean} = {}
): ComposedSvg {
  const doc = picture.svg.ownerDocument;
  const {width, height} = SLIDE_PX;
  const frame = slideFrame(meta);
  const svg = exportSvgRoot(doc, {width, height, title: meta.title, transparent});
  let y = SLIDE_PX.top + SLIDE_PX.title * 0.9;
  for (const line of frame.titleLines) {
    svg.append(text(doc, SLIDE_PX.pad, y, line, {"font-size": SLIDE_PX.title, "font-weight": 700, fill: INK}));
    y += Math.round(SLIDE_PX.title * 1.2);
  }
  for (const line of frame.subLines) {
    svg.append(text(doc, SLIDE_PX.pad, y, line, {"font-size": SLIDE_PX.subtitle, fill: "#4a5561"}));
    y += Math.round(SLIDE_PX.subtitle * 1.3);
  }
  const scale = Math.min(frame.width / picture.width, frame.height / picture.height);
  const copy = picture.svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute("x", String(Math.round(frame.x + (frame.width - picture.width * scale) / 2)));
  copy.setAttribute("y", String(frame.y));
  copy.setAttribute("width", String(Math.round(picture.width * scale)));
  copy.setAttribute("height", String(Math.round(picture.height * scale)));
  svg.append(copy);
  const step = Math.round(SLIDE_PX.footer * 1.3);
  const muted = {"font-size": SLIDE_PX.footer, fill: "#4a5561"};
  svg.append(text(doc, SLIDE_PX.pad, height - 24 - step, meta.source ?? latestSourceLine(), muted));
  svg.append(text(doc, SLIDE_PX.pad, height - 24, `Données ${meta.date} · Observatoire MNO`, muted));
  return {svg, width, height};
}

export function serializeSvg(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}
