// How each kind of suggested chart is drawn. A renderer takes the chart's spec, the result and the
// width, and returns an element; the explorer does not know how a kind draws, so a kind can be
// replaced (the commune map) without touching the rest.
import * as Plot from "npm:@observablehq/plot";
import {el} from "../ui/dom.js";
import {formatNumber} from "../../lib/format.js";
import type {ChartSpec} from "../../lib/notebook/chart-suggest.js";
import type {ChartKind} from "../../lib/notebook/notebook.js";
import {barData, communeData, lineData} from "../../lib/notebook/chart-data.js";
import {type Column, columnKind} from "../../lib/notebook/column-types.js";
import {formatResultNumber} from "../../lib/notebook/values.js";

type Row = Record<string, unknown>;

export interface ChartInput {
  spec: ChartSpec;
  columns: Column[];
  rows: Row[];
  width: number;
  /** INSEE code → commune name, from the engine's commune table. */
  communeNames: Map<string, string>;
}

export interface RenderedChart {
  node: Element;
  /** What the chart shows, in a sentence (its caption and accessible name). */
  caption: string;
}

export type ChartRenderer = (input: ChartInput) => RenderedChart | Promise<RenderedChart>;

// Okabe–Ito: distinguishable with the common colour-vision deficiencies.
const SERIES_COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6D00", "#000000"];
const ACCENT = "#0b5cad";

const fr = (d: number) => formatNumber(d, 2);
/** Communes listed at most by the ranking (the territory has ten; a result may hold more codes). */
const MAX_RANKED = 50;

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/**
 * Plot's chart as one named image (the result table beside it is the accessible alternative): its
 * marks' own labels go, and the legend's swatches are decoration next to their text.
 */
function asImage(node: Element, caption: string): Element {
  const chart = node.tagName.toLowerCase() === "svg" ? node : node.querySelector(":scope > svg");
  for (const svg of node.querySelectorAll("svg")) if (svg !== chart) svg.setAttribute("aria-hidden", "true");
  if (chart) {
    chart.setAttribute("role", "img");
    chart.setAttribute("aria-label", caption);
    for (const inner of chart.querySelectorAll("[aria-label], [aria-description]")) {
      inner.removeAttribute("aria-label");
      inner.removeAttribute("aria-description");
    }
  }
  return node;
}

function summedNote(summed: boolean, by: string): string {
  return summed ? ` (valeurs additionnées par ${by})` : "";
}

export const barChart: ChartRenderer = ({spec, rows, width}) => {
  const {data, summed, total} = barData(rows, spec);
  // Category names get at most 45 % of the width; longer ones are cut (the table has them whole).
  const CHAR = 7;
  const longest = Math.max(...data.map((d) => Math.min(d.x.length, 32)));
  const marginLeft = Math.min(Math.max(40, longest * CHAR + 12), width * 0.45);
  const chars = Math.max(6, Math.floor((marginLeft - 12) / CHAR));
  const caption =
    `${spec.y} par ${spec.x}${summedNote(summed, spec.x)}` + (total > data.length ? ` — les ${data.length} plus grandes valeurs sur ${total}` : "");
  const svg = Plot.plot({
    width,
    height: data.length * 26 + 44,
    marginLeft,
    marginRight: 56,
    style: {fontSize: "12px"},
    x: {label: spec.y, tickFormat: fr, grid: true, nice: true},
    y: {label: null, domain: data.map((d) => d.x), tickFormat: (d: string) => truncate(d, chars)},
    marks: [
      Plot.barX(data, {x: "y", y: "x", fill: ACCENT, title: (d: {x: string; y: number}) => `${d.x} : ${fr(d.y)}`}),
      Plot.text(data, {x: "y", y: "x", text: (d: {y: number}) => fr(d.y), dx: 4, textAnchor: "start", fill: "currentColor"}),
      Plot.ruleX([0])
    ]
  });
  return {node: asImage(svg, caption), caption};
};

