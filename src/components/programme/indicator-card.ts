// An indicator as a card on its programme's page: its headline value (or its breakdown in brief),
// the comparison with the previous year, what else it holds, and the way to its detail.
import {computeChange, formatChangeLabel} from "../../lib/change.js";
import {withUnit} from "../../lib/format.js";
import {compareWithPrevious} from "../../lib/programme/headline.js";
import {el} from "../ui/dom.js";
import {sourceDetails} from "../ui/figure-card.js";
import {amountValue as amount} from "../ui/figure-value.js";
import type {IndicatorRowDetail, IndicatorSummaryRow} from "../../lib/queries/index.js";
import {programmeHref} from "../../lib/routes.js";
import {comparisonLine} from "./comparison.js";
import {sourceLine} from "../../lib/editions.js";
import {programmeLabel} from "../../lib/programmes.js";
import {formatDerived, formatValue, unitWord} from "../../lib/units.js";
import {keyFigureState} from "../export/dossier-store.js";
import {fileSlug} from "../export/download.js";
import {keyFigureExport} from "../export/key-figure.js";
import {objectiveBullet} from "../charts/objective-bullet.js";

/** The latest year's breakdown, each part with its change since the year before when it has one. */
function brief(rows: IndicatorRowDetail[], year: number, units: Record<string, string>): HTMLElement | null {
  const parts = rows.filter((r) => r.year === year && r.dimension !== null && r.commune_code === null);
  if (!parts.length) return null;
  const before = (r: IndicatorRowDetail) =>
    rows.find(
      (p) => p.year === year - 1 && p.dimension === r.dimension && p.category === r.category && p.commune_code === null
    );
  return el(
    "ul",
    {class: "brief"},
    parts.slice(0, 6).map((r) => {
      const previous = before(r);
      const change = previous ? computeChange(previous.value, r.value, r.unit) : null;
      const derived = previous?.status === "derive" || r.status === "derive";
      return el(
        "li",
        {},
        el("span", {class: "muted"}, `${r.category} : `),
        amount(r.value, r.unit, r.status, units),
        change
          ? el("span", {class: "muted"}, ` · ${formatChangeLabel(change, r.unit, units, derived)} depuis ${year - 1}`)
          : null
      );
    }),
    parts.length > 6 ? el("li", {class: "muted"}, `… et ${withUnit(parts.length - 6, "autres")}`) : null
  );
}

export function indicatorCard(
  summary: IndicatorSummaryRow,
  rows: IndicatorRowDetail[],
  units: Record<string, string>,
  programmeSlug: string,
  /** The year the overview shows, when the reader chose one: the drill-down opens on it. */
  year: number | null = null
): HTMLElement {
  const own = rows.filter((r) => r.indicator === summary.indicator);
  // Without a headline value, only the printed evolution can be said (the previous value is not
  // compared with anything, and the current one is not read).
  const comparison = compareWithPrevious(
    {year: summary.latest_year, value: summary.value ?? 0, status: summary.status},
    summary.value === null || summary.previous === null
      ? null
      : {year: summary.latest_year - 1, value: summary.previous, status: summary.previous_status},
    summary.evolution,
    summary.unit,
    units
  );
  const meta = [
    summary.years.length > 1 ? `${summary.years.join(", ")}` : `${summary.latest_year}`,
    summary.communes ? withUnit(summary.communes, "communes") : null,
    summary.dimensions.length ? `selon ${summary.dimensions.join(", ")}` : null
  ].filter(Boolean);
  const href = programmeHref(programmeSlug, {section: summary.section, indicator: summary.indicator, year});
  const line = comparisonLine(comparison, summary.unit, units);
  if (line && comparison?.printed && summary.evolution_indicator) line.dataset.indicator = summary.evolution_indicator;
  // A headline value exports like a chart: PNG, PowerPoint, the dossier.
  const value = summary.value;
  const exporter =
    value === null
      ? null
      : keyFigureExport(
          () => ({
            label: summary.label,
            value: summary.status === "derive" ? formatDerived(value, summary.unit) : formatValue(value, summary.unit),
            derived: summary.status === "derive",
            unit: unitWord(summary.unit, units),
            year: summary.latest_year,
            context: `${programmeLabel(summary.programme)} · ${summary.section}`,
            // As the card says it: « +7 points par rapport à 2022 (45 %) ».
            change: comparison
              ? `${comparison.label} par rapport à ${comparison.since}` +
                (comparison.previous
                  ? ` (${(comparison.previous.status === "derive" ? formatDerived : formatValue)(
                      comparison.previous.value,
                      summary.unit
                    )})`
                  : "")
              : undefined,
            passage: summary.quote,
            source: sourceLine(summary.report_year ?? summary.last_edition),
            fileBase: fileSlug("chiffre", summary.indicator.replace(/\./g, "-"), summary.latest_year)
          }),
          {state: keyFigureState(summary.indicator, summary.latest_year)}
        );
  return el(
    "article",
    {class: "indicator-card", "data-indicator": summary.indicator},
    el("h3", {}, el("a", {href, "data-drill": ""}, summary.label)),
    summary.value !== null
      ? el("p", {class: "figure-value"}, amount(summary.value, summary.unit, summary.status, units))
      : brief(own, summary.latest_year, units),
    line,
    summary.value === null || summary.objective === null
      ? null
      : objectiveBullet({...summary, result: summary.value, objective: summary.objective, units, width: 240}),
    summary.in_latest
      ? null
      : el(
          "p",
          {class: "muted dropped"},
          `Absent de la dernière édition du rapport (dernière : ${summary.last_edition}).`
        ),
    el("p", {class: "muted meta"}, meta.join(" · ")),
    sourceDetails(summary.quote),
    exporter
  );
}
