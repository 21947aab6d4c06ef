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
import {accessiblePlot} from "../charts/accessible-plot.js";
import {barChart} from "../charts/bar-chart.js";

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

function summedNote(summed: boolean, by: string): string {
  return summed ? ` (valeurs additionnées par ${by})` : "";
}

export const barRenderer: ChartRenderer = ({spec, rows, width}) => {
  const {data, summed, total} = barData(rows, spec);
  const caption =
    `${spec.y} par ${spec.x}${summedNote(summed, spec.x)}` +
    (total > data.length ? ` — les ${data.length} plus grandes valeurs sur ${total}` : "");
  const node = barChart(
    data.map((d) => ({label: d.x, value: d.y})),
    {width, format: fr, ariaLabel: caption, keepOrder: true, axisLabel: spec.y}
  );
  return {node, caption};
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
  return {node: accessiblePlot(plot, caption), caption};
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

const renderers: Record<ChartKind, ChartRenderer> = {bar: barRenderer, line: lineChart, choropleth: communeRanking};

/** Replaces how a kind of chart is drawn (the map component registers itself here). */
export function registerRenderer(kind: ChartKind, renderer: ChartRenderer): void {
  renderers[kind] = renderer;
}

export function rendererFor(kind: ChartKind): ChartRenderer {
  return renderers[kind];
}
