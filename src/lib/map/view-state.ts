// The map's view (indicator, mode, year) as the URL states it, corrected to what the data has; and
// the comparisons the map makes between two views or two answers. Pure: used by /carte, its embed
// and their tests alike.
import {type CommuneIndicatorRow, MAP_MODES, type MapMode, type MapValueRow} from "../queries/index.js";

export interface MapState {
  indicator: string;
  mode: MapMode;
  year: number;
}

/** The URL's parameters of a map view (the site's contract: /carte?indicateur=…&mode=…&annee=…). */
export const MAP_PARAMS = ["indicateur", "mode", "annee"] as const;
export type MapParams = Partial<Record<(typeof MAP_PARAMS)[number], string>>;

export const DEFAULT_INDICATOR = "plie.participants";

/** A rate per inhabitant of the population itself is always 1 000: only count and share apply. */
export function availableModes(indicator: Pick<CommuneIndicatorRow, "unit">): MapMode[] {
  return MAP_MODES.map((m) => m.mode).filter((mode) => !(mode === "taux" && indicator.unit === "habitants"));
}

/**
 * The state in the URL, corrected to something the data has: an unknown indicator becomes the
 * default one, a mode or year the indicator lacks its first mode or latest year. Null when the data
 * has no indicator to map.
 */
export function resolveState(indicators: CommuneIndicatorRow[], params: MapParams): MapState | null {
  const mappable = indicators.filter((i) => i.years.length > 0);
  const chosen =
    mappable.find((i) => i.indicator === params.indicateur) ??
    mappable.find((i) => i.indicator === DEFAULT_INDICATOR) ??
    mappable[0];
  if (!chosen) return null;
  const modes = availableModes(chosen);
  const mode = modes.find((m) => m === params.mode) ?? modes[0];
  const asked = Number(params.annee);
  const year = chosen.years.includes(asked) ? asked : chosen.years[chosen.years.length - 1];
  return {indicator: chosen.indicator, mode, year};
}

/** A state as the URL writes it. */
export function stateParams(state: MapState): Required<MapParams> {
  return {indicateur: state.indicator, mode: state.mode, annee: String(state.year)};
}

/** A view's identity, as the map box states it (`data-view`) for tests and the benchmark. */
export function viewKey(state: MapState): string {
  return `${state.indicator}|${state.mode}|${state.year}`;
}

/**
 * What the mode and year inputs offer for an indicator: two indicators with the same key share the
 * same inputs, which then stay in the page (an input the reader, or a script, holds stays attached).
 */
export function choicesKey(indicator: Pick<CommuneIndicatorRow, "unit" | "years">): string {
  return `${availableModes(indicator).join()}|${indicator.years.join()}`;
}

/** Whether two answers of the map query agree (to the last printed decimal). */
export function sameValues(a: MapValueRow[], b: MapValueRow[]): boolean {
  const round = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6);
  const key = (rows: MapValueRow[]) =>
    JSON.stringify(rows.map((r) => [r.code, round(r.value), round(r.raw), r.rank, round(r.average), r.status]));
  return a.length === b.length && key(a) === key(b);
}
