// A headline figure of the home page as a card: the latest edition's value, what it counts, its
// change since the previous year — from that year's level in whichever edition prints it, else a
// derived level, marked so — and its source passage.
import {type Direction, changesInPoints, computeChange, formatChangeShort} from "../../lib/change.js";
import {formatEvolution} from "../../lib/format.js";
import {formatDerived, formatHeadline, formatValue, unitWord} from "../../lib/units.js";
import {programmeLabel} from "../../lib/programmes.js";
import {el} from "../ui/dom.js";
import {sourceDetails} from "../ui/figure-card.js";
import {figureValue} from "../ui/figure-value.js";
import type {HeadlineRow} from "../../lib/queries/index.js";
import {keyFigureState} from "../export/dossier-store.js";
import {fileSlug} from "../export/download.js";
import {keyFigureExport} from "../export/key-figure.js";
import {latestSourceLine} from "../ui/edition.js";
import {objectiveBullet} from "../charts/objective-bullet.js";

const DIRECTION_CLASS: Record<Direction, string | null> = {hausse: "up", baisse: "down", stable: null};

/** What the card says of the change: its label, direction, and the report's own figure when it differs. */
export function headlineChange(
  row: HeadlineRow,
  units: Record<string, string>
): {label: string; direction: Direction; printed: string | null} | null {
  if (row.previous === null) {
    if (row.evolution === null) return null;
    const direction: Direction = row.evolution > 0 ? "hausse" : row.evolution < 0 ? "baisse" : "stable";
    return {label: formatEvolution(row.evolution), direction, printed: null};
  }
  const derived = row.previous_status === "derive";
  const change = computeChange(row.previous, row.value, row.unit);
  // A level derived from the printed evolution gives that evolution back: say it as printed (no « ≈ »).
  if (row.evolution !== null && derived && !changesInPoints(row.unit)) {
    return {label: formatEvolution(row.evolution), direction: change.direction, printed: null};
  }
  const label = formatChangeShort(change, row.unit, units, derived);
  // Two printed levels may not give back the printed evolution (« +6,2 % » printed, +6,25 % from the levels).
  const printed = row.evolution === null ? null : formatEvolution(row.evolution);
  return {label, direction: change.direction, printed: printed === label ? null : printed};
}

function comparison(row: HeadlineRow, units: Record<string, string>): HTMLElement | null {
  const change = headlineChange(row, units);
  if (!change) return null;
  const since = row.year - 1;
  const previous =
    row.previous === null
      ? null
      : figureValue(row.previous, row.unit, row.previous_status, formatValue(row.previous, row.unit));
  return el(
    "p",
    {class: "comparison", "data-edition": row.previous_report_year},
    el("span", {class: DIRECTION_CLASS[change.direction]}, change.label),
    ` par rapport à ${since}`,
    previous === null ? null : el("span", {class: "nowrap"}, " (", previous, ")"),
    change.printed === null ? null : el("span", {class: "muted"}, ` ; le rapport imprime ${change.printed}`)
  );
}

export function figureCard(row: HeadlineRow, units: Record<string, string>): HTMLElement {
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
    comparison(row, units),
    row.objective === null
      ? null
      : objectiveBullet({...row, result: row.value, objective: row.objective, units, width: 220}),
    sourceDetails(row.quote),
    cardExport(row, units)
  );
}

/** The card's « Exporter » menu: PNG, PowerPoint, the dossier (where the figure is redrawn from the data). */
function cardExport(row: HeadlineRow, units: Record<string, string>): HTMLElement {
  const derived = (value: number, status: string | null) =>
    status === "derive" ? formatDerived(value, row.unit) : formatValue(value, row.unit);
  return keyFigureExport(
    () => {
      const change = headlineChange(row, units);
      return {
        label: row.label,
        value: row.status === "derive" ? formatDerived(row.value, row.unit) : formatHeadline(row.value, row.unit),
        derived: row.status === "derive",
        unit: unitWord(row.unit, units),
        year: row.year,
        context: `${programmeLabel(row.programme)} · ${row.section}`,
        // As the card says it: « +17 % par rapport à 2021 (≈ 13 541) ».
        change: change
          ? `${change.label} par rapport à ${row.year - 1}` +
            (row.previous === null ? "" : ` (${derived(row.previous, row.previous_status)})`)
          : undefined,
        passage: row.quote,
        source: latestSourceLine(),
        fileBase: fileSlug("chiffre", row.indicator.replace(/\./g, "-"), row.year)
      };
    },
    {state: keyFigureState(row.indicator, row.year)}
  );
}

export function figureCards(rows: HeadlineRow[], units: Record<string, string>): HTMLElement {
  return el(
    "div",
    {class: "figure-grid"},
    rows.map((row) => figureCard(row, units))
  );
}
