// One « Exporter » menu beside every chart and map: PNG (2×), PNG 16:9 (a slide picture), SVG,
// PowerPoint (a native chart, or the map as a picture), the data as CSV and as CSV for Excel, and
// « Intégrer » (the iframe code of exactly the view on screen).
import {formatNumber, formatPercent, formatRate} from "../../lib/format.js";
import {formatValue} from "../../lib/units.js";
import {el} from "../ui/dom.js";
import {
  composeSlide,
  composeSvg,
  type ComposedSvg,
  type ExportMeta,
  serializeSvg,
  slideFrame,
  standaloneSvg
} from "./compose.js";
import {latestSourceLine} from "../ui/edition.js";
import {addToDossier} from "./dossier-store.js";
import {download} from "./download.js";
import {embedCode} from "./embed-code.js";
import {
  csvTable,
  csvText,
  excelCsvText,
  figureData,
  type FigureKind,
  type FigureSpec,
  isPercent,
  type Row
} from "./figure.js";
import {menuButton} from "./menu.js";
import {renderPng, slideScale} from "./png.js";
import {actionStatus} from "./action-status.js";

export type {FigureSpec} from "./figure.js";

export interface ExportSource {
  /** Title, subtitle, unit, date, file name — a function when the view can change. */
  meta: ExportMeta | (() => ExportMeta);
  /** The chart as drawn (the SVG is looked up at click time, so a redrawn chart exports as shown). */
  chart: () => SVGSVGElement | null;
  /** The chart's data, one object per row. */
  rows: () => Record<string, string | number | null>[];
  /** Path and query of the embed view (« /embed/carte?indicateur=… »), if any. */
  embed?: () => string;
  /**
   * What the chart draws (kind, label and value columns, order). Optional: by default the kind is
   * read from the drawn chart (Plot's bar and line marks; anything else, such as the map, is a
   * picture), the columns from the rows (figure.ts) and the order from the bars as drawn.
   */
  figure?: () => FigureSpec;
  /**
   * The figure drawn again at another size, not attached (the map): what a slide shows, drawn small
   * enough that, scaled to its frame, its smallest text (11 px) reads at 28 px or more at 1920 × 1080.
   */
  redraw?: (width: number, maxHeight: number) => HTMLElement | SVGSVGElement | null;
}

/** The smallest text a redrawn figure holds (the map's legend), and what it must read at on a 1920 × 1080 slide. */
const SMALLEST_TEXT = 11;
const SLIDE_TEXT = 28;

/**
 * The figure redrawn to fit `width` × `height` pixels of a 1920 × 1080 slide with its smallest text at
 * 28 px or more: drawn at that size divided by 28 / 11, lower again when its legend made it taller.
 */
export async function slidePicture(
  redraw: NonNullable<ExportSource["redraw"]>,
  width: number,
  height: number
): Promise<ComposedSvg> {
  const factor = SLIDE_TEXT / SMALLEST_TEXT;
  const maxWidth = Math.floor(width / factor);
  const maxHeight = Math.floor(height / factor);
  let target = maxHeight;
  for (let attempt = 0; ; attempt++) {
    const drawn = redraw(maxWidth, target);
    const svg = drawn instanceof SVGSVGElement ? drawn : drawn?.querySelector("svg");
    if (!drawn || !svg) throw new Error("figure absente");
    // Styles are read from the live drawing: out of sight for the time of the export.
    const holder = el("div", {
      "aria-hidden": "true",
      style: `position:absolute;left:-20000px;top:0;width:${maxWidth}px`
    });
    holder.append(drawn);
    document.body.append(holder);
    try {
      const drawnHeight = Number(svg.getAttribute("height"));
      if (drawnHeight > maxHeight && attempt < 3 && target > 120) {
        target -= drawnHeight - maxHeight;
        continue;
      }
      return standaloneSvg(svg);
    } finally {
      holder.remove();
    }
  }
}

const PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

/** Bars or lines drawn by Observable Plot (its marks name themselves), else a picture. */
export function drawnKind(chart: SVGSVGElement | null): FigureKind {
  if (chart?.querySelector('g[data-mark="bar"]')) return "bar";
  // accessible-plot.ts moves the marks' names to data-mark (a chart that is one image has no inner names).
  if (chart?.querySelector('g[data-mark="line"], g[aria-label="line"]')) return "line";
  return "image";
}

