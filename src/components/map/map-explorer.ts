// The /carte view: indicator, mode and year selectors, the choropleth, and the same figures as a
// sortable table. State lives in the URL. Every view is painted at once from the build's results
// of the map query; DuckDB-WASM then runs the same query and confirms it (or repaints).
import {formatNumber, formatRank} from "../../lib/format.js";
import {PROGRAMME_LABELS} from "../../lib/programmes.js";
import type {Programme} from "../../lib/schema.js";
import {type ChoroplethElement, choropleth, type Territory} from "./choropleth.js";
import type {Engine} from "../engine/db.js";
import {el} from "../ui/dom.js";
import {averageLabel, formatMapValue, legendTitle} from "../../lib/map/value-words.js";
import {unitWord} from "../../lib/units.js";
import {fromSnapshot, type Snapshot} from "../../lib/queries/snapshot.js";
import {type CommuneIndicatorRow, MAP_MODES, type MapMode, type MapValueRow, communeIndicators, mapValues} from "../../lib/queries/queries.js";
import {type Column, sortableTable} from "../ui/sortable-table.js";
import {readParams, writeParams} from "../ui/url-state.js";
import {errorMessage} from "../ui/async-block.js";
import {fileSlug} from "../export/download.js";
import {exportToolbar} from "../export/toolbar.js";

export interface MapState {
  indicator: string;
  mode: MapMode;
  year: number;
}

export const DEFAULT_INDICATOR = "plie.participants";
const DUCKDB_STATUS = "Chiffres vérifiés par le moteur de requêtes du navigateur (DuckDB).";

/** Runs `task` once the browser has painted and is idle (or after 200 ms at the latest). */
function afterPaint(task: () => void): void {
  requestAnimationFrame(() =>
    typeof requestIdleCallback === "function" ? requestIdleCallback(task, {timeout: 200}) : setTimeout(task, 0)
  );
}

/** Whether two answers of the map query agree (to the last printed decimal). */
export function sameValues(a: MapValueRow[], b: MapValueRow[]): boolean {
  const round = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6);
  const key = (rows: MapValueRow[]) => JSON.stringify(rows.map((r) => [r.code, round(r.value), round(r.raw), r.rank, round(r.average), r.status]));
  return a.length === b.length && key(a) === key(b);
}

/** The state in the URL, corrected to something the data has. */
export function resolveState(indicators: CommuneIndicatorRow[], params: Partial<Record<"indicateur" | "mode" | "annee", string>>): MapState {
  const chosen = indicators.find((i) => i.indicator === params.indicateur) ?? indicators.find((i) => i.indicator === DEFAULT_INDICATOR) ?? indicators[0];
  const modes = availableModes(chosen);
  const mode = modes.find((m) => m === params.mode) ?? modes[0];
  const year = chosen.years.includes(Number(params.annee)) ? Number(params.annee) : chosen.years[chosen.years.length - 1];
  return {indicator: chosen.indicator, mode, year};
}

/** A rate per inhabitant of the population itself is always 1 000: only count and share apply. */
export function availableModes(indicator: CommuneIndicatorRow): MapMode[] {
  return MAP_MODES.map((m) => m.mode).filter((mode) => !(mode === "taux" && indicator.unit === "habitants"));
}

interface MapExplorerOptions {
  territory: Territory;
  snapshot: Snapshot;
  /** The engine; without it (embeds), the map shows the build-time values only. */
  engine?: Promise<Engine>;
  width: number;
  /** An embed: the map alone, no controls, table or export buttons. */
  embed?: boolean;
}

