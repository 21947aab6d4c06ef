// Painting the map's views. A view the build computed (every year's view; the default évolution of
// each indicator) is painted at once from those results (the map redrawn in place, same shapes:
// circles for a count, colours for a rate or a share, a diverging scale for a change), and
// DuckDB-WASM's answer, which should be identical, confirms it (or repaints); any other view is
// painted when DuckDB-WASM answers.
import {formatNumber, formatRank} from "../../lib/format.js";
import {
  averageChangeLabel,
  averageLabel,
  evolutionTitle,
  formatCountChange,
  formatMapChange,
  formatMapValue,
  formatSigned,
  legendTitle
} from "../../lib/map/value-words.js";
import {type MapState, sameValues, viewKey} from "../../lib/map/view-state.js";
import {
  type CommuneIndicatorRow,
  type MapChangeRow,
  type MapValueRow,
  type Query,
  mapChanges,
  mapValues
} from "../../lib/queries/index.js";
import {fromSnapshot, type Snapshot} from "../../lib/queries/snapshot.js";
import type {Engine} from "../engine/db.js";
import {errorMessage} from "../ui/async-block.js";
import {el} from "../ui/dom.js";
import {type ChoroplethChanges, choropleth, type ChoroplethElement} from "./choropleth.js";
import type {Territory} from "../../lib/territory.js";

const DUCKDB_STATUS = "Chiffres recalculés dans votre navigateur à partir des données du rapport : ils concordent.";
const BUILD_STATUS = "Chiffres préparés à la publication du site ; votre navigateur les recalcule…";
const LIVE_STATUS = "Votre navigateur calcule les chiffres de cette vue…";

export type PaintSource = "build" | "duckdb";

export interface MapPainterOptions {
  territory: Territory;
  snapshot: Snapshot;
  width: number;
  /** The engine; without it (embeds), the map shows the build-time values only. */
  engine?: Promise<Engine>;
  indicatorOf: (slug: string) => CommuneIndicatorRow;
  /** Called after each paint of the map, with what it shows (the table follows the map). */
  onPaint?: (rows: MapValueRow[], state: MapState) => void;
}

export interface MapPainter {
  /** The map; its `data-view`, `data-source` and `aria-busy` say which view it shows, from where. */
  box: HTMLElement;
  /** Who computed the figures shown, or what went wrong, in words. */
  status: HTMLElement;
  /** Paints `state` from the build's results at once, then has DuckDB-WASM confirm or repaint it. */
  show(state: MapState): Promise<void>;
  /** The rows painted last (what the CSV export writes). */
  rows(): MapValueRow[];
  /**
   * The view painted last drawn again at another size, not attached (a slide's picture: drawn
   * narrow enough that, scaled up, its 11 px legend reads from the back of the room); null before a paint.
   */
  redraw(width: number, maxHeight: number): HTMLElement | null;
}

/** The query of a view: one year's values, or their change between two years. */
export function viewQuery(state: MapState): Query<MapValueRow> {
  return state.from === undefined
    ? mapValues(state.indicator, state.year, state.mode)
    : mapChanges(state.indicator, state.from, state.year, state.mode);
}

/** How the choropleth words an évolution: a signed legend, each commune's change and its two values. */
function changeLook(
  rows: MapChangeRow[],
  state: MapState & {from: number},
  indicator: CommuneIndicatorRow,
  units: Record<string, string>
) {
  const {mode, from, year} = state;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const change = (r: MapChangeRow | undefined) =>
    formatMapChange(r?.value ?? null, mode, indicator.unit, units, r?.status === "derive");
  const level = (v: number | null) => formatMapValue(v, mode, indicator.unit, units);
  const average = rows[0]?.average ?? null;
  const averageWords = averageChangeLabel(mode);
  return {
    // A count's change in units, a rate's or a share's in points: whole units or one or two decimals.
    format: (v: number) => formatSigned(v, mode === "nombre" ? 0 : 2),
    legendTitle: evolutionTitle(indicator.label, mode, from, year),
    symbols: false,
    diverging: true,
    selected: state.commune ?? null,
    describe: (c) => `${c.nom} : ${change(byCode.get(c.code))} de ${from} à ${year}`,
    tooltip: (c) => {
      const row = byCode.get(c.code);
      const derived = row?.status === "derive";
      const counted =
        mode === "nombre" && row?.raw_from != null && row.raw_to != null
          ? formatCountChange(row.raw_from, row.raw_to, indicator.unit, units, derived)
          : change(row);
      return [
        el("strong", {}, c.nom),
        `${from} → ${year} : ${counted}`,
        `${from} : ${level(row?.value_from ?? null)} · ${year} : ${level(row?.value_to ?? null)}`,
        row?.rank ? `Rang de l’évolution : ${formatRank(row.rank)} sur ${row.communes} communes` : "",
        average === null || averageWords === null
          ? ""
          : `${averageWords} : ${formatMapChange(average, mode, indicator.unit, units)}`,
        derived ? "Calculée à partir d’une valeur non imprimée dans le rapport" : ""
      ].filter(Boolean);
    }
  } satisfies ChoroplethChanges<MapChangeRow>;
}

