// The last level of the drill-down: one indicator with all its figures across editions (years,
// communes, breakdowns), its unit and status, the formula of derived values, its source passages;
// the year shown (a selector, `annee` in the URL) with its value compared with the year before and
// its charts; its lines over the years with a table by year saying which edition each value comes from.
import {changesInPoints, formatChangeAmount, formatChangeLabel} from "../../lib/change.js";
import {formatEvolution, formatNumber, formatPercent, withUnit} from "../../lib/format.js";
import {compareWithPrevious, headlineAt} from "../../lib/programme/headline.js";
import {rowGroups} from "../../lib/programme/row-groups.js";
import {TERRITORY, type YearPoint, timeSeries} from "../../lib/programme/series.js";
import {el} from "../ui/dom.js";
import {yearChoice} from "./year-choice.js";
import {sourceDetails} from "../ui/figure-card.js";
import {amountValue, figureValue} from "../ui/figure-value.js";
import type {IndicatorRowDetail, IndicatorSummaryRow} from "../../lib/queries/index.js";
import {type Column, sortableTable} from "../ui/sortable-table.js";
import {formatValue, unitWord} from "../../lib/units.js";
import {compareYears, type ComparisonRow} from "../../lib/programme/compare.js";
import {chartFigure, indicatorCharts} from "./indicator-charts.js";
import {comparisonLine} from "./comparison.js";

interface IndicatorViewOptions {
  summary: IndicatorSummaryRow;
  rows: IndicatorRowDetail[];
  units: Record<string, string>;
  year: number;
  /** Why the year asked for is not the one shown (from the URL), in French. */
  yearNotice?: string | null;
  width: number;
  onYear: (year: number) => void;
}

const statusCell = (status: string | null) =>
  status === "derive" ? el("span", {class: "badge-derive"}, "calculé") : "publié";

/** The year shown, its value and its comparison with the year before. */
function headline(
  summary: IndicatorSummaryRow,
  rows: IndicatorRowDetail[],
  year: number,
  units: Record<string, string>
): HTMLElement[] {
  const figures = headlineAt(rows, summary.indicator, year);
  if (!figures) return [];
  const {current, previous, evolution} = figures;
  return [
    el(
      "p",
      {class: "figure-value"},
      amountValue(current.value, summary.unit, current.status, units),
      el("span", {class: "muted"}, ` en ${year}`)
    ),
    comparisonLine(compareWithPrevious(current, previous, evolution, summary.unit, units), summary.unit, units)
  ].filter((node): node is HTMLElement => node !== null);
}

/** « +1 000 entretiens (+6,2 %) »: the report's printed evolution when it gives one, else the computed one. */
function changeOverYear(p: YearPoint, unit: string, units: Record<string, string>): string {
  if (!p.change) return "—";
  if (p.printedEvolution === null || changesInPoints(unit))
    return formatChangeLabel(p.change, unit, units, p.changeDerived);
  return `${formatChangeAmount(p.change, unit, units, p.changeDerived)} (${formatEvolution(p.printedEvolution)})`;
}

/** The table by year: each line's values, their change since the year before, edition and status. */
function yearTable(label: string, unit: string, points: YearPoint[], units: Record<string, string>): HTMLElement {
  const several = new Set(points.map((p) => p.series)).size > 1 || points[0]?.series !== TERRITORY;
  const columns: Column<YearPoint>[] = [
    ...(several ? [{label: "Série", value: (p: YearPoint) => p.series}] : []),
    {label: "Année", value: (p) => p.year, numeric: true},
    {
      label: `Valeur (${unitWord(unit, units)})`,
      value: (p) => p.value,
      cell: (p) => figureValue(p.value, unit, p.derived ? "derive" : "publie", formatValue(p.value, unit)),
      numeric: true
    },
    {
      label: "Sur un an",
      value: (p) => p.change?.absolute ?? null,
      cell: (p) => (p.change ? changeOverYear(p, unit, units) : "—"),
      numeric: true
    },
    {label: "Édition", value: (p) => p.edition, numeric: true},
    {
      label: "Statut",
      value: (p) => (p.derived ? "derive" : "publie"),
      cell: (p) => statusCell(p.derived ? "derive" : "publie")
    }
  ];
  return sortableTable({
    caption: `${label} : valeurs par année et édition du rapport`,
    rows: points,
    columns,
    rowKey: (p) => `${p.series}:${p.year}`
  });
}