/**
 * The labels in the order the bars are drawn (top to bottom, or left to right), read from the
 * bars' tooltips (« Lambersart : 231 »), which Plot writes in full even when the axis shortens them.
 */
export function drawnOrder(chart: SVGSVGElement | null, labels: string[]): string[] | undefined {
  const bars = [...(chart?.querySelectorAll('g[data-mark="bar"] > rect, g[data-mark="bar"] > a > rect') ?? [])];
  if (!bars.length) return undefined;
  const byLength = [...new Set(labels)].sort((a, b) => b.length - a.length);
  const placed = bars.map((bar) => {
    const tip =
      bar.querySelector("title")?.textContent ?? bar.parentElement?.querySelector(":scope > title")?.textContent ?? "";
    const label = byLength.find((l) => tip.startsWith(`${l} : `) || tip === l);
    const box = {x: Number(bar.getAttribute("x") ?? 0), y: Number(bar.getAttribute("y") ?? 0)};
    return {label, box};
  });
  if (placed.some((p) => p.label === undefined)) return undefined;
  const vertical = new Set(placed.map((p) => p.box.y)).size > 1;
  placed.sort((a, b) => (vertical ? a.box.y - b.box.y : a.box.x - b.box.x));
  return placed.map((p) => p.label!);
}

/** How the site prints a value of this unit (the chart's own labels). */
function formatOf(meta: ExportMeta): (value: number) => string {
  const unit = meta.unit ?? "";
  if (isPercent(meta)) return (v) => formatPercent(v);
  if (/pour 1[\u202f\u00a0 ]?000 habitants/.test(unit)) return formatRate;
  if (unit === "euros" || unit === "heures") return (v) => formatValue(v, unit);
  return (v) => formatNumber(v, 2);
}

/** The figure's values as printed, for a table slide after a picture; none when the rows are not one per category. */
function valueTable(rows: Row[], meta: ExportMeta, spec: FigureSpec): {header: string[]; rows: string[][]} | undefined {
  if (!rows.length) return undefined;
  try {
    const figure = figureData(rows, meta, {...spec, kind: "bar"});
    const format = formatOf(meta);
    const rank = rows[0].rang !== undefined;
    const label = figure.labelColumn === "commune" ? "Commune" : figure.labelColumn;
    const lines = figure.rows.map((row, i) => ({
      rank: typeof row.rang === "number" ? row.rang : Infinity,
      cells: [
        figure.categories[i],
        figure.values[i] === null ? "non publié" : format(figure.values[i]!),
        ...(rank ? [typeof row.rang === "number" ? String(row.rang) : "—"] : [])
      ]
    }));
    // As the map's own table first shows them: by rank, unpublished last.
    if (rank) lines.sort((a, b) => a.rank - b.rank);
    return {
      header: [label, meta.unit ? `Valeur (${meta.unit})` : "Valeur", ...(rank ? ["Rang"] : [])],
      rows: lines.map((l) => l.cells)
    };
  } catch {
    return undefined;
  }
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** The smallest text a slide picture must show, in pixels of the 1920 × 1080 frame. */
const SLIDE_TEXT_PX = 28;

/** Draws `drawn` out of sight (styles are read from the live chart) and composes it as a slide picture. */
function composedOutOfSight(drawn: SVGSVGElement | HTMLElement, width: number, meta: ExportMeta) {
  const holder = el(
    "div",
    {"aria-hidden": "true", style: `position:absolute;left:-20000px;top:0;width:${width}px`},
    drawn
  );
  document.body.append(holder);
  try {
    const svg = drawn instanceof SVGSVGElement ? drawn : drawn.querySelector("svg");
    if (!svg) throw new Error("graphique absent");
    const smallest = Math.min(
      ...[...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize) || 16)
    );
    return {composed: composeSvg(svg, meta, {slide: true}), smallest};
  } finally {
    holder.remove();
  }
}

/**
 * A bar or line chart redrawn for a 16:9 slide: narrow enough that, scaled to fill 1920 × 1080, its
 * smallest text is at least 28 px (a chart drawn for a wide page would be a thin band of small text).
 * The chart modules (and Plot) load on this click only: the map page does not otherwise need them.
 */
