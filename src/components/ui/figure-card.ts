// A headline figure as a card: value in French format, what it counts, its comparison with the
// previous year when the data has one (derived values marked as such), and its source passage.
import {formatEvolution} from "../../lib/format.js";
import {formatHeadline, formatValue} from "../../lib/units.js";
import {programmeLabel} from "../../lib/programmes.js";
import {el} from "./dom.js";
import {figureValue} from "./figure-value.js";
import type {HeadlineRow} from "../../lib/queries/index.js";

/** The report's passage behind a figure, one click away. */
export function sourceDetails(quote: string, label = "Source"): HTMLElement {
  return el(
    "details",
    {class: "source"},
    el("summary", {}, label),
    el("blockquote", {}, `« ${quote} »`),
    el("p", {class: "muted"}, "Passage du rapport d'activité qui publie ce chiffre.")
  );
}

function comparison(row: HeadlineRow): HTMLElement | null {
  if (row.evolution === null && row.previous === null) return null;
  const previous =
    row.previous === null
      ? null
      : figureValue(row.previous, row.unit, row.previous_status, formatValue(row.previous, row.unit));
  return el(
    "p",
    {class: "comparison"},
    row.evolution === null
      ? null
      : el("span", {class: row.evolution >= 0 ? "up" : "down"}, formatEvolution(row.evolution)),
    row.evolution === null ? `${row.year - 1} : ` : ` par rapport à ${row.year - 1}`,
    previous === null ? null : row.evolution === null ? previous : el("span", {class: "nowrap"}, " (", previous, ")")
  );
}

export function figureCard(row: HeadlineRow): HTMLElement {
  return el(
    "article",
    {class: "figure-card", "data-indicator": row.indicator},
    el("p", {class: "muted figure-context"}, `${programmeLabel(row.programme)} · ${row.section}`),
    el(
      "p",
      {class: "figure-value"},
      el("data", {value: row.value, title: formatValue(row.value, row.unit)}, formatHeadline(row.value, row.unit))
    ),
    el(
      "h3",
      {class: "figure-label"},
      row.label,
      row.label.includes(String(row.year)) ? null : el("span", {class: "muted"}, ` (${row.year})`)
    ),
    comparison(row),
    sourceDetails(row.quote)
  );
}

export function figureCards(rows: HeadlineRow[]): HTMLElement {
  return el("div", {class: "figure-grid"}, rows.map(figureCard));
}