/** The year shown against the year before, one line per series (territory, communes, categories). */
function comparisonTable(
  summary: IndicatorSummaryRow,
  rows: IndicatorRowDetail[],
  year: number,
  units: Record<string, string>
): HTMLElement | null {
  const previousYear = year - 1;
  if (summary.unit === "evolution_pct" || !summary.years.includes(previousYear)) return null;
  const lines = compareYears(rows, previousYear, year);
  // One series is said by the headline already; the table is for communes and breakdowns side by side.
  if (lines.length < 2 || !lines.some((l) => l.change !== null)) return null;
  const amount = (value: number, derived: boolean) =>
    amountValue(value, summary.unit, derived ? "derive" : "publie", units);
  const columns: Column<ComparisonRow>[] = [
    {label: "Série", value: (l) => l.series},
    {
      label: String(previousYear),
      value: (l) => l.previous,
      cell: (l) => (l.previous === null ? "—" : amount(l.previous, l.previousDerived)),
      numeric: true
    },
    {
      label: String(year),
      value: (l) => l.current,
      cell: (l) => (l.current === null ? "—" : amount(l.current, l.currentDerived)),
      numeric: true
    },
    {
      label: changesInPoints(summary.unit) ? "Variation (points)" : "Variation",
      value: (l) => l.change?.absolute ?? null,
      cell: (l) => (l.change ? formatChangeAmount(l.change, summary.unit, units, l.derived) : "—"),
      numeric: true
    },
    // A share moves in points only: its change in % would say « +23 % » for 56 % → 69 %.
    ...(changesInPoints(summary.unit)
      ? []
      : [
          {
            label: "Variation (%)",
            value: (l: ComparisonRow) => l.change?.relative ?? null,
            cell: (l: ComparisonRow) =>
              l.change?.relative === null || !l.change ? "—" : formatEvolution(l.change.relative),
            numeric: true
          }
        ])
  ];
  return el(
    "section",
    {class: "comparison-view"},
    el("h3", {}, `Comparaison ${previousYear} → ${year}`),
    sortableTable({caption: `${summary.label} : ${previousYear} et ${year}, évolution`, rows: lines, columns}),
    lines.some((l) => l.derived)
      ? el(
          "p",
          {class: "muted"},
          "« calculé » : valeur déduite d’un chiffre publié (voir sa formule ci-dessous), le rapport ne l’imprime pas."
        )
      : null
  );
}

/** « Toutes les valeurs »: the territory, each breakdown axis, the communes, each its own table. */
function allValues(summary: IndicatorSummaryRow, rows: IndicatorRowDetail[], units: Record<string, string>) {
  return rowGroups(rows).map((group) => {
    const seriesLabel = group.key === "communes" ? "Commune" : group.key === "territoire" ? "Série" : "Catégorie";
    // The group says what the rows are: the territory's rows are its level and its evolution.
    const evolution = (r: IndicatorRowDetail) => r.indicator.endsWith("_evolution");
    const name = (r: IndicatorRowDetail) =>
      group.key === "territoire"
        ? evolution(r)
          ? "Évolution"
          : "Valeur"
        : `${evolution(r) ? "Évolution · " : ""}${r.commune ?? r.category ?? ""}`;
    return el(
      "div",
      {class: "value-group", "data-group": group.key},
      sortableTable<IndicatorRowDetail>({
        caption: `${summary.label} : toutes les valeurs — ${group.title.toLowerCase()}`,
        rows: group.rows,
        sort: {column: 0, descending: false},
        columns: [
          {label: seriesLabel, value: name},
          {label: "Année", value: (r) => r.year, numeric: true},
          {
            label: "Valeur",
            value: (r) => r.value,
            cell: (r) => amountValue(r.value, r.unit, r.status, units),
            numeric: true
          },
          {label: "Statut", value: (r) => r.status, cell: (r) => statusCell(r.status)},
          {label: "Édition", value: (r) => r.report_year, numeric: true},
          {
            label: "Formule",
            value: (r) => r.derivation ?? "",
            cell: (r) => (r.derivation ? el("code", {class: "formula"}, r.derivation) : "—")
          },
          {label: "Source", value: (r) => r.quote, cell: (r) => sourceDetails(r.quote, "Passage")}
        ]
      })
    );
  });
}

