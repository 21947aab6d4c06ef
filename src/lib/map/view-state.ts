// The map's view (indicator, mode, year) as the URL states it, corrected to what the data has; and
// the comparisons the map makes between two views or two answers. Pure: used by /carte, its embed
// and their tests alike.
import {type CommuneIndicatorRow, MAP_MODES, type MapMode, type MapValueRow} from "../queries/index.js";

export interface MapState {
  indicator: string;
  mode: MapMode;
  year: number;
  /** A commune picked out on the map (INSEE code), when the URL names one. */
  commune?: string;
}

/** The URL's parameters of a map view (the site's contract: /carte?indicateur=…&mode=…&annee=…&commune=…). */
export const MAP_PARAMS = ["indicateur", "mode", "annee", "commune"] as const;
export type MapParams = Partial<Record<(typeof MAP_PARAMS)[number], string>>;

export const DEFAULT_INDICATOR = "plie.participants";

/** A rate per inhabitant of the population itself is always 1 000: only count and share apply. */
export function availableModes(indicator: Pick<CommuneIndicatorRow, "unit">): MapMode[] {
  return MAP_MODES.map((m) => m.mode).filter((mode) => !(mode === "taux" && indicator.unit === "habitants"));
}

/**
 * The state in the URL, corrected to something the data has: an unknown indicator becomes the
 * default one, a mode or year the indicator lacks its first mode or latest year; a commune is kept
 * when it is one of `communes` (or when no list is given). Null when the data has no indicator to map.
 */
export function resolveState(
  indicators: CommuneIndicatorRow[],
  params: MapParams,
  communes?: string[]
): MapState | null {
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
  const commune = params.commune && (!communes || communes.includes(params.commune)) ? params.commune : null;
  return {indicator: chosen.indicator, mode, year, ...(commune ? {commune} : {})};
}

/** What the URL asked for that the map cannot show, in French (the map shows the default instead). */
export function unknownParams(indicators: CommuneIndicatorRow[], params: MapParams, communes?: string[]): string[] {
  const notices: string[] = [];
  const mappable = indicators.filter((i) => i.years.length > 0);
  const asked = mappable.find((i) => i.indicator === params.indicateur);
  if (params.indicateur && !asked) {
    notices.push(`L’indicateur « ${params.indicateur} » n’est pas publié commune par commune.`);
  }
  const modes = MAP_MODES.filter((m) => availableModes(asked ?? {unit: ""}).includes(m.mode));
  if (params.mode && !modes.some((m) => m.mode === params.mode)) {
    const offered = modes.map((m) => `« ${m.mode} »`).join(", ");
    notices.push(`La lecture « ${params.mode} » n’existe pas pour cet indicateur (au choix : ${offered}).`);
  }
  if (params.annee && asked && !asked.years.includes(Number(params.annee))) {
    notices.push(`L’année ${params.annee} n’est pas publiée pour cet indicateur (années : ${asked.years.join(", ")}).`);
  }
  if (params.commune && communes && !communes.includes(params.commune)) {
    notices.push(`Le code commune « ${params.commune} » n’est pas l’une des dix communes.`);
  }
  return notices;
}

/** A state as the URL writes it (the commune only when one is picked out). */
export function stateParams(state: MapState): Required<Omit<MapParams, "commune">> & Pick<MapParams, "commune"> {
  const view = {indicateur: state.indicator, mode: state.mode, annee: String(state.year)};
  return state.commune ? {...view, commune: state.commune} : view;
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
