// The charts an indicator calls for, from its rows: one bar chart per breakdown axis, ranked bars
// of the communes (linked to their pages and to the map) for the year shown, and its lines over the
// years (the territory's, a breakdown's categories) across editions.
import {barChart} from "../charts/bar-chart.js";
import {lineChart} from "../charts/line-chart.js";
import {el} from "../ui/dom.js";
import {fileSlug} from "../export/download.js";
import {type FigureSpec, exportToolbar} from "../export/toolbar.js";
import {communeHref, embedChartHref, mapHref} from "../../lib/routes.js";
import {formatValue, unitCeiling, unitWord} from "../../lib/units.js";
import type {IndicatorRowDetail} from "../../lib/queries/index.js";
import {type TimeSeries, timeSeries} from "../../lib/programme/series.js";

export interface ChartSpec {
  /** Stable id, for tests and exports. */
  id: string;
  indicator: string;
  /**
   * What the chart shows: the communes, a breakdown axis (« dimension:sexe »), or the years
   * (« annees », « annees:sexe »).
   */
  kind: string;
  year: number;
  /** What the values measure, in words. */
  unit: string;
  title: string;
  subtitle: string;
  chart: (width: number) => SVGSVGElement | HTMLElement;
  /** The chart's data, as a table (for the CSV export). */
  rows: Record<string, string | number | null>[];
  /** A link beside the chart (the map, for communes). */
  link?: {href: string; label: string};
  /** The report's passages behind the plotted values (speaker notes of an exported slide). */
  passage?: string;
  /** How the exports read the chart, when its rows do not say it (a line, a picture). */
  figure?: FigureSpec;
}

/** The distinct passages of the plotted rows, in order. */
function passageOf(rows: Pick<IndicatorRowDetail, "quote">[]): string {
  return [...new Set(rows.map((r) => r.quote))].join(" […] ");
}

/** Charts for one indicator's level rows (not its evolution): `year`'s, then its years'. */
export function indicatorCharts(rows: IndicatorRowDetail[], year: number): ChartSpec[] {
  const level = rows.filter((r) => !r.indicator.endsWith("_evolution"));
  if (!level.length) return [];
  const {indicator, label, unit} = level[0];
  const format = (value: number) => formatValue(value, unit);
  const max = unitCeiling(unit);
  const specs: ChartSpec[] = [];
  const ofYear = level.filter((r) => r.year === year);

  const communes = ofYear.filter((r) => r.commune_code !== null);
  if (communes.length) {
    specs.push({
      id: `${indicator}-communes-${year}`,
      indicator,
      kind: "communes",
      year,
      unit,
      title: `${label} par commune`,
      subtitle: `${year} · classement des communes`,
      passage: passageOf(communes),
      rows: communes.map((r) => ({
        commune: r.commune,
        code_insee: r.commune_code,
        annee: r.year,
        valeur: r.value,
        statut: r.status
      })),
      chart: (width) =>
        barChart(
          communes.map((r) => ({
            label: r.commune ?? r.commune_code!,
            value: r.value,
            derived: r.status === "derive",
            href: communeHref(r.commune_code!)
          })),
          {width, format, ariaLabel: `${label} par commune en ${year}`, max}
        ),
      link: {href: mapHref({indicator, mode: "nombre", year}), label: "Voir sur la carte"}
    });
  }

  const dimensions = [
    ...new Set(ofYear.filter((r) => r.dimension !== null && r.commune_code === null).map((r) => r.dimension!))
  ];
  for (const dimension of dimensions) {
    const parts = ofYear.filter((r) => r.dimension === dimension && r.commune_code === null);
    specs.push({
      id: `${indicator}-${dimension}-${year}`,
      indicator,
      kind: `dimension:${dimension}`,
      year,
      unit,
      title: `${label} selon ${dimension === "territoire" ? "le territoire" : `: ${dimension}`}`.replace(
        "selon :",
        "selon"
      ),
      subtitle: `${year}`,
      passage: passageOf(parts),
      rows: parts.map((r) => ({dimension, categorie: r.category, annee: r.year, valeur: r.value, statut: r.status})),
      chart: (width) =>
        barChart(
          parts.map((r) => ({label: r.category ?? "", value: r.value, derived: r.status === "derive"})),
          {width, format, ariaLabel: `${label} selon ${dimension}, ${year}`, max}
        )
    });
  }

  for (const series of timeSeries(rows)) specs.push(timeSeriesSpec(series, level[0], year));
  return specs;
}