export function indicatorView({
  summary,
  rows,
  units,
  year,
  yearNotice = null,
  width,
  onYear
}: IndicatorViewOptions): HTMLElement {
  const years = summary.years;
  const derived = rows.filter((r) => r.status === "derive").length;
  const editions = [...new Set(rows.map((r) => r.report_year))].sort((a, b) => a - b);
  const facts = el(
    "dl",
    {class: "facts"},
    el("dt", {}, "Unité"),
    el("dd", {}, unitWord(summary.unit, units)),
    el("dt", {}, years.length > 1 ? "Années" : "Année"),
    el("dd", {}, years.join(", ")),
    el("dt", {}, editions.length > 1 ? "Éditions" : "Édition"),
    el(
      "dd",
      {},
      editions.join(", "),
      summary.in_latest ? null : el("span", {class: "muted"}, " (absent de la dernière édition)")
    ),
    el("dt", {}, "Valeurs"),
    el(
      "dd",
      {},
      `${formatNumber(rows.length)} (${withUnit(rows.length - derived, "publiées")}, ` +
        `${withUnit(derived, "calculées")})`
    ),
    el("dt", {}, "Identifiant"),
    el("dd", {}, el("code", {}, summary.indicator))
  );
  const specs = indicatorCharts(rows, year);
  const chartWidth = Math.min(width, 760);
  const ofYear = specs.filter((s) => !s.kind.startsWith("annees"));
  const overYears = specs.filter((s) => s.kind.startsWith("annees"));
  const points = timeSeries(rows).flatMap((s) => s.lines.flatMap((l) => l.points));

  return el(
    "section",
    {class: "indicator-view", "data-indicator": summary.indicator},
    el("h2", {}, summary.label),
    facts,
    yearNotice ? el("p", {class: "error-box year-notice", role: "alert"}, yearNotice) : null,
    yearChoice(years, year, onYear),
    headline(summary, rows, year, units),
    overYears.length
      ? el(
          "section",
          {class: "years-view"},
          el("h3", {}, "Par année"),
          overYears.map((spec) => chartFigure(spec, chartWidth, units)),
          yearTable(summary.label, summary.unit, points, units)
        )
      : null,
    ofYear.length && years.length > 1 ? el("h3", {class: "section-heading"}, `En ${year}`) : null,
    ofYear.map((spec) => chartFigure(spec, chartWidth, units)),
    comparisonTable(summary, rows, year, units),
    el("h3", {class: "section-heading"}, "Toutes les valeurs"),
    allValues(summary, rows, units),
    el(
      "p",
      {class: "muted"},
      `Pourcentages : parts de 0 à 100 (${formatPercent(12.5)}) ; évolutions signées (${formatEvolution(17)}) ; ` +
        "l’écart entre deux parts se dit en points. Les valeurs calculées sont déduites de chiffres publiés " +
        "par la formule indiquée. Chaque année vient de la dernière édition du rapport qui l’imprime."
    )
  );
}