export function mapExplorer({territory, snapshot, engine, width, embed = false}: MapExplorerOptions): HTMLElement {
  const indicators = fromSnapshot(snapshot, communeIndicators()) ?? [];
  let state = resolveState(indicators, readParams(["indicateur", "mode", "annee"]));
  let db: Engine | null = null;
  let generation = 0;

  const controls = el("form", {class: "map-controls", "aria-label": "Choix de la carte", onsubmit: (e: Event) => e.preventDefault()});
  const mapBox = el("div", {class: "map-box", "aria-busy": "true", "aria-live": "polite", "data-source": "pending"});
  const tableBox = el("div", {class: "map-table"});
  let shown: MapValueRow[] = [];
  let drawn: ChoroplethElement<MapValueRow> | null = null;
  const toolbar = exportToolbar({
    meta: () => {
      const indicator = indicatorOf(state.indicator);
      return {
        title: `${indicator.label} — carte des dix communes`,
        subtitle: `${state.year} · dix communes de Métropole Nord-Ouest`,
        unit:
          state.mode === "taux"
            ? `${unitWord(indicator.unit, snapshot.units)} pour 1\u202f000 habitants`
            : state.mode === "part"
              ? "% du total du territoire"
              : unitWord(indicator.unit, snapshot.units),
        date: String(state.year),
        fileBase: fileSlug("carte", state.indicator.replace(/\./g, "-"), state.mode === "nombre" ? "" : state.mode, state.year)
      };
    },
    chart: () => mapBox.querySelector<SVGSVGElement>("svg.choropleth-svg"),
    rows: () =>
      shown.map((r) => ({code_insee: r.code, commune: r.nom, valeur: r.value, nombre: r.raw, rang: r.rank, population: r.population, statut: r.status})),
    embed: () => `/embed/carte?${new URLSearchParams({indicateur: state.indicator, mode: state.mode, annee: String(state.year)})}`
  });
  const status = el("p", {class: "muted map-status"});

  const indicatorOf = (slug: string) => indicators.find((i) => i.indicator === slug)!;
  const narrow = width < 560;

  // The indicator list is built once; the mode and year choices follow the indicator.
  const groups = new Map<string, CommuneIndicatorRow[]>();
  for (const i of indicators) groups.set(i.programme, [...(groups.get(i.programme) ?? []), i]);
  const indicatorSelect = el(
    "select",
    {id: "map-indicator", name: "indicateur", onchange: (e: Event) => update({indicator: (e.target as HTMLSelectElement).value})},
    [...groups].map(([programme, list]) =>
      el("optgroup", {label: PROGRAMME_LABELS[programme as Programme] ?? programme}, list.map((i) => el("option", {value: i.indicator}, i.label)))
    )
  );
  const choices = el("div", {class: "map-choices"});
  controls.append(el("div", {class: "field"}, el("label", {for: "map-indicator"}, "Indicateur"), indicatorSelect), choices);

  // Mode and year choices are rebuilt only when the indicator offers other ones: an input the
  // reader (or a script) holds stays in the page.
  let choicesKey = "";
  const renderControls = () => {
    indicatorSelect.value = state.indicator;
    const current = indicatorOf(state.indicator);
    const key = `${availableModes(current).join()}|${current.years.join()}`;
    if (key === choicesKey) {
      for (const radio of choices.querySelectorAll<HTMLInputElement>('input[name="mode"]')) radio.checked = radio.value === state.mode;
      const year = choices.querySelector<HTMLSelectElement>('select[name="annee"]');
      if (year) year.value = String(state.year);
      return;
    }
    choicesKey = key;
    const modes = el(
      "fieldset",
      {class: "mode-choice"},
      el("legend", {}, "Afficher"),
      MAP_MODES.filter((m) => availableModes(current).includes(m.mode)).map((m) =>
        el(
          "label",
          {},
          el("input", {type: "radio", name: "mode", value: m.mode, checked: m.mode === state.mode, onchange: () => update({mode: m.mode})}),
          ` ${m.label}`
        )
      )
    );
    const years =
      current.years.length > 1
        ? el(
            "label",
            {class: "field"},
            el("span", {}, "Année"),
            el(
              "select",
              {name: "annee", onchange: (e: Event) => update({year: Number((e.target as HTMLSelectElement).value)})},
              current.years.map((y) => el("option", {value: y, selected: y === state.year}, String(y)))
            )
          )
        : null;
    choices.replaceChildren(modes, ...(years ? [years] : []));
  };

  const paint = (rows: MapValueRow[], source: "build" | "duckdb") => {
    shown = rows;
    const indicator = indicatorOf(state.indicator);
    const words = (v: number | null) => formatMapValue(v, state.mode, indicator.unit, snapshot.units);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const average = rows[0]?.average ?? null;
    const look = {
      format: (v: number) => formatNumber(v, 1),
      legendTitle: legendTitle(indicator.label, state.mode, state.year),
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
    } satisfies Parameters<ChoroplethElement<MapValueRow>["update"]>[1];
    // A change recolours the map in place (same shapes); the first paint draws it.
    if (drawn) drawn.update(rows, look);
    else mapBox.replaceChildren((drawn = choropleth({territory, values: rows, width, ...look})));
    mapBox.dataset.view = `${state.indicator}|${state.mode}|${state.year}`;
    mapBox.dataset.source = source;
    mapBox.setAttribute("aria-busy", "false");
    tableBox.replaceChildren(
      sortableTable<MapValueRow>({
        caption: `${legendTitle(indicator.label, state.mode, state.year)} — tableau des dix communes`,
        rowKey: (r) => r.code,
        sort: {column: state.mode === "nombre" ? 2 : 3, descending: false},
        rows,
        // The count is its own column only when the map shows a rate or a share; a phone gets the
        // essentials (population and status are on each commune's page and in the tooltip).
        columns: ([
          {label: "Commune", value: (r) => r.nom, cell: (r) => el("a", {href: `/communes/${r.code}`}, r.nom)},
          {label: state.mode === "nombre" ? "Valeur" : state.mode === "taux" ? "Pour 1\u202f000 hab." : "Part (%)", value: (r) => r.value, cell: (r) => words(r.value), numeric: true},
          state.mode === "nombre"
            ? null
            : {label: `Nombre (${unitWord(indicator.unit, snapshot.units)})`, value: (r) => r.raw, cell: (r) => (r.raw === null ? "—" : formatNumber(r.raw, 2)), numeric: true},
          {label: "Rang", value: (r) => r.rank, cell: (r) => (r.rank ? formatRank(r.rank) : "—"), numeric: true},
          narrow ? null : {label: "Habitants (2020)", value: (r) => r.population, cell: (r) => formatNumber(r.population), numeric: true},
          narrow ? null : {label: "Statut", value: (r) => r.status, cell: (r) => (r.status === "derive" ? "calculé" : r.status === "publie" ? "publié" : "—")}
        ] satisfies (Column<MapValueRow> | null)[]).filter((c) => c !== null)
      })
    );
    status.textContent = source === "duckdb" ? DUCKDB_STATUS : engine ? "Chiffres préparés à la publication du site ; le moteur de requêtes les vérifie…" : "";
  };

  /** DuckDB-WASM answered what is already painted. */
  const confirm = () => {
    mapBox.dataset.source = "duckdb";
    status.textContent = DUCKDB_STATUS;
  };

  // Every map view was computed at build time by the same query: a change paints at once from
  // those results, and DuckDB-WASM's answer, which should be identical, confirms it (or repaints).
  const load = async () => {
    const mine = ++generation;
    const query = mapValues(state.indicator, state.year, state.mode);
    const initial = fromSnapshot(snapshot, query);
    if (initial) paint(initial, "build");
    else mapBox.setAttribute("aria-busy", "true");
    if (!engine) {
      if (!initial) status.replaceChildren(errorMessage(new Error("Vue de carte indisponible.")));
      mapBox.setAttribute("aria-busy", "false");
      return;
    }
    try {
      const live = await (db ?? (await engine)).run(query);
      if (mine !== generation) return;
      if (initial && sameValues(initial, live)) confirm();
      else paint(live, "duckdb");
    } catch (error) {
      if (mine === generation) {
        mapBox.setAttribute("aria-busy", "false");
        status.replaceChildren(errorMessage(error));
      }
    }
  };

  const update = (change: Partial<MapState>) => {
    const params = {indicateur: change.indicator ?? state.indicator, mode: change.mode ?? state.mode, annee: String(change.year ?? state.year)};
    state = resolveState(indicators, params);
    // The new map first; then what the reader does not wait for: the URL, and the controls (the
    // indicator's modes and years; a mode or year it lacks was corrected by resolveState).
    void load();
    // After the new map is on screen (history.replaceState alone costs 5–80 ms on a busy machine).
    afterPaint(() => {
      writeParams({indicateur: state.indicator, mode: state.mode, annee: String(state.year)});
      renderControls();
    });
  };

  engine?.then((e) => (db = e)).catch(() => {});
  // Shapes alone only when the build has no values for this view; otherwise the values at once.
  if (!fromSnapshot(snapshot, mapValues(state.indicator, state.year, state.mode))) mapBox.replaceChildren(choropleth({territory, width}));
  renderControls();
  void load();
  if (embed) return el("div", {class: "map-explorer embed"}, mapBox, status);
  return el("div", {class: "map-explorer"}, controls, mapBox, toolbar, status, tableBox);
}
