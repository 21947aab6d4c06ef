// The site's bar chart, drawn with Observable Plot: horizontal bars for a programme's breakdowns,
// communes and years, and for the explorer's results, with French number formats; derived
// (computed) values drawn lighter and said so; every chart named for screen readers.
import * as Plot from "npm:@observablehq/plot";
import {shorten} from "../../lib/text.js";
import {FONT_STACK} from "../ui/font.js";
import {accessiblePlot} from "./accessible-plot.js";

export interface BarDatum {
  label: string;
  value: number;
  /** A computed value, not printed in the report. */
  derived?: boolean;
  /** Where the bar leads (a commune's page). */
  href?: string;
}

export interface BarChartOptions {
  width: number;
  format: (value: number) => string;
  /** What the chart shows, for screen readers and exports. */
  ariaLabel: string;
  /** Keep the given order (years) instead of sorting by value. */
  keepOrder?: boolean;
  /** Upper bound of the axis (100 for shares). */
  max?: number;
  /** Title of the value axis (the explorer's column); none by default (the caption says it). */
  axisLabel?: string | null;
}

const PUBLISHED = "#1f5fa8";
const DERIVED = "#9dbbe0";

/** A bar's label: derived values are rounded and marked, as everywhere else. */
function barText(d: BarDatum, format: (value: number) => string): string {
  return d.derived
    ? `≈\u202f${format(Math.abs(d.value) >= 100 ? Math.round(d.value) : d.value)} (calculé)`
    : format(d.value);
}

/** Width of a character of the charts' 13 px sans-serif, generously (DejaVu Sans runs wide). */
const CHAR_PX = 8;

export function barChart(data: BarDatum[], options: BarChartOptions): SVGSVGElement | HTMLElement {
  const {width, format, ariaLabel, keepOrder = false, max, axisLabel = null} = options;
  const longest = Math.max(...data.map((d) => d.label.length), 4);
  const marginLeft = Math.min(Math.max(80, longest * CHAR_PX + 16), width * 0.45);
  // The value printed after each bar must fit too (« 2 630 436,43 € », « ≈ 254 (calculé) »).
  const marginRight = Math.min(
    Math.max(40, Math.max(...data.map((d) => barText(d, format).length)) * CHAR_PX + 10),
    width * 0.35
  );
  const inner = width - marginLeft - marginRight;
  const highest = Math.max(...data.map((d) => d.value), max ?? 0);
  // A result may hold negative values (the explorer): the axis then starts below zero.
  const lowest = Math.min(...data.map((d) => d.value), 0);
  const tickRoom = format(highest).length * CHAR_PX + 24;
  const labels = data.map((d) => d.label);
  const chart = Plot.plot({
    width,
    height: data.length * 30 + 40,
    marginLeft,
    marginRight,
    style: {fontSize: "13px", fontFamily: FONT_STACK},
    // As many ticks as their labels leave room for (« 2 000 000 € » needs ~100 px); none where two
    // do not fit (a phone): each bar prints its value anyway.
    x: {
      domain: [lowest, highest || 1],
      grid: true,
      tickFormat: format,
      label: axisLabel,
      ticks: Math.floor(inner / tickRoom) >= 2 ? Math.floor(inner / tickRoom) : 0,
      axis: Math.floor(inner / tickRoom) >= 2 ? "bottom" : null
    },
    // A label longer than the margin holds is shortened (the bar's tooltip and the table keep it whole).
    y: {
      domain: keepOrder ? labels : undefined,
      label: null,
      tickSize: 0,
      tickFormat: (label: string) => shorten(label, Math.min(40, Math.floor((marginLeft - 16) / CHAR_PX)))
    },
    marks: [
      Plot.barX(data, {
        x: "value",
        y: "label",
        fill: (d: BarDatum) => (d.derived ? DERIVED : PUBLISHED),
        href: (d: BarDatum) => d.href ?? null,
        sort: keepOrder ? undefined : {y: "-x"},
        title: (d: BarDatum) => `${d.label} : ${barText(d, format)}`
      }),
      Plot.text(data, {
        x: "value",
        y: "label",
        text: (d: BarDatum) => barText(d, format),
        textAnchor: "start",
        dx: 5,
        fill: "currentColor"
      }),
      Plot.ruleX([0])
    ]
  });
  return accessiblePlot(chart, ariaLabel);
}
