// The /carte view: indicator, mode and year selectors, the choropleth, and the same figures as a
// sortable table. State lives in the URL. Every view is painted at once from the build's results
// of the map query; DuckDB-WASM then runs the same query and confirms it (or repaints).
// Composed of: the controls (map-controls), the view state (lib/map/view-state), the painting
// (map-painter) and the table (map-table).
import {type MapParams, MAP_PARAMS, type MapState, resolveState, stateParams} from "../../lib/map/view-state.js";
import {type CommuneIndicatorRow, communeIndicators} from "../../lib/queries/index.js";
import {fromSnapshot, type Snapshot} from "../../lib/queries/snapshot.js";
import {embedMapHref} from "../../lib/routes.js";
import {unitWord} from "../../lib/units.js";
import type {Engine} from "../engine/db.js";
import {fileSlug} from "../export/download.js";
import {exportToolbar} from "../export/toolbar.js";
import {errorMessage} from "../ui/async-block.js";
import {el} from "../ui/dom.js";
import {readParams, writeParams} from "../ui/url-state.js";
import type {Territory} from "../../lib/territory.js";
import {mapControls} from "./map-controls.js";
import {mapPainter} from "./map-painter.js";
import {mapTable} from "./map-table.js";

interface MapExplorerOptions {
  territory: Territory;
  snapshot: Snapshot;
  /** The engine; without it (embeds), the map shows the build-time values only. */
  engine?: Promise<Engine>;
  width: number;
  /** An embed: the map alone, no controls, table or export buttons. */
  embed?: boolean;
  /** The view asked for; the current URL's by default. */
  params?: MapParams;
}

/** Runs `task` once the browser has painted and is idle (or after 200 ms at the latest). */
function afterPaint(task: () => void): void {
  requestAnimationFrame(() =>
    typeof requestIdleCallback === "function" ? requestIdleCallback(task, {timeout: 200}) : setTimeout(task, 0)
  );
}

export function mapExplorer(options: MapExplorerOptions): HTMLElement {
  const {territory, snapshot, engine, width, embed = false, params = readParams(MAP_PARAMS)} = options;
  const indicators = fromSnapshot(snapshot, communeIndicators()) ?? [];
  const first = resolveState(indicators, params);
  if (!first) {
    return el("div", {class: "map-explorer"}, errorMessage(new Error("Aucun indicateur publié commune par commune.")));
  }
  let state: MapState = first;
  const indicatorOf = (slug: string) => indicators.find((i) => i.indicator === slug)!;

  const tableBox = el("div", {class: "map-table"});
  const painter = mapPainter({
    territory,
    snapshot,
    width,
    engine,
    indicatorOf,
    // The table follows each paint (an embed has none).
    onPaint: embed
      ? undefined
      : (rows, painted) => {
          const indicator = indicatorOf(painted.indicator);
          const narrow = width < 560;
          tableBox.replaceChildren(mapTable({rows, state: painted, indicator, units: snapshot.units, narrow}));
        }
  });

  const update = (change: Partial<MapState>) => {
    const next = resolveState(indicators, stateParams({...state, ...change}));
    if (!next) return;
    state = next;
    // The new map first; then what the reader does not wait for: the URL, and the controls (the
    // indicator's modes and years; a mode or year it lacks was corrected by resolveState).
    void painter.show(state);
    // After the new map is on screen (history.replaceState alone costs 5–80 ms on a busy machine).
    afterPaint(() => {
      writeParams(stateParams(state));
      controls.show(state);
    });
  };
  const controls = mapControls(indicators, update);

  controls.show(state);
  void painter.show(state);
  if (embed) return el("div", {class: "map-explorer embed"}, painter.box, painter.status);
  const toolbar = exportToolbar({
    meta: () => exportMeta(state, indicatorOf(state.indicator), snapshot.units),
    chart: () => painter.box.querySelector<SVGSVGElement>("svg.choropleth-svg"),
    rows: () =>
      painter.rows().map((r) => ({
        code_insee: r.code,
        commune: r.nom,
        valeur: r.value,
        nombre: r.raw,
        rang: r.rank,
        population: r.population,
        statut: r.status
      })),
    embed: () => embedMapHref(state)
  });
  return el("div", {class: "map-explorer"}, controls.element, painter.box, toolbar, painter.status, tableBox);
}

/** Title, unit and file name of an exported map. */
function exportMeta(state: MapState, {label, unit}: CommuneIndicatorRow, units: Record<string, string>) {
  const counted = unitWord(unit, units);
  return {
    title: `${label} — carte des dix communes`,
    subtitle: `${state.year} · dix communes de Métropole Nord-Ouest`,
    unit:
      state.mode === "taux"
        ? `${counted} pour 1\u202f000 habitants`
        : state.mode === "part"
          ? "% du total du territoire"
          : counted,
    date: String(state.year),
    fileBase: fileSlug(
      "carte",
      state.indicator.replace(/\./g, "-"),
      state.mode === "nombre" ? "" : state.mode,
      state.year
    )
  };
}
