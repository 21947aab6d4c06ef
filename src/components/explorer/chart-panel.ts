// The chart under a result: the suggested one, or the kind and columns the user picks, or none.
// The choice is the cell's (it goes into the link); the drawing follows the width of the page.
// Each drawn chart has the site's « Exporter » menu (PNG, SVG, PowerPoint, CSV: export/toolbar.ts).
import {el} from "../ui/dom.js";
import {editionInfo} from "../ui/edition.js";
import {exportToolbar} from "../export/toolbar.js";
import {chartExport} from "../../lib/notebook/chart-export.js";
import {columnKind} from "../../lib/notebook/column-types.js";
import {CHART_LABELS, chartColumns, resolveChart, suggestChart} from "../../lib/notebook/chart-suggest.js";
import type {Column} from "../../lib/notebook/column-types.js";
import type {ChartChoice, ChartKind} from "../../lib/notebook/notebook.js";
import {rendererFor} from "./chart-renderers.js";
import {uid} from "./ids.js";

type Row = Record<string, unknown>;

export interface ChartPanelOptions {
  columns: Column[];
  rows: Row[];
  choice: ChartChoice;
  communeNames: Map<string, string>;
  /** The cell's place in the notebook, for the exported files' names. */
  position(): number;
  onChange(choice: ChartChoice): void;
}

/** The chart itself: the map's SVG, else the largest SVG of the figure (not a legend's swatch). */
function chartSvg(figure: Element): SVGSVGElement | null {
  const map = figure.querySelector<SVGSVGElement>("svg.choropleth-svg");
  if (map) return map;
  const area = (svg: SVGSVGElement) => {
    const box = svg.getBoundingClientRect();
    return box.width * box.height;
  };
  const svgs = [...figure.querySelectorAll<SVGSVGElement>("svg")].filter((svg) => !svg.parentElement?.closest("svg"));
  return svgs.sort((a, b) => area(b) - area(a))[0] ?? null;
}

const X_LABELS: Record<ChartKind, string> = {bar: "Catégorie", line: "Axe des années", choropleth: "Code commune"};

function select(
  label: string,
  options: [string, string][],
  value: string,
  onChange: (value: string) => void
): HTMLElement {
  const id = uid("chart-select");
  const control = el(
    "select",
    {id, onchange: (event: Event) => onChange((event.target as HTMLSelectElement).value)},
    options.map(([v, text]) => el("option", {value: v, selected: v === value}, text))
  );
  return el("span", {class: "field"}, el("label", {for: id}, label), control);
}

export function chartPanel({
  columns,
  rows,
  choice: initial,
  communeNames,
  position,
  onChange
}: ChartPanelOptions): HTMLElement {
  let choice = initial;
  const controls = el("div", {class: "chart-controls"});
  const area = el("div", {class: "chart-area"});
  const panel = el("div", {class: "chart-panel"}, controls, area);
  let width = 0;
  let drawn = 0;

  const draw = async () => {
    const {spec, note} = resolveChart(choice, columns, rows);
    const suggested = suggestChart(columns, rows);
    const kinds: [string, string][] = [
      ["auto", `Suggestion : ${suggested ? CHART_LABELS[suggested.kind].toLowerCase() : "aucun"}`],
      ...(Object.keys(CHART_LABELS) as ChartKind[]).map((k) => [k, CHART_LABELS[k]] as [string, string]),
      ["none", "Aucun graphique"]
    ];
    const fields = [select("Graphique", kinds, choice.kind, (kind) => update({kind: kind as ChartChoice["kind"]}))];
    if (spec) {
      const usable = chartColumns(columns, rows)[spec.kind];
      const explicit = (patch: Partial<ChartChoice>) => update({kind: spec.kind, x: spec.x, y: spec.y, ...patch});
      fields.push(
        select(
          X_LABELS[spec.kind],
          usable.x.map((c) => [c, c]),
          spec.x,
          (x) => explicit({x})
        ),
        select(
          "Valeur",
          usable.y.map((c) => [c, c]),
          spec.y,
          (y) => explicit({y})
        )
      );
    }
    controls.replaceChildren(...fields);
    if (!spec) {
      area.replaceChildren(...(note ? [el("p", {class: "muted chart-note"}, note)] : []));
      return;
    }
    if (!width) return; // drawn once the panel has a width (ResizeObserver below)
    const ticket = ++drawn;
    try {
      const {node, caption} = await rendererFor(spec.kind)({spec, columns, rows, width, communeNames});
      if (ticket !== drawn) return;
      const figure = el("figure", {class: "cell-chart", "data-kind": spec.kind}, node, el("figcaption", {}, caption));
      // A chart that is a table (the commune ranking without shapes) has no picture to export.
      const exportable = figure.querySelector("svg") !== null;
      const isDate = columnKind(columns.find((c) => c.name === spec.x)?.type ?? "") === "date";
      const exported = () =>
        chartExport(spec, rows, {position: position(), caption, communeNames, latest: editionInfo().latest, isDate});
      area.replaceChildren(
        ...(exportable
          ? [
              exportToolbar({
                meta: () => exported().meta,
                chart: () => chartSvg(figure),
                rows: () => exported().rows,
                figure: () => exported().figure
              })
            ]
          : []),
        figure
      );
    } catch (error) {
      area.replaceChildren(
        el("p", {class: "muted chart-note"}, `Le graphique n'a pas pu être dessiné : ${(error as Error).message}`)
      );
    }
  };
  const update = (next: ChartChoice) => {
    choice = next;
    onChange(choice);
    void draw();
  };

  // Redraw at the panel's width, once it is in the page and whenever the page is resized.
  let timer: ReturnType<typeof setTimeout> | undefined;
  new ResizeObserver(([entry]) => {
    const next = Math.floor(entry.contentRect.width);
    if (!next || Math.abs(next - width) < 8) return;
    const first = width === 0;
    width = next;
    clearTimeout(timer);
    if (first) void draw();
    else timer = setTimeout(draw, 150);
  }).observe(area);
  void draw();
  return panel;
}
