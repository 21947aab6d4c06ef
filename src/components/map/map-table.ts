// The map's figures as a sortable table: one row per commune, linked to its page, ranked as the
// map ranks them. What a map shows in colour or in circles, a screen reader or a reader who compares
// reads here. A derived figure says so in its cell (« ≈ … calculé »); the commune picked out on the
// map is picked out here too. An évolution gives each commune's change, its two values and, for a
// count, the change in %.
import {computeChange} from "../../lib/change.js";
import {
  NNBSP,
  columnDigits,
  formatEvolution,
  formatNumber,
  formatPercent,
  formatRank,
  formatRate
} from "../../lib/format.js";
import {evolutionTitle, formatMapChange, formatMapValue, legendTitle} from "../../lib/map/value-words.js";
import type {MapState} from "../../lib/map/view-state.js";
import type {CommuneIndicatorRow, MapChangeRow, MapValueRow} from "../../lib/queries/index.js";
import {communeHref} from "../../lib/routes.js";
import {unitWord} from "../../lib/units.js";
import {el} from "../ui/dom.js";
import {figureValue} from "../ui/figure-value.js";
import {type Column, sortableTable} from "../ui/sortable-table.js";
import {withScrollCue} from "./scroll-cue.js";

export interface MapTableOptions {
  rows: MapValueRow[];
  state: MapState;
  indicator: CommuneIndicatorRow;
  units: Record<string, string>;
  /** A phone: the essentials only (the population is on each commune's page and in the tooltip). */
  narrow: boolean;
}

const VALUE_LABELS = {nombre: "Valeur", taux: "Pour 1\u202f000 hab.", part: "Part (%)", ratio: "Taux (%)"} as const;

/** The commune's name, linked to its page, marked when it is picked out on the map. */
function communeCell(r: MapValueRow, state: MapState): Node {
  return r.code === state.commune
    ? el(
        "span",
        {class: "selected-commune"},
        el("a", {href: communeHref(r.code), "aria-current": "true"}, r.nom),
        el("span", {class: "selected-mark"}, " (en évidence)")
      )
    : el("a", {href: communeHref(r.code)}, r.nom);
}

const RANK_LABEL = "Rang";

/** An évolution's table: change, the two years' values, the change in % of a count, its rank. */
function changeTable({rows, state, indicator, units, narrow}: MapTableOptions & {rows: MapChangeRow[]}): HTMLElement {
  const {mode, year} = state;
  const from = state.from!;
  const level = (v: number | null) => (v === null ? "—" : formatMapValue(v, mode, indicator.unit, units));
  const bare = (v: number | null) =>
    v === null
      ? "—"
      : mode === "taux"
        ? formatRate(v)
        : mode === "part" || mode === "ratio"
          ? formatPercent(v)
          : formatNumber(v, 2);
  const relative = (r: MapChangeRow) =>
    r.raw_from === null || r.raw_to === null ? null : computeChange(r.raw_from, r.raw_to, indicator.unit).relative;
  const columns: (Column<MapChangeRow> | null)[] = [
    {label: "Commune", value: (r) => r.nom, cell: (r) => communeCell(r, state)},
    {
      label: mode === "nombre" ? "Évolution" : "Évolution (points)",
      value: (r) => r.value,
      cell: (r) => formatMapChange(r.value, mode, indicator.unit, units, r.status === "derive"),
      numeric: true
    },
    mode === "nombre" && !narrow
      ? {
          label: "Évolution (%)",
          value: relative,
          cell: (r) => {
            const pct = relative(r);
            return pct === null ? "—" : formatEvolution(pct);
          },
          numeric: true
        }
      : null,
    // On a phone, both years in one column, as bare numbers (the change's column gives the unit).
    ...(narrow
      ? [
          {
            label: `${from} → ${year}`,
            value: (r: MapChangeRow) => r.value_to,
            cell: (r: MapChangeRow) => `${bare(r.value_from)} → ${bare(r.value_to)}`,
            numeric: true
          }
        ]
      : [
          {
            label: String(from),
            value: (r: MapChangeRow) => r.value_from,
            cell: (r: MapChangeRow) => level(r.value_from),
            numeric: true
          },
          {
            label: String(year),
            value: (r: MapChangeRow) => r.value_to,
            cell: (r: MapChangeRow) => level(r.value_to),
            numeric: true
          }
        ]),
    narrow
      ? null
      : {label: RANK_LABEL, value: (r) => r.rank, cell: (r) => (r.rank ? formatRank(r.rank) : "—"), numeric: true}
  ];
  const shown = columns.filter((c) => c !== null);
  const rank = shown.findIndex((c) => c.label === RANK_LABEL);
  return withScrollCue(
    sortableTable<MapChangeRow>({
      caption: `${evolutionTitle(indicator.label, mode, from, year)} — tableau des dix communes`,
      rowKey: (r) => r.code,
      // Ranked as the map: the largest rise first (on a phone, without the rank column, by the change).
      sort: rank >= 0 ? {column: rank, descending: false} : {column: 1, descending: true},
      rows,
      columns: shown
    })
  );
}

export function mapTable(options: MapTableOptions): HTMLElement {
  if (options.state.from !== undefined) return changeTable({...options, rows: options.rows as MapChangeRow[]});
  const {rows, state, indicator, units, narrow} = options;
  const {mode} = state;
  // A column of percentages shows the same decimals on every row (« 17,0 % » under « 18,8 % »).
  const percent = mode === "part" || mode === "ratio";
  const least = percent ? columnDigits(rows.map((r) => r.value)) : 0;
  const words = (v: number | null) =>
    percent && v !== null ? formatPercent(v, 1, least) : formatMapValue(v, mode, indicator.unit, units);
  // A count is the figure as the report prints it (or as derived from it): shown with its provenance.
  // A rate or a share is always computed here, from that count.
  const valueCell = (r: MapValueRow) =>
    (mode === "nombre" || mode === "ratio") && r.value !== null
      ? figureValue(
          r.value,
          indicator.unit,
          r.status ?? "",
          words(r.value),
          percent ? `≈${NNBSP}${words(r.value)}` : undefined
        )
      : words(r.value);
  const rawCell = (r: MapValueRow) =>
    r.raw === null ? "—" : figureValue(r.raw, indicator.unit, r.status ?? "", formatNumber(r.raw, 2));
  const columns: (Column<MapValueRow> | null)[] = [
    {label: "Commune", value: (r) => r.nom, cell: (r) => communeCell(r, state)},
    {label: VALUE_LABELS[mode], value: (r) => r.value, cell: valueCell, numeric: true},
    // The count is its own column only when the map shows a rate or a share.
    mode === "nombre" || mode === "ratio"
      ? null
      : {label: `Nombre (${unitWord(indicator.unit, units)})`, value: (r) => r.raw, cell: rawCell, numeric: true},
    {label: RANK_LABEL, value: (r) => r.rank, cell: (r) => (r.rank ? formatRank(r.rank) : "—"), numeric: true},
    narrow
      ? null
      : {label: "Habitants (2020)", value: (r) => r.population, cell: (r) => formatNumber(r.population), numeric: true}
  ];
  const shown = columns.filter((c) => c !== null);
  return withScrollCue(
    sortableTable<MapValueRow>({
      caption: `${legendTitle(indicator.label, mode, state.year)} — tableau des dix communes`,
      rowKey: (r) => r.code,
      // Ranked as the map: the rank column, whichever columns precede it.
      sort: {column: shown.findIndex((c) => c.label === RANK_LABEL), descending: false},
      rows,
      columns: shown
    })
  );
}
