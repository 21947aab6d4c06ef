// The /carte view: indicator, mode and year selectors, a commune selector, the map (circles for a
// count, colours for a rate or a share, a diverging scale for a change between two years), and the
// same figures as a sortable table. State lives in
// the URL: each choice is a history entry (Back returns to the previous view), and what the URL asks
// for that the data lacks is said, not silently replaced. Every view is painted at once from the
// build's results of the map query; DuckDB-WASM then runs the same query and confirms it (or repaints).
// Composed of: the controls (map-controls), the view state (lib/map/view-state), the painting
// (map-painter) and the table (map-table).
import {
  type MapParams,
  MAP_PARAMS,
  type MapState,
  resolveState,
  stateParams,
  unknownParams,
  urlValues
} from "../../lib/map/view-state.js";
import {evolutionTitle} from "../../lib/map/value-words.js";
import {type CommuneIndicatorRow, type MapChangeRow, communeIndicators} from "../../lib/queries/index.js";
import {fromSnapshot, type Snapshot} from "../../lib/queries/snapshot.js";
import {communeHref, embedMapHref, mapHref} from "../../lib/routes.js";
import {unitWord} from "../../lib/units.js";
import type {Engine} from "../engine/db.js";
import {fileSlug} from "../export/download.js";
import {exportToolbar, slidePicture} from "../export/toolbar.js";
import {errorMessage} from "../ui/async-block.js";
import {el} from "../ui/dom.js";
import {readParams, writeParams} from "../ui/url-state.js";
import {communePicker} from "../commune/commune-picker.js";
import {byCommuneName} from "../../lib/commune/search.js";
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
  const codes = territory.communes.features.map((f) => f.properties.code);
  const first = resolveState(indicators, params, codes);
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

  // What the URL asked for and the map cannot show: said, with a way to the default view.
  const notices = unknownParams(indicators, params, codes);
  const notice = notices.length
    ? el(
        "div",
        {class: "map-notice", role: "status"},
        notices.map((text) => el("p", {}, text)),
        el(
          "p",
          {},
          "La carte montre à la place la vue ci-dessous. ",
          el("a", {href: mapHref()}, "Ouvrir la carte par défaut")
        )
      )
    : null;

  const update = (change: Partial<MapState>) => {
    const next = resolveState(indicators, stateParams({...state, ...change}), codes);
    if (!next) return;
    state = next;
    // The new map first; then what the reader does not wait for: the URL, and the controls (the
    // indicator's modes and years; a mode or year it lacks was corrected by resolveState).
    void painter.show(state);
    notice?.remove();
    // After the new map is on screen (history.pushState alone costs 5–80 ms on a busy machine).
    afterPaint(() => {
      // A new history entry: Back returns to the view before the choice.
      writeParams(urlValues(state), {push: true});
      controls.show(state);
      showSelected();
    });
  };
  const controls = mapControls(indicators, update);

  // The commune picked out on the map: a selector, and the way to its sheet.
  const picker = communePicker({
    communes: territory.communes.features
      .map((f) => ({code: f.properties.code, nom: f.properties.nom}))
      .sort(byCommuneName),
    label: "Mettre en évidence une commune",
    placeholder: "Ex. : marcq, st andre",
    value: state.commune,
    id: "map-commune",
    onSelect: (commune) => update({commune})
  });
  const selectedLinks = el("p", {class: "map-selected"});
  const showSelected = () => {
    picker.set(state.commune ?? null);
    const nom = territory.communes.features.find((f) => f.properties.code === state.commune)?.properties.nom;
    selectedLinks.replaceChildren(
      ...(state.commune && nom
        ? [
            el("a", {href: communeHref(state.commune)}, `Ouvrir la fiche de ${nom}`),
            " · ",
            el(
              "button",
              {type: "button", class: "link-button", onclick: () => update({commune: undefined})},
              "Ne plus mettre en évidence"
            )
          ]
        : [])
    );
  };

  controls.show(state);
  void painter.show(state);
  if (embed) {
    // The dossier (/dossier) puts an embedded map on a slide: drawn again for the slide's frame.
    Object.assign(painter.box, {
      slidePicture: (width: number, height: number) => slidePicture(painter.redraw, width, height)
    });
    return el("div", {class: "map-explorer embed"}, painter.box, painter.status);
  }

  // Back and Forward: the view of the history entry, without a new entry.
  addEventListener("popstate", () => {
    if (!painter.box.isConnected) return;
    const back = resolveState(indicators, readParams(MAP_PARAMS), codes);
    if (!back) return;
    state = back;
    void painter.show(state);
    controls.show(state);
    showSelected();
  });
  showSelected();
  const toolbar = exportToolbar({
    meta: () =>
      exportMeta(
        state,
        indicatorOf(state.indicator),
        snapshot.units,
        territory.communes.features.find((f) => f.properties.code === state.commune)?.properties.nom
      ),
    chart: () => painter.box.querySelector<SVGSVGElement>("svg.choropleth-svg"),
    rows: () =>
      state.from === undefined
        ? painter.rows().map((r) => ({
            code_insee: r.code,
            commune: r.nom,
            valeur: r.value,
            nombre: r.raw,
            rang: r.rank,
            population: r.population,
            statut: r.status
          }))
        : (painter.rows() as MapChangeRow[]).map((r) => ({
            code_insee: r.code,
            commune: r.nom,
            // The change, in the map's unit (a count, or points of a rate or a share).
            valeur: r.value,
            [`valeur_${state.from}`]: r.value_from,
            [`valeur_${state.year}`]: r.value_to,
            [`nombre_${state.from}`]: r.raw_from,
            [`nombre_${state.year}`]: r.raw_to,
            rang: r.rank,
            population: r.population,
            statut: r.status
          })),
    embed: () => embedMapHref(state),
    redraw: painter.redraw
  });
  return el(
    "div",
    {class: "map-explorer"},
    notice,
    controls.element,
    el("div", {class: "map-view"}, painter.box, el("div", {class: "map-pick"}, picker.element, selectedLinks)),
    toolbar,
    painter.status,
    tableBox
  );
}

/** Title, unit and file name of an exported map. */
function exportMeta(
  state: MapState,
  {label, unit}: CommuneIndicatorRow,
  units: Record<string, string>,
  selectedName: string | undefined
) {
  const counted = unitWord(unit, units);
  const place = "dix communes de Métropole Nord-Ouest";
  const picked = selectedName && `${selectedName} en évidence`;
  if (state.from !== undefined) {
    return {
      title: `${evolutionTitle(label, state.mode, state.from, state.year)} — carte des dix communes`,
      subtitle: [`Évolution de ${state.from} à ${state.year} · ${place}`, picked].filter(Boolean).join(" · "),
      unit:
        state.mode === "taux"
          ? "points pour 1\u202f000 habitants"
          : state.mode === "part"
            ? "points de part du territoire"
            : state.mode === "ratio"
              ? "points"
              : `${counted} (évolution)`,
      date: `${state.from}–${state.year}`,
      fileBase: fileSlug(
        "carte",
        state.indicator.replace(/\./g, "-"),
        "evolution",
        state.mode === "nombre" ? "" : state.mode,
        `${state.from}-${state.year}`
      )
    };
  }
  return {
    title: `${label} — carte des dix communes`,
    subtitle: [`${state.year} · ${place}`, picked].filter(Boolean).join(" · "),
    unit:
      state.mode === "taux"
        ? `${counted} pour 1\u202f000 habitants`
        : state.mode === "part"
          ? "% du total du territoire"
          : state.mode === "ratio"
            ? "%"
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
