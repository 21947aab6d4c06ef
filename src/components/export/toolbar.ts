// The buttons beside every chart and map: « PNG » (2×), « PNG 16:9 », « SVG », « Données (CSV) »
// and « Intégrer » (the iframe code of exactly the view on screen).
import {formatCsv} from "../../lib/csv.js";
import {el} from "../ui/dom.js";
import {composeSvg, type ExportMeta, serializeSvg} from "./compose.js";
import {download} from "./download.js";
import {embedCode} from "./embed-code.js";
import {renderPng} from "./png.js";

export interface ExportSource {
  /** Title, subtitle, unit, date, file name — a function when the view can change. */
  meta: ExportMeta | (() => ExportMeta);
  /** The chart as drawn (the SVG is looked up at click time, so a redrawn chart exports as shown). */
  chart: () => SVGSVGElement | null;
  /** The chart's data, one object per row. */
  rows: () => Record<string, string | number | null>[];
  /** Path and query of the embed view (« /embed/carte?indicateur=… »), if any. */
  embed?: () => string;
}

function csvOf(rows: Record<string, string | number | null>[]): string {
  const header = rows.length ? Object.keys(rows[0]) : [];
  return "\uFEFF" + formatCsv(header, rows.map((r) => header.map((h) => r[h])));
}

export function exportToolbar(source: ExportSource): HTMLElement {
  const status = el("span", {class: "export-status", role: "status"});
  const run = (label: string, action: () => Promise<void> | void) => async () => {
    try {
      status.textContent = "";
      await action();
    } catch (error) {
      status.textContent = `${label} impossible : ${(error as Error).message}`;
    }
  };
  const meta = () => (typeof source.meta === "function" ? source.meta() : source.meta);
  const composed = () => {
    const chart = source.chart();
    if (!chart) throw new Error("graphique absent");
    return composeSvg(chart, meta());
  };
  const embedBox = el("div", {class: "embed-box", hidden: true});
  const buttons = [
    el("button", {type: "button", "data-export": "png", onclick: run("PNG", async () => download(await renderPng(composed(), "2x"), `${meta().fileBase}.png`))}, "PNG"),
    el("button", {type: "button", "data-export": "png-slide", title: "Image 1920 × 1080 pour une diapositive", onclick: run("PNG", async () => download(await renderPng(composed(), "slide"), `${meta().fileBase}-diapositive.png`))}, "PNG 16:9"),
    el("button", {type: "button", "data-export": "svg", onclick: run("SVG", () => download(serializeSvg(composed().svg), `${meta().fileBase}.svg`, "image/svg+xml"))}, "SVG"),
    el("button", {type: "button", "data-export": "csv", onclick: run("CSV", () => download(csvOf(source.rows()), `${meta().fileBase}.csv`, "text/csv;charset=utf-8"))}, "Données (CSV)")
  ];
  if (source.embed) {
    buttons.push(
      el(
        "button",
        {
          type: "button",
          "data-export": "embed",
          "aria-expanded": "false",
          onclick: (event: Event) => {
            const button = event.currentTarget as HTMLButtonElement;
            const open = embedBox.hidden;
            embedBox.hidden = !open;
            button.setAttribute("aria-expanded", String(open));
            if (open) {
              const code = embedCode(new URL(source.embed!(), location.href).href, meta().title);
              const area = el("textarea", {readonly: true, rows: 4, "aria-label": "Code d’intégration"}, code);
              embedBox.replaceChildren(
                el("p", {}, "Copiez ce code dans votre page : l’iframe prend la hauteur du graphique."),
                area,
                el("button", {type: "button", onclick: run("Copie", async () => {
                  await navigator.clipboard.writeText(code);
                  status.textContent = "Code copié.";
                })}, "Copier le code")
              );
              area.select();
            }
          }
        },
        "Intégrer"
      )
    );
  }
  return el("div", {class: "export-toolbar no-print"}, el("div", {class: "export-buttons", role: "group", "aria-label": "Exporter ce graphique"}, buttons, status), embedBox);
}
