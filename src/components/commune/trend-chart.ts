// A figure's years on a commune sheet: a line with a dot per year, the first and last values
// labelled, drawn by Plot at the card's width (a 390 px phone too). Only for a figure given for two
// years or more: a single year draws no chart.
import * as Plot from "npm:@observablehq/plot";
import {formatValue} from "../../lib/units.js";
import {accessiblePlot} from "../charts/accessible-plot.js";

export interface TrendPoint {
  year: number;
  value: number;
  /** A derived value (computed, not printed): an open dot. */
  derived: boolean;
}

export function trendChart({
  points,
  unit,
  label,
  width
}: {
  points: TrendPoint[];
  unit: string;
  /** What the figure is, for the chart's accessible name. */
  label: string;
  width: number;
}): Element {
  const years = points.map((p) => p.year);
  const values = points.map((p) => p.value);
  const [first, last] = [points[0], points[points.length - 1]];
  const [low, high] = [Math.min(...values), Math.max(...values)];
  // A little room above and below the line, so that the end labels never touch the frame.
  const pad = (high - low) * 0.15 || Math.abs(high) * 0.1 || 1;
  const format = (v: number) => formatValue(v, unit);
  const chart = Plot.plot({
    width,
    height: 84,
    marginTop: 16,
    marginBottom: 20,
    // The end labels sit beside their dots: room for a label of six or seven characters.
    marginLeft: 44,
    marginRight: 44,
    style: {fontSize: "12px", fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"},
    x: {domain: [years[0], years[years.length - 1]], ticks: years, tickFormat: String, tickSize: 3, label: null},
    y: {domain: [low - pad, high + pad], axis: null},
    marks: [
      Plot.line(points, {x: "year", y: "value", stroke: "#1f63b4", strokeWidth: 2}),
      Plot.dot(points, {
        x: "year",
        y: "value",
        r: 3.5,
        stroke: "#1f63b4",
        strokeWidth: 1.5,
        fill: (p: TrendPoint) => (p.derived ? "#ffffff" : "#1f63b4")
      }),
      // Plot's text anchor is one for a mark: the first value left of its dot, the last right of it.
      Plot.text([first], {
        x: "year",
        y: "value",
        text: (p: TrendPoint) => format(p.value),
        textAnchor: "end",
        dx: -7,
        fontWeight: 600
      }),
      Plot.text([last], {
        x: "year",
        y: "value",
        text: (p: TrendPoint) => format(p.value),
        textAnchor: "start",
        dx: 7,
        fontWeight: 600
      })
    ]
  });
  const said = points.map((p) => `${p.year} : ${format(p.value)}`).join(", ");
  const figure = accessiblePlot(chart as Element, `${label}, année par année : ${said}`);
  figure.classList.add("trend-chart");
  return figure;
}