async function slideChart(rows: Row[], meta: ExportMeta, spec: FigureSpec): Promise<ComposedSvg> {
  const figure = figureData(rows, meta, spec);
  const format = formatOf(meta);
  const max = figure.percent ? 100 : undefined;
  let draw: (width: number) => SVGSVGElement | HTMLElement;
  let widths: number[];
  if (figure.kind === "line") {
    const {lineChart} = await import("../charts/line-chart.js");
    const points = figure.categories.flatMap((label, i) =>
      figure.values[i] === null
        ? []
        : [{series: meta.title, year: Number(label), value: figure.values[i]!, derived: figure.derived[i]}]
    );
    draw = (width) => lineChart(points, {width, format, ariaLabel: meta.title, max});
    widths = [760, 680, 600, 540, 480, 420];
  } else {
    const {barChart} = await import("../charts/bar-chart.js");
    const bars = figure.categories.map((label, i) => ({
      label,
      value: figure.values[i] ?? 0,
      derived: figure.derived[i]
    }));
    const chartHeight = bars.length * 30 + 40;
    // Header and footer of a slide composition take ~130 px; keep the whole near 16:9.
    const width = Math.round(Math.min(860, Math.max(560, (chartHeight + 130) * (1840 / 1020))));
    draw = (w) => barChart(bars, {width: w, format, ariaLabel: meta.title, keepOrder: true, max});
    widths = [width, 480, 420];
  }
  // The widest drawing whose smallest text, once fitted in the frame (png.ts « slide »), reads at 28 px.
  let picture: ComposedSvg | undefined;
  for (const width of widths) {
    const {composed, smallest} = composedOutOfSight(draw(width), width, meta);
    picture = composed;
    if (smallest * slideScale(composed) >= SLIDE_TEXT_PX) break;
  }
  return picture!;
}