/**
 * The chart of a line or lines over the years: the territory's (« annees », drawn natively on a
 * slide) or a breakdown's categories (« annees:sexe », a picture on a slide), `year` marked.
 */
function timeSeriesSpec(series: TimeSeries, first: IndicatorRowDetail, year: number): ChartSpec {
  const {indicator, label, unit} = first;
  const points = series.lines.flatMap((l) => l.points);
  const latest = Math.max(...points.map((p) => p.year));
  // A breakdown drawn as one line names its category (« niveau : ≤ CAP »), as several its axis.
  const about =
    series.dimension === null
      ? ""
      : series.lines.length === 1
        ? ` (${series.dimension} : ${series.lines[0].name})`
        : ` selon ${series.dimension}`;
  const derived = points.some((p) => p.derived);
  const editions = [...new Set(points.map((p) => p.edition))].sort((a, b) => a - b);
  return {
    id: series.dimension === null ? `${indicator}-annees` : `${indicator}-${series.dimension}-annees`,
    indicator,
    kind: series.dimension === null ? "annees" : `annees:${series.dimension}`,
    year: latest,
    unit,
    title: `${label}${about} par année`,
    subtitle: [
      editions.length > 1 ? `éditions ${editions.join(", ")}` : `édition ${editions[0]}`,
      derived ? "point creux : calculé à partir de l’évolution publiée" : ""
    ]
      .filter(Boolean)
      .join(" · "),
    passage: passageOf(points.map((p) => ({quote: p.quote}))),
    rows: points.map((p) => ({
      ...(series.dimension === null
        ? {}
        : {serie: `${p.series}, ${p.year}`, dimension: p.dimension, categorie: p.category}),
      annee: p.year,
      valeur: p.value,
      statut: p.derived ? "derive" : "publie",
      edition: p.edition
    })),
    // One line is a native line chart on a slide; several lines are a picture with their values
    // as a table after it (one row per category and year).
    figure: series.dimension === null ? {kind: "line", label: "annee"} : {kind: "image", label: "serie"},
    chart: (width) =>
      lineChart(
        points.map((p) => ({series: p.series, year: p.year, value: p.value, derived: p.derived})),
        {
          width,
          format: (value) => formatValue(value, unit),
          ariaLabel: `${label}${about} par année, de ${Math.min(...points.map((p) => p.year))} à ${latest}`,
          max: unitCeiling(unit),
          highlight: year
        }
      )
  };
}

/**
 * A chart with its caption, link and export buttons; `embedded`, the chart alone (an embed's frame has its own title
 * and link).
 */
export function chartFigure(
  spec: ChartSpec,
  width: number,
  units: Record<string, string> = {},
  {embedded = false} = {}
): HTMLElement {
  const chart = spec.chart(width);
  const figure = el(
    "figure",
    {class: "chart-figure", "data-chart": spec.id},
    embedded
      ? null
      : el(
          "figcaption",
          {},
          el("strong", {}, spec.title),
          spec.subtitle ? el("span", {class: "muted"}, ` — ${spec.subtitle}`) : null
        ),
    chart,
    spec.link && !embedded
      ? el("p", {class: "chart-link no-print"}, el("a", {href: spec.link.href}, spec.link.label))
      : null
  );
  if (!embedded) {
    figure.append(
      exportToolbar({
        meta: {
          title: spec.title,
          subtitle: spec.subtitle || String(spec.year),
          unit: unitWord(spec.unit, units),
          date: String(spec.year),
          passage: spec.passage,
          fileBase: fileSlug(
            "graphique",
            spec.indicator.replace(/\./g, "-"),
            spec.kind.replace("dimension:", ""),
            spec.year
          )
        },
        chart: () => (chart instanceof SVGSVGElement ? chart : chart.querySelector("svg")),
        rows: () => spec.rows,
        figure: spec.figure ? () => spec.figure! : undefined,
        embed: () => embedChartHref({indicator: spec.indicator, chart: spec.kind, year: spec.year})
      })
    );
  }
  return figure;
}
