// A chart made ready to leave the site: one self-contained SVG with the chart's title, subtitle and
// unit above it, and the source line and the date of the data below — styles and fonts inline, so
// that it looks the same in a slide, a document or another web page.
import {FONT_STACK} from "../ui/font.js";

export interface ExportMeta {
  title: string;
  subtitle?: string;
  /** What the values measure (« participants », « pour 1 000 habitants »). */
  unit?: string;
  /** The year the data describes. */
  date: string;
  /** File name without extension (« carte-plie-participants-2022 »). */
  fileBase: string;
}

export const SOURCE_LINE = "Source : rapport d’activité 2022, MDE Métropole Nord-Ouest";
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

function text(doc: Document, x: number, y: number, content: string, attrs: Record<string, string | number>): SVGTextElement {
  const node = doc.createElementNS(SVG_NS, "text");
  node.setAttribute("x", String(x));
  node.setAttribute("y", String(y));
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  node.textContent = content;
  return node;
}

/** Copies the computed styles Plot and the map rely on into attributes, so the copy stands alone. */
function inlineStyles(source: SVGSVGElement, copy: SVGSVGElement): void {
  const props = ["fill", "stroke", "stroke-width", "font-size", "font-weight", "font-family", "opacity", "text-anchor", "paint-order"];
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

/** The chart with its title, subtitle, unit, source and date, as a standalone SVG of the chart's width. */
export function composeSvg(chart: SVGSVGElement, meta: ExportMeta): ComposedSvg {
  const doc = chart.ownerDocument;
  const bounds = chart.getBoundingClientRect();
  const width = Math.round(bounds.width || Number(chart.getAttribute("width")) || 640);
  const chartHeight = Math.round(bounds.height || Number(chart.getAttribute("height")) || 400);
  const pad = 16;
  const maxChars = Math.max(24, Math.floor((width - 2 * pad) / 10));
  const titleLines = wrap(meta.title, maxChars);
  const sub = [meta.subtitle, meta.unit ? `Unité : ${meta.unit}` : ""].filter(Boolean).join(" · ");
  const subLines = sub ? wrap(sub, Math.floor(maxChars * 1.3)) : [];
  const header = pad + titleLines.length * 22 + subLines.length * 17 + 8;
  const footer = 40;
  const height = header + chartHeight + footer;

  const svg = doc.createElementNS(SVG_NS, "svg") as SVGSVGElement;
  svg.setAttribute("xmlns", SVG_NS);
  svg.setAttribute("width", String(width));
  svg.setAttribute("height", String(height));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("font-family", FONT_STACK);
  const title = doc.createElementNS(SVG_NS, "title");
  title.textContent = meta.title;
  svg.append(title);
  const background = doc.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "#ffffff");
  svg.append(background);

  let y = pad + 16;
  for (const line of titleLines) {
    svg.append(text(doc, pad, y, line, {"font-size": 18, "font-weight": 700, fill: "#1d2733"}));
    y += 22;
  }
  for (const line of subLines) {
    svg.append(text(doc, pad, y - 3, line, {"font-size": 13, fill: "#4a5561"}));
    y += 17;
  }

  const copy = chart.cloneNode(true) as SVGSVGElement;
  inlineStyles(chart, copy);
  copy.setAttribute("x", "0");
  copy.setAttribute("y", String(header));
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(chartHeight));
  copy.removeAttribute("style");
  copy.removeAttribute("class");
  svg.append(copy);

  svg.append(text(doc, pad, height - 22, SOURCE_LINE, {"font-size": 11, fill: "#4a5561"}));
  svg.append(text(doc, pad, height - 8, `Données ${meta.date} · Observatoire MNO`, {"font-size": 11, fill: "#4a5561"}));
  return {svg, width, height};
}

export function serializeSvg(svg: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}
