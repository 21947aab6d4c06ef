// A key figure (a card of the home page, of a programme, of a commune) exported like a chart: one
// compact « Exporter » menu with a PNG of the card (white or transparent), a PowerPoint text slide
// (the number in large type, its label, unit, year, change and source; the passage in the notes),
// and « Ajouter au dossier » for figures the dossier can redraw from the data.
import {el} from "../ui/dom.js";
import {type ComposedSvg, type ExportMeta, exportSvgRoot, wrap} from "./compose.js";
import {addToDossier} from "./dossier-store.js";
import {download} from "./download.js";
import {menuButton} from "./menu.js";
import {renderPng} from "./png.js";
import type {KeyFigureText} from "./pptx.js";
import {actionStatus} from "./action-status.js";

export interface KeyFigure {
  /** What the number counts (« Participants en parcours »), the slide's title. */
  label: string;
  /** The number as the card prints it (« 1 605 », « 12,7 % », « ≈ 13 541 »). */
  value: string;
  /** Computed from the report, which does not print it. */
  derived?: boolean;
  /** The unit in words (« participants »). */
  unit: string;
  year: number;
  /** « PLIE · Accompagnement », « Lambersart · PLIE ». */
  context?: string;
  /** The change the card shows (« +6,2 % par rapport à 2021 »). */
  change?: string;
  /** The report's passage that publishes the figure. */
  passage: string;
  /** « Source : rapport d’activité 2022, MDE Métropole Nord-Ouest ». */
  source: string;
  /** File name without extension. */
  fileBase: string;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const INK = "#1d2733";
const MUTED = "#4a5561";
const BLUE = "#1f5fa8";

export function keyFigureMeta(figure: KeyFigure): ExportMeta {
  return {
    title: figure.label,
    subtitle: figure.context,
    unit: figure.unit,
    date: String(figure.year),
    fileBase: figure.fileBase,
    passage: figure.passage,
    source: figure.source
  };
}

export function keyFigureText(figure: KeyFigure): KeyFigureText {
  return {value: figure.value, derived: figure.derived, change: figure.change};
}

/** The card as a 16:9 picture (640 × 360 or taller): context, the number, label, unit and year, change, source. */
export function keyFigureSvg(figure: KeyFigure, doc: Document, {transparent = false} = {}): ComposedSvg {
  const width = 640;
  const pad = 32;
  const nodes: SVGTextElement[] = [];
  const line = (y: number, content: string, size: number, attrs: Record<string, string | number> = {}) => {
    const node = doc.createElementNS(SVG_NS, "text");
    node.setAttribute("x", String(pad));
    node.setAttribute("y", String(y));
    node.setAttribute("font-size", String(size));
    node.setAttribute("fill", MUTED);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    node.textContent = content;
    nodes.push(node);
  };
  const lines = (y: number, content: string, size: number, attrs: Record<string, string | number> = {}) => {
    for (const part of wrap(content, Math.floor((width - 2 * pad) / (size * 0.55)))) {
      line(y + size * 0.9, part, size, attrs);
      y += Math.round(size * 1.3);
    }
    return y;
  };
  let y = pad - 6;
  if (figure.context) y = lines(y, figure.context, 16) + 6;
  const valueSize = figure.value.length <= 9 ? 76 : figure.value.length <= 14 ? 56 : 40;
  line(y + valueSize * 0.85, figure.value, valueSize, {"font-weight": 700, fill: BLUE});
  y += Math.round(valueSize * 1.1);
  y = lines(y, figure.label, 24, {"font-weight": 700, fill: INK}) + 4;
  const details = [figure.unit ? `Unité : ${figure.unit}` : "", `Année ${figure.year}`];
  if (figure.derived) details.push("valeur calculée");
  y = lines(y, details.filter(Boolean).join(" · "), 16);
  if (figure.change) y = lines(y, figure.change, 16, {fill: INK});
  const footerTop = Math.max(y + 12, 360 - 2 * 17 - 14);
  line(footerTop + 14, figure.source, 13);
  line(footerTop + 31, `Données ${figure.year} · Observatoire MNO`, 13);
  const height = footerTop + 31 + 14;

  const svg = exportSvgRoot(doc, {width, height, title: `${figure.label} : ${figure.value}`, transparent});
  svg.append(...nodes);
  return {svg, width, height};
}

const PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

/**
 * The compact « Exporter » menu of a key figure (the figure is read at click time); `state` (from
 * keyFigureState) when the dossier can redraw the figure from the data.
 */
export function keyFigureExport(source: () => KeyFigure, {state}: {state?: string} = {}): HTMLElement {
  const {status, run} = actionStatus();
  const png = (transparent: boolean) => async () => {
    const figure = source();
    const picture = keyFigureSvg(figure, document, {transparent});
    download(await renderPng(picture, "2x"), `${figure.fileBase}${transparent ? "-transparent" : ""}.png`);
  };
  const pptx = async () => {
    status.textContent = "Préparation de la diapositive…";
    const figure = source();
    const {slideDeck} = await import("./pptx.js");
    const bytes = await slideDeck({
      meta: keyFigureMeta(figure),
      source: figure.source,
      keyFigure: keyFigureText(figure)
    });
    download(new Blob([bytes], {type: PPTX_TYPE}), `${figure.fileBase}.pptx`);
    status.textContent = "";
  };
  const items = [
    {id: "png", label: "PNG", title: "Image du chiffre (1280 × 720)", action: run("PNG", png(false))},
    {
      id: "png-transparent",
      label: "PNG (fond transparent)",
      title: "La même image sans fond, à poser sur un modèle de diapositive",
      action: run("PNG", png(true))
    },
    {
      id: "pptx",
      label: "PowerPoint",
      title: "Diapositive 16:9 du chiffre, sa source et le passage du rapport",
      action: run("PowerPoint", pptx)
    }
  ];
  if (state) {
    items.push({
      id: "dossier",
      label: "Ajouter au dossier",
      title: "Garder ce chiffre pour un diaporama",
      action: run("Dossier", () => {
        const figure = source();
        const count = addToDossier({
          title: figure.label,
          state,
          page: location.pathname + location.search,
          meta: keyFigureMeta(figure)
        });
        status.replaceChildren(
          `Ajouté au dossier (${count} vue${count > 1 ? "s" : ""}). `,
          el("a", {href: "/dossier"}, "Voir le dossier")
        );
      })
    });
  }
  const menu = menuButton("Exporter", items, {name: () => `Exporter le chiffre : ${source().label}`});
  return el(
    "div",
    {class: "export-toolbar export-compact no-print"},
    el("div", {class: "export-buttons"}, menu.root, status)
  );
}
