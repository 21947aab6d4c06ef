// The site's time-series chart, drawn with Observable Plot: one line per series over the years, a
// dot per year labelled with its French value. A derived (computed) point is hollow and said
// « ≈ … (calculé) », and the segments that reach it are dashed: a reader never takes it for a
// printed figure. Named for screen readers like every chart of the site (accessible-plot.ts).
import * as Plot from "npm:@observablehq/plot";
import {FONT_STACK} from "../ui/font.js";
import {accessiblePlot} from "./accessible-plot.js";

export interface LinePoint {
  /** The line it belongs to (one line: any constant). */
  series: string;
  year: number;
  value: number;
  /** A computed value, not printed in the report. */
  derived?: boolean;
}

export interface LineChartOptions {
  width: number;
  format: (value: number) => string;
  /** What the chart shows, for screen readers and exports. */
  ariaLabel: string;
  /** Upper bound of the axis (100 for shares). */
  max?: number;
  /** A year to mark (the one the page shows in its other charts). */
  highlight?: number | null;
}

/** The site's blue first (bar-chart.ts), then colours told apart by colour-blind readers. */
const COLOURS = ["#1f5fa8", "#c05a1a", "#2f7d4f", "#7a4fa3", "#8a6d1e", "#b0306a"];
const CHAR_PX = 7.5;

/** A point's label: a derived value rounded and marked, on two lines (it must fit between years). */
export function pointText(d: LinePoint, format: (value: number) => string): string {
  return d.derived
    ? `≈\u202f${format(Math.abs(d.value) >= 100 ? Math.round(d.value) : d.value)}\n(calculé)`
    : format(d.value);
}

interface Segment {
  id: number;
  series: string;
  year: number;
  value: number;
  dashed: boolean;
}

/** Each pair of consecutive years of a line, twice (its two ends); dashed when an end is derived. */
function segments(points: LinePoint[]): Segment[] {
  const out: Segment[] = [];
  let id = 0;
  for (const series of new Set(points.map((p) => p.series))) {
    const line = points.filter((p) => p.series === series).sort((a, b) => a.year - b.year);
    for (let i = 1; i < line.length; i++) {
      const dashed = Boolean(line[i - 1].derived || line[i].derived);
      for (const p of [line[i - 1], line[i]]) out.push({id, series, year: p.year, value: p.value, dashed});
      id++;
    }
  }
  return out;
}

export function lineChart(points: LinePoint[], options: LineChartOptions): SVGSVGElement | HTMLElement {
  const {width, format, ariaLabel, max, highlight = null} = options;
  const series = [...new Set(points.map((p) => p.series))];
  const several = series.length > 1;
  const first = Math.min(...points.map((p) => p.year));
  const last = Math.max(...points.map((p) => p.year));
  // Every year between the first and the last has its place, so that a missing year shows as a gap.
  const years = Array.from({length: last - first + 1}, (_, i) => first + i);
  const highest = Math.max(...points.map((p) => p.value), max ?? 0);
  const lowest = Math.min(...points.map((p) => p.value), 0);
  const top = max !== undefined && highest <= max ? max : highest * 1.12 || 1;
  // With several lines, the highest label of a year goes above its dot, the lowest below, the others
  // only in the table and the tooltips (they would overlap).
  const placed = points.map((p) => {
    const same = points.filter((q) => q.year === p.year).sort((a, b) => b.value - a.value);
    const rank = same.indexOf(p);
    const where = rank === 0 ? "above" : rank === same.length - 1 ? "below" : "none";
    return {...p, where};
  });
  const lastOf = series.map((s) => placed.filter((p) => p.series === s).sort((a, b) => b.year - a.year)[0]);
  const marginLeft = Math.max(40, format(top).length * CHAR_PX + 14);
  const marginRight = several ? Math.min(Math.max(...series.map((s) => s.length)) * CHAR_PX + 18, width * 0.3) : 20;
  const colour = (name: string) => COLOURS[series.indexOf(name) % COLOURS.length];
  const text = (d: LinePoint) => pointText(d, format);
  const tooltip = (d: LinePoint) => `${several ? `${d.series}, ` : ""}${d.year} : ${text(d).replace("\n", " ")}`;
  const chart = Plot.plot({
    width,
    height: 260,
    marginLeft,
    marginRight,
    marginTop: 34,
    marginBottom: 36,
    style: {fontSize: "13px", fontFamily: FONT_STACK},
    x: {type: "point", domain: years, padding: 0.45, label: null, tickFormat: (y: number) => String(y), tickSize: 0},
    y: {domain: [lowest, top], grid: true, label: null, ticks: 4, tickFormat: format},
    marks: [
      highlight !== null && years.includes(highlight)
        ? Plot.ruleX([highlight], {stroke: "currentColor", strokeOpacity: 0.07, strokeWidth: 18})
        : null,
      Plot.ruleY([lowest]),
      Plot.lineY(
        segments(points).filter((s) => !s.dashed),
        {x: "year", y: "value", z: "id", stroke: (s: Segment) => colour(s.series), strokeWidth: 2.5}
      ),
      Plot.lineY(
        segments(points).filter((s) => s.dashed),
        {
          x: "year",
          y: "value",
          z: "id",
          stroke: (s: Segment) => colour(s.series),
          strokeWidth: 2.5,
          strokeDasharray: "5,4"
        }
      ),
      Plot.dot(points, {
        x: "year",
        y: "value",
        r: 5,
        stroke: (d: LinePoint) => colour(d.series),
        strokeWidth: 2,
        fill: (d: LinePoint) => (d.derived ? "white" : colour(d.series)),
        title: tooltip
      }),
      ...(["above", "below"] as const).map((where) =>
        Plot.text(
          placed.filter((p) => p.where === where),
          {
            x: "year",
            y: "value",
            text,
            dy: where === "above" ? -11 : 11,
            lineAnchor: where === "above" ? "bottom" : "top",
            fill: several ? (d: LinePoint) => colour(d.series) : "currentColor",
            stroke: "white",
            strokeWidth: 4,
            className: "value-label"
          }
        )
      ),
      several
        ? Plot.text(lastOf, {
            x: "year",
            y: "value",
            text: "series",
            textAnchor: "start",
            dx: 10,
            fill: (d: LinePoint) => colour(d.series),
            fontWeight: 600,
            stroke: "white",
            strokeWidth: 4,
            className: "value-label"
          })
        : null
    ]
  });
  return accessiblePlot(chart, ariaLabel);
}