export function exportToolbar(source: ExportSource): HTMLElement {
  const {status, run} = actionStatus();
  const meta = () => (typeof source.meta === "function" ? source.meta() : source.meta);
  const chart = () => {
    const svg = source.chart();
    if (!svg) throw new Error("graphique absent");
    return svg;
  };
  const composed = () => composeSvg(chart(), meta());
  /** The figure as the page draws it: explicit spec first, then what the chart and rows say. */
  const spec = (): FigureSpec => {
    const given = source.figure?.() ?? {};
    const svg = source.chart();
    const kind = given.kind ?? drawnKind(svg);
    const rows = source.rows();
    if (!rows.length) return {...given, kind: "image"};
    try {
      const figure = figureData(rows, meta(), {...given, kind});
      return given.order ? {...given, kind} : {...given, kind, order: drawnOrder(svg, figure.categories)};
    } catch {
      // Data that is not one value per category: the slide shows the chart as a picture.
      return {...given, kind: "image"};
    }
  };
  const table = () => csvTable(source.rows(), meta(), spec());

  const pngSlide = async () => {
    const s = spec();
    const m = meta();
    let png: Blob;
    if (s.kind !== "bar" && source.redraw) {
      // Drawn for the slide's frame, composed at 1920 × 1080 with texts of 28 px or more.
      const frame = slideFrame(m);
      png = await renderPng(composeSlide(await slidePicture(source.redraw, frame.width, frame.height), m), "1x");
    } else {
      const picture =
        s.kind === "bar" || s.kind === "line"
          ? await slideChart(source.rows(), m, s)
          : composeSvg(chart(), m, {slide: true});
      png = await renderPng(picture, "slide");
    }
    download(png, `${m.fileBase}-diapositive.png`);
  };
  const pptx = async () => {
    status.textContent = "Préparation de la diapositive…";
    const m = meta();
    const s = spec();
    const {slideDeck, figureFramePx} = await import("./pptx.js");
    const content = {meta: m, source: m.source ?? latestSourceLine()};
    let bytes: ArrayBuffer;
    if (s.kind === "bar" || s.kind === "line") {
      bytes = await slideDeck({...content, figure: figureData(source.rows(), m, s)});
    } else {
      // The map drawn for the slide's frame (its text at 28 px or more on a 1920 × 1080 screen), at 3×.
      const frame = figureFramePx(m);
      const picture = source.redraw
        ? await slidePicture(source.redraw, frame.width, frame.height)
        : standaloneSvg(chart());
      const scale = source.redraw ? 3 : 2;
      const png = await renderPng(picture, source.redraw ? "3x" : "2x");
      bytes = await slideDeck({
        ...content,
        image: {data: await dataUrl(png), width: picture.width * scale, height: picture.height * scale},
        table: valueTable(source.rows(), m, s)
      });
    }
    download(new Blob([bytes], {type: PPTX_TYPE}), `${m.fileBase}.pptx`);
    status.textContent = "";
  };

  const embedBox = el("div", {class: "embed-box", hidden: true});
  const showEmbed = () => {
    const code = embedCode(new URL(source.embed!(), location.href).href, meta().title);
    const area = el("textarea", {readonly: true, rows: 4, "aria-label": "Code d’intégration"}, code);
    embedBox.replaceChildren(
      el("p", {}, "Copiez ce code dans votre page : l’iframe prend la hauteur du graphique."),
      area,
      el(
        "button",
        {
          type: "button",
          onclick: run("Copie", async () => {
            await navigator.clipboard.writeText(code);
            status.textContent = "Code copié.";
          })
        },
        "Copier le code"
      ),
      el("button", {type: "button", onclick: () => (embedBox.hidden = true)}, "Fermer")
    );
    embedBox.hidden = false;
    area.focus();
    area.select();
  };

  const items = [
    {
      id: "png",
      label: "PNG",
      title: "Image au double de la taille affichée",
      action: run("PNG", async () => download(await renderPng(composed(), "2x"), `${meta().fileBase}.png`))
    },
    {
      id: "png-slide",
      label: "PNG 16:9",
      title: "Image 1920 × 1080 pour une diapositive",
      action: run("PNG", pngSlide)
    },
    {
      id: "png-transparent",
      label: "PNG (fond transparent)",
      title: "Image au double de la taille affichée, sans fond, à poser sur un modèle de diapositive",
      action: run("PNG", async () =>
        download(
          await renderPng(composeSvg(chart(), meta(), {transparent: true}), "2x"),
          `${meta().fileBase}-transparent.png`
        )
      )
    },
    {
      id: "svg",
      label: "SVG",
      title: "Image vectorielle autonome",
      action: run("SVG", () => download(serializeSvg(composed().svg), `${meta().fileBase}.svg`, "image/svg+xml"))
    },
    {
      id: "pptx",
      label: "PowerPoint",
      title: "Diapositive 16:9 dont le graphique reste modifiable",
      action: run("PowerPoint", pptx)
    },
    {
      id: "csv",
      label: "Données (CSV)",
      title: "CSV standard (virgule, point décimal)",
      action: run("CSV", () => download(csvText(table()), `${meta().fileBase}.csv`, "text/csv;charset=utf-8"))
    },
    {
      id: "csv-excel",
      label: "CSV (Excel)",
      title: "Point-virgule et virgule décimale, pour Excel en français",
      action: run("CSV", () =>
        download(excelCsvText(table()), `${meta().fileBase}-excel.csv`, "text/csv;charset=utf-8")
      )
    }
  ];
  // The view's state is its embed path: only views that have one can go in a dossier.
  const addView = () => {
    const m = meta();
    const count = addToDossier({
      title: m.title,
      state: source.embed!(),
      page: location.pathname + location.search,
      meta: m
    });
    status.replaceChildren(
      `Ajouté au dossier (${count} vue${count > 1 ? "s" : ""}). `,
      el("a", {href: "/dossier"}, "Voir le dossier")
    );
  };
  if (source.embed) {
    items.push(
      {id: "embed", label: "Intégrer", title: "Code d’intégration (iframe)", action: run("Intégrer", showEmbed)},
      {
        id: "dossier",
        label: "Ajouter au dossier",
        title: "Garder cette vue pour un diaporama",
        action: run("Dossier", addView)
      }
    );
  }
  const menu = menuButton("Exporter", items, {name: () => `Exporter : ${meta().title}`});
  return el(
    "div",
    {class: "export-toolbar no-print"},
    el("div", {class: "export-buttons"}, menu.root, status),
    embedBox
  );
}