export const lineChart: ChartRenderer = ({spec, columns, rows, width}) => {
  const {data, summed} = lineData(rows, spec);
  const isDate = columnKind(columns.find((c) => c.name === spec.x)?.type ?? "") === "date";
  const xs = [...new Set(data.map((d) => d.x))].sort((a, b) => a - b);
  const points = data.map((d) => ({...d, x: isDate ? new Date(d.x) : d.x}));
  const series = spec.series ? [...new Set(data.map((d) => d.series))] : [];
  const caption = `${spec.y} selon ${spec.x}${spec.series ? `, une courbe par ${spec.series}` : ""}${summedNote(summed, spec.x)}`;
  const dateFormat = new Intl.DateTimeFormat("fr-FR", {dateStyle: "short", timeZone: "UTC"});
  const plot = Plot.plot({
    width,
    height: 300,
    marginLeft: 64,
    marginRight: 24,
    style: {fontSize: "12px"},
    x: isDate
      ? {label: spec.x, tickFormat: (d: Date) => dateFormat.format(d)}
      : {label: spec.x, tickFormat: (d: number) => formatResultNumber(d, {name: spec.x, type: "Int32"}), ticks: xs.length <= 12 ? xs : undefined, inset: 16},
    y: {label: spec.y, tickFormat: fr, grid: true, nice: true, zero: true},
    color: spec.series ? {domain: series, range: SERIES_COLORS, legend: true} : undefined,
    marks: [
      Plot.lineY(points, {x: "x", y: "y", z: spec.series ? "series" : undefined, stroke: spec.series ? "series" : ACCENT, strokeWidth: 2}),
      Plot.dot(points, {
        x: "x",
        y: "y",
        fill: spec.series ? "series" : ACCENT,
        r: 3.5,
        title: (d: {series: string; y: number; x: number | Date}) => `${d.series ? `${d.series} — ` : ""}${d.x instanceof Date ? dateFormat.format(d.x) : d.x} : ${fr(d.y)}`
      })
    ]
  });
  // With a legend, Plot returns a <figure> holding the legend and the SVG.
  return {node: asImage(plot, caption), caption};
};

/**
 * The commune kind without commune shapes: communes ranked by value, each with a bar to the scale
 * of the largest. The page registers the map (commune-map.ts) in its place when it has the shapes.
 */
export const communeRanking: ChartRenderer = ({spec, rows, communeNames}) => {
  const {data: all, summed, total} = communeData(rows, spec, communeNames);
  const data = all.slice(0, MAX_RANKED);
  const max = Math.max(...data.map((d) => Math.abs(d.value)), 0) || 1;
  const caption =
    `${spec.y} par commune, de la plus forte valeur à la plus faible${summedNote(summed, spec.x)}` +
    (total > data.length ? ` — les ${data.length} premières sur ${total}` : "");
  const table = el(
    "table",
    {class: "commune-ranking"},
    el("thead", {}, el("tr", {}, el("th", {scope: "col", class: "num"}, "Rang"), el("th", {scope: "col"}, "Commune"), el("th", {scope: "col"}, spec.y))),
    el(
      "tbody",
      {},
      data.map((d, i) =>
        el(
          "tr",
          {},
          el("td", {class: "num"}, String(i + 1)),
          el("th", {scope: "row"}, d.nom, " ", el("span", {class: "muted"}, d.code)),
          el(
            "td",
            {class: "ranking-value"},
            el("span", {class: "ranking-bar", style: `width: ${((Math.abs(d.value) / max) * 100).toFixed(1)}%`, "aria-hidden": "true"}),
            el("span", {class: "num"}, fr(d.value))
          )
        )
      )
    )
  );
  return {node: table, caption};
};

const renderers: Record<ChartKind, ChartRenderer> = {bar: barChart, line: lineChart, choropleth: communeRanking};

/** Replaces how a kind of chart is drawn (the map component registers itself here). */
export function registerRenderer(kind: ChartKind, renderer: ChartRenderer): void {
  renderers[kind] = renderer;
}

export function rendererFor(kind: ChartKind): ChartRenderer {
  return renderers[kind];
}
