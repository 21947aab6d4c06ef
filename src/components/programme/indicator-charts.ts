// The charts an indicator calls for, from its rows: one bar chart per breakdown axis, ranked bars
// of the communes (linked to their pages and to the map), and the years side by side.
import {barChart} from "../charts/bar-chart.js";
import {el} from "../ui/dom.js";
import {fileSlug} from "../export/download.js";
import {exportToolbar} from "../export/toolbar.js";
import {communeHref, embedChartHref, mapHref} from "../../lib/routes.js";
import {formatValue, unitCeiling, unitWord} from "../../lib/units.js";
import type {IndicatorRowDetail} from "../../lib/queries/index.js";

export interface ChartSpec {
  /** Stable id, for tests and exports. */
  id: string;
  indicator: string;
  /** What the chart shows: the communes, a breakdown axis (« dimension:sexe »), or the years. */
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
}

/** The distinct passages of the plotted rows, in order. */
function passageOf(rows: IndicatorRowDetail[]): string {
  return [...new Set(rows.map((r) => r.quote))].join(" […] ");
}

/** Charts for one indicator's level rows (not its evolution) for `year`. */
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

  const years = level.filter((r) => r.commune_code === null && r.dimension === null).sort((a, b) => a.year - b.year);
  if (years.length > 1) {
    specs.push({
      id: `${indicator}-annees`,
      indicator,
      kind: "annees",
      year: years[years.length - 1].year,
      unit,
      title: `${label} par année`,
      subtitle: years.some((r) => r.status === "derive")
        ? "Valeur claire : calculée à partir de l’évolution publiée"
        : "",
      passage: passageOf(years),
      rows: years.map((r) => ({annee: r.year, valeur: r.value, statut: r.status})),
      chart: (width) =>
        barChart(
          years.map((r) => ({label: String(r.year), value: r.value, derived: r.status === "derive"})),
          {width, format, ariaLabel: `${label} par année`, keepOrder: true, max}
        )
    });
  }
  return specs;
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
        embed: () => embedChartHref({indicator: spec.indicator, chart: spec.kind, year: spec.year})
      })
    );
  }
  return figure;
}