/** How the choropleth words a view's values: legend, accessible names, tooltips. */
function mapLook(rows: MapValueRow[], state: MapState, indicator: CommuneIndicatorRow, units: Record<string, string>) {
  const words = (v: number | null) => formatMapValue(v, state.mode, indicator.unit, units);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const average = rows[0]?.average ?? null;
  return {
    format: (v: number) => formatNumber(v, 1),
    legendTitle: legendTitle(indicator.label, state.mode, state.year),
    // Counts as circles sized by value; only rates and shares as colours.
    symbols: state.mode === "nombre",
    diverging: false,
    selected: state.commune ?? null,
    describe: (c) => `${c.nom} : ${words(byCode.get(c.code)?.value ?? null)}`,
    tooltip: (c) => {
      const row = byCode.get(c.code);
      return [
        el("strong", {}, c.nom),
        words(row?.value ?? null),
        row?.rank ? `${formatRank(row.rank, true)} sur ${row.communes} communes` : "",
        average === null ? "" : `${averageLabel(state.mode)} : ${words(average)}`,
        row?.status === "derive" ? "Valeur calculée (non imprimée dans le rapport)" : ""
      ].filter(Boolean);
    }
  } satisfies ChoroplethChanges<MapValueRow>;
}

export function mapPainter({territory, snapshot, width, engine, indicatorOf, onPaint}: MapPainterOptions): MapPainter {
  const box = el("div", {class: "map-box", "aria-busy": "true", "aria-live": "polite", "data-source": "pending"});
  const status = el("p", {class: "muted map-status"});
  let shown: MapValueRow[] = [];
  let drawn: ChoroplethElement<MapValueRow> | null = null;
  let lastLook: ChoroplethChanges<MapValueRow> | null = null;
  let db: Engine | null = null;
  // Each view asked for; an answer for an older one is dropped.
  let generation = 0;
  engine?.then((e) => (db = e)).catch(() => {});

  const paint = (rows: MapValueRow[], state: MapState, source: PaintSource) => {
    shown = rows;
    const indicator = indicatorOf(state.indicator);
    const look =
      state.from === undefined
        ? mapLook(rows, state, indicator, snapshot.units)
        : changeLook(rows as MapChangeRow[], {...state, from: state.from}, indicator, snapshot.units);
    lastLook = look as ChoroplethChanges<MapValueRow>;
    // A change recolours the map in place (same shapes); the first paint draws it.
    if (drawn) drawn.update(rows, look);
    else box.replaceChildren((drawn = choropleth({territory, values: rows, width, ...look})));
    box.dataset.view = viewKey(state);
    box.dataset.source = source;
    box.setAttribute("aria-busy", "false");
    onPaint?.(rows, state);
    status.textContent = source === "duckdb" ? DUCKDB_STATUS : engine ? BUILD_STATUS : "";
  };

  /** DuckDB-WASM answered what is already painted. */
  const confirm = () => {
    box.dataset.source = "duckdb";
    status.textContent = DUCKDB_STATUS;
  };

  const show = async (state: MapState) => {
    const mine = ++generation;
    const query = viewQuery(state);
    const initial = fromSnapshot(snapshot, query);
    if (initial) paint(initial, state, "build");
    else {
      // Shapes alone until values arrive, when the build has none for this view.
      if (!box.hasChildNodes()) box.replaceChildren(choropleth({territory, width}));
      box.setAttribute("aria-busy", "true");
      if (engine) status.textContent = LIVE_STATUS;
    }
    if (!engine) {
      if (!initial) status.replaceChildren(errorMessage(new Error("Vue de carte indisponible.")));
      box.setAttribute("aria-busy", "false");
      return;
    }
    try {
      const live = await (db ?? (await engine)).run(query);
      if (mine !== generation) return;
      if (initial && sameValues(initial, live)) confirm();
      else paint(live, state, "duckdb");
    } catch (error) {
      if (mine === generation) {
        box.setAttribute("aria-busy", "false");
        status.replaceChildren(errorMessage(error));
      }
    }
  };

  const redraw = (w: number, maxHeight: number) =>
    lastLook ? choropleth({territory, values: shown, width: w, maxHeight, ...lastLook, tooltip: undefined}) : null;

  return {box, status, show, rows: () => shown, redraw};
}
