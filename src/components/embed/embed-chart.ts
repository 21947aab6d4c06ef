// /embed/graphique: one chart of an indicator alone, in its embed frame, for an iframe on another
// site: /embed/graphique?indicateur=…&graphique=…&annee=…. What the data lacks is said in words.
import type {IndicatorRowDetail} from "../../lib/queries/index.js";
import {indicatorRows} from "../../lib/queries/index.js";
import {fromSnapshot, type Prerendered, type Snapshot} from "../../lib/queries/snapshot.js";
import {programmeHref} from "../../lib/routes.js";
import {type ChartSpec, chartFigure, indicatorCharts} from "../programme/indicator-charts.js";
import {readParams} from "../ui/url-state.js";
import {embedError, embedFrame} from "./embed-frame.js";

export const CHART_PARAMS = ["indicateur", "graphique", "annee"] as const;
export type ChartParams = Partial<Record<(typeof CHART_PARAMS)[number], string>>;

export interface EmbedChartChoice {
  spec: ChartSpec;
  /** The indicator's page on the site. */
  fullHref: string;
}

/**
 * The chart the parameters ask for, among the indicator's rows: its kind for the year asked (the
 * indicator's latest year by default), or its first chart when it has no chart of that kind.
 */
export function chooseChart(rows: IndicatorRowDetail[], params: ChartParams): EmbedChartChoice | {error: string} {
  if (!params.indicateur) {
    return {error: "Graphique introuvable : l’adresse ne précise pas l’indicateur (paramètre indicateur)."};
  }
  const level = rows.find((r) => !r.indicator.endsWith("_evolution"));
  if (!level) return {error: `Graphique introuvable : l’indicateur « ${params.indicateur} » n’existe pas.`};
  const asked = Number(params.annee);
  const latest = rows.reduce((max, r) => Math.max(max, r.year), level.year);
  const year = Number.isInteger(asked) && asked > 0 ? asked : latest;
  const charts = indicatorCharts(rows, year);
  const spec = charts.find((s) => s.kind === params.graphique) ?? charts[0];
  if (!spec) return {error: "Graphique introuvable : vérifiez les paramètres indicateur, graphique et annee."};
  return {spec, fullHref: programmeHref(level.programme, {section: level.section, indicator: level.indicator})};
}

export interface EmbedChartOptions {
  /** Every indicator's build-time rows (lignes.json). */
  rowsFile: Prerendered;
  /** For the units' words. */
  snapshot: Snapshot;
  width: number;
  /** The chart asked for; the current URL's by default. */
  params?: ChartParams;
}

export function embedChart(options: EmbedChartOptions): HTMLElement {
  const {rowsFile, snapshot, width, params = readParams(CHART_PARAMS)} = options;
  const rows = fromSnapshot(rowsFile, indicatorRows(params.indicateur ?? "")) ?? [];
  const choice = chooseChart(rows, params);
  if ("error" in choice) return embedError(choice.error);
  const {spec, fullHref} = choice;
  return embedFrame({
    title: spec.title,
    subtitle: spec.subtitle,
    content: chartFigure(spec, Math.min(width, 900), snapshot.units, {embedded: true}),
    fullHref
  });
}
