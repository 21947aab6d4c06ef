// The last level of the drill-down: one indicator with all its rows (years, communes, breakdowns),
// its unit and status, the formula of derived values, its source passages, its charts, and the
// comparison with the previous year when the data has several years.
import {formatEvolution, formatNumber, formatPercent} from "../../lib/format.js";
import {el} from "../ui/dom.js";
import {sourceDetails} from "../ui/figure-card.js";
import {amountValue} from "../ui/figure-value.js";
import type {IndicatorRowDetail, IndicatorSummaryRow} from "../../lib/queries/index.js";
import {sortableTable} from "../ui/sortable-table.js";
import {formatAmount, formatChange, unitWord} from "../../lib/units.js";
import {compareYears, seriesName} from "../../lib/programme/compare.js";
import {chartFigure, indicatorCharts} from "./indicator-charts.js";

interface IndicatorViewOptions {
  summary: IndicatorSummaryRow;
  rows: IndicatorRowDetail[];
  units: Record<string, string>;
  year: number;
  width: number;
  onYear: (year: number) => void;
}

export function indicatorView({summary, rows, units, year, width, onYear}: IndicatorViewOptions): HTMLElement {
  const amount = (value: number, status: string | null) => amountValue(value, summary.unit, status, units);
  const years = summary.years;
  const derived = rows.filter((r) => r.status === "derive");
  const facts = el(
    "dl",
    {class: "facts"},
    el("dt", {}, "Unité"),
    el("dd", {}, unitWord(summary.unit, units)),
    el("dt", {}, "Années"),
    el("dd", {}, years.join(", ")),
    el("dt", {}, "Valeurs"),
    el(
      "dd",
      {},
      `${formatNumber(rows.length)} (${formatNumber(rows.length - derived.length)} publiées, ${formatNumber(derived.length)} calculées)`
    ),
    el("dt", {}, "Identifiant"),
    el("dd", {}, el("code", {}, summary.indicator))
  );
  const yearChoice =
    years.length > 1
      ? el(
          "label",
          {class: "field inline"},
          "Année affichée ",
          el(
            "select",
            {name: "annee", onchange: (e: Event) => onYear(Number((e.target as HTMLSelectElement).value))},
            years.map((y) => el("option", {value: y, selected: y === year}, String(y)))
          )
        )
      : null;
  const charts = indicatorCharts(rows, year).map((spec) => chartFigure(spec, Math.min(width, 760), units));

  const comparison =
    years.length > 1 && summary.unit !== "evolution_pct"
      ? (() => {
          const [previous, current] = [years[years.length - 2], years[years.length - 1]];
          const lines = compareYears(rows, previous, current);
          return el(
            "section",
            {class: "comparison-view"},
            el("h3", {}, `Comparaison ${previous} → ${current}`),
            sortableTable({
              caption: `${summary.label} : ${previous} et ${current}, évolution`,
              rows: lines,
              columns: [
                {label: "Série", value: (l) => l.series},
                {
                  label: String(previous),
                  value: (l) => l.previous,
                  cell: (l) => (l.previous === null ? "—" : amount(l.previous, l.derived ? "derive" : "publie")),
                  numeric: true
                },
                {
                  label: String(current),
                  value: (l) => l.current,
                  cell: (l) => (l.current === null ? "—" : formatAmount(l.current, summary.unit, units)),
                  numeric: true
                },
                {
                  label: "Variation",
                  value: (l) => l.change,
                  cell: (l) => (l.change === null ? "—" : formatChange(l.change, summary.unit, units, l.derived)),
                  numeric: true
                },
                {
                  label: "Variation (%)",
                  value: (l) => l.change_pct,
                  cell: (l) => (l.change_pct === null ? "—" : formatEvolution(l.change_pct)),
                  numeric: true
                }
              ]
            }),
            derived.length
              ? el(
                  "p",
                  {class: "muted"},
                  "« calculé » : valeur déduite d’un chiffre publié (voir sa formule ci-dessous), le rapport ne l’imprime pas."
                )
              : null
          );
        })()
      : null;

  const table = sortableTable<IndicatorRowDetail>({
    caption: `${summary.label} : toutes les valeurs`,
    rows,
    sort: {column: 0, descending: false},
    columns: [
      {label: "Série", value: (r) => `${r.indicator.endsWith("_evolution") ? "Évolution · " : ""}${seriesName(r)}`},
      {label: "Année", value: (r) => r.year, numeric: true},
      {
        label: "Valeur",
        value: (r) => r.value,
        cell: (r) => amountValue(r.value, r.unit, r.status, units),
        numeric: true
      },
      {
        label: "Statut",
        value: (r) => r.status,
        cell: (r) => (r.status === "derive" ? el("span", {class: "badge-derive"}, "calculé") : "publié")
      },
      {
        label: "Formule",
        value: (r) => r.derivation ?? "",
        cell: (r) => (r.derivation ? el("code", {class: "formula"}, r.derivation) : "—")
      },
      {label: "Source", value: (r) => r.quote, cell: (r) => sourceDetails(r.quote, "Passage")}
    ]
  });

  return el(
    "section",
    {class: "indicator-view", "data-indicator": summary.indicator},
    el("h2", {}, summary.label),
    facts,
    summary.value !== null
      ? el(
          "p",
          {class: "figure-value"},
          amount(summary.value, summary.status),
          el("span", {class: "muted"}, ` en ${summary.latest_year}`),
          summary.evolution !== null
            ? el("span", {class: summary.evolution >= 0 ? "up" : "down"}, ` ${formatEvolution(summary.evolution)}`)
            : null
        )
      : null,
    yearChoice,
    charts,
    comparison,
    el("h3", {class: "section-heading"}, "Toutes les valeurs"),
    table,
    el(
      "p",
      {class: "muted"},
      `Pourcentages : parts de 0 à 100 (${formatPercent(12.5)}) ; évolutions signées (${formatEvolution(17)}). Les valeurs calculées sont déduites de chiffres publiés par la formule indiquée.`
    )
  );
}
