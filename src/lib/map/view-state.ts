// The map's view (indicator, mode, year, or the change between two years) as the URL states it,
// corrected to what the data has; and the comparisons the map makes between two views or two
// answers. Pure: used by /carte, its embed and their tests alike.
import {type CommuneIndicatorRow, MAP_MODES, type MapMode, type MapValueRow, RATIO_UNITS} from "../queries/index.js";

export interface MapState {
  indicator: string;
  /** What is shown of the figure: a count, a rate per 1 000 inhabitants or a share of the territory. */
  mode: MapMode;
  /** The year shown; in an évolution, the year the change goes to. */
  year: number;
  /** An évolution: the year the change goes from (before `year`). */
  from?: number;
  /** A commune picked out on the map (INSEE code), when the URL names one. */
  commune?: string;
}

/**
 * The URL's parameters of a map view (the site's contract: /carte?indicateur=…&mode=…&annee=…&commune=…;
 * an évolution is `mode=evolution&de=2021&annee=2023`, with `mesure=taux|part` when it is not of the count).
 */
export const MAP_PARAMS = ["indicateur", "mode", "mesure", "de", "annee", "commune"] as const;
export type MapParams = Partial<Record<(typeof MAP_PARAMS)[number], string>>;

/** The `mode` of an évolution in the URL, and its name among the map's choices. */
export const EVOLUTION = "evolution";
export const EVOLUTION_LABEL = "Évolution";

export const DEFAULT_INDICATOR = "plie.participants";

/** Whether a commune-level indicator is a rate (« calculé » ratios such as positive exits ÷ participants). */
export function isRatio(indicator: Pick<CommuneIndicatorRow, "unit">): boolean {
  return RATIO_UNITS.includes(indicator.unit);
}

/**
 * The readings of an indicator: a rate is read as itself only (a rate per inhabitant or a share of
 * a sum of rates means nothing); a count as a count, per 1 000 inhabitants or as a share — except
 * the population, whose rate per inhabitant is always 1 000.
 */
export function availableModes(indicator: Pick<CommuneIndicatorRow, "unit">): MapMode[] {
  if (isRatio(indicator)) return ["ratio"];
  return MAP_MODES.map((m) => m.mode).filter(
    (mode) => mode !== "ratio" && !(mode === "taux" && indicator.unit === "habitants")
  );
}

/** An évolution needs two years of the indicator. */
export function canEvolve(indicator: Pick<CommuneIndicatorRow, "years">): boolean {
  return indicator.years.length >= 2;
}

/**
 * The two years of an évolution, corrected to the indicator's years: the year asked to go to (else
 * the latest), from the year asked (else the one before); reversed years are put in order, and an
 * évolution to the first year goes from it to the next. Null with fewer than two years.
 */
export function evolutionYears(years: number[], from?: number, to?: number): {from: number; year: number} | null {
  if (years.length < 2) return null;
  let end = to !== undefined && years.includes(to) ? to : years[years.length - 1];
  let start = from !== undefined && years.includes(from) && from !== end ? from : undefined;
  if (start !== undefined && start > end) [start, end] = [end, start];
  start ??= years.filter((y) => y < end).pop();
  if (start === undefined) {
    start = end;
    end = years[years.indexOf(end) + 1];
  }
  return {from: start, year: end};
}

/** The years an évolution may start from (all but the last) and end at (all but the first). */
export function evolutionChoices(years: number[]): {from: number[]; to: number[]} {
  return {from: years.slice(0, -1), to: years.slice(1)};
}

/** The reader moves the start of an évolution: the end moves past it when it has to. */
export function withFrom(years: number[], state: MapState, from: number): Partial<MapState> {
  return from < state.year ? {from} : {from, year: years.find((y) => y > from) ?? state.year};
}

/** The reader moves the end of an évolution: the start moves before it when it has to. */
export function withTo(years: number[], state: MapState, year: number): Partial<MapState> {
  const from = state.from ?? year;
  return from < year ? {year} : {year, from: years.filter((y) => y < year).pop() ?? from};
}

/**
 * The state in the URL, corrected to something the data has: an unknown indicator becomes the
 * default one, a mode or year the indicator lacks its first mode or latest year, an évolution of an
 * indicator with one year that year's map; a commune is kept when it is one of `communes` (or when
 * no list is given). Null when the data has no indicator to map.
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
  const evolution = params.mode === EVOLUTION;
  const asked = evolution ? params.mesure : params.mode;
  const mode = modes.find((m) => m === asked) ?? modes[0];
  const year = Number(params.annee);
  const commune = params.commune && (!communes || communes.includes(params.commune)) ? params.commune : null;
  const picked = commune ? {commune} : {};
  const span = evolution ? evolutionYears(chosen.years, Number(params.de), year) : null;
  if (span) return {indicator: chosen.indicator, mode, year: span.year, from: span.from, ...picked};
  const shown = chosen.years.includes(year) ? year : chosen.years[chosen.years.length - 1];
  return {indicator: chosen.indicator, mode, year: shown, ...picked};
}

/** What the URL asked for that the map cannot show, in French (the map shows the default instead). */
export function unknownParams(indicators: CommuneIndicatorRow[], params: MapParams, communes?: string[]): string[] {
  const notices: string[] = [];
  const mappable = indicators.filter((i) => i.years.length > 0);
  const asked = mappable.find((i) => i.indicator === params.indicateur);
  if (params.indicateur && !asked) {
    notices.push(`L’indicateur « ${params.indicateur} » n’est pas publié commune par commune.`);
  }
  const evolution = params.mode === EVOLUTION;
  const modes = MAP_MODES.filter((m) => availableModes(asked ?? {unit: ""}).includes(m.mode));
  // The readings as the map's choices name them (« Pour 1 000 habitants »), not as the URL spells them.
  const labels = [...modes.map((m) => m.label), ...(!asked || canEvolve(asked) ? [EVOLUTION_LABEL] : [])];
  const said = (list: string[]) => list.map((m) => `« ${m} »`).join(", ");
  const named = (mode: string) => MAP_MODES.find((m) => m.mode === mode)?.label ?? mode;
  if (params.mode && !evolution && !modes.some((m) => m.mode === params.mode)) {
    notices.push(`La lecture « ${named(params.mode)} » n’existe pas pour cet indicateur (au choix : ${said(labels)}).`);
  }
  if (evolution && params.mesure && !modes.some((m) => m.mode === params.mesure)) {
    const measures = said(modes.map((m) => m.label));
    notices.push(`L’évolution « ${named(params.mesure)} » n’existe pas pour cet indicateur (au choix : ${measures}).`);
  }
  // The indicator shown: the one asked, else the default one.
  const shown = asked ?? mappable.find((i) => i.indicator === DEFAULT_INDICATOR) ?? mappable[0];
  if (evolution && shown && !canEvolve(shown)) {
    notices.push(`L’évolution demande deux années : cet indicateur n’est publié que pour ${shown.years[0]}.`);
  }
  const unknownYear = (value: string | undefined) => value && asked && !asked.years.includes(Number(value));
  const years = asked?.years.join(", ");
  if (unknownYear(params.annee)) {
    notices.push(`L’année ${params.annee} n’est pas publiée pour cet indicateur (années : ${years}).`);
  }
  if (evolution && unknownYear(params.de)) {
    notices.push(`L’année ${params.de} n’est pas publiée pour cet indicateur (années : ${years}).`);
  }
  if (params.commune && communes && !communes.includes(params.commune)) {
    notices.push(`Le code commune « ${params.commune} » n’est pas l’une des dix communes.`);
  }
  return notices;
}

/** A state as the URL writes it (the commune only when one is picked out). */
export function stateParams(state: MapState): MapParams {
  const view: MapParams =
    state.from === undefined
      ? {indicateur: state.indicator, mode: state.mode, annee: String(state.year)}
      : {
          indicateur: state.indicator,
          mode: EVOLUTION,
          ...(state.mode === "nombre" ? {} : {mesure: state.mode}),
          de: String(state.from),
          annee: String(state.year)
        };
  return state.commune ? {...view, commune: state.commune} : view;
}

/** Every map parameter of the URL for a state: the ones it does not use are removed (null). */
export function urlValues(state: MapState): Record<(typeof MAP_PARAMS)[number], string | null> {
  const params = stateParams(state);
  return Object.fromEntries(MAP_PARAMS.map((name) => [name, params[name] ?? null])) as Record<
    (typeof MAP_PARAMS)[number],
    string | null
  >;
}

/** A view's identity, as the map box states it (`data-view`) for tests and the benchmark. */
export function viewKey(state: MapState): string {
  return state.from === undefined
    ? `${state.indicator}|${state.mode}|${state.year}`
    : `${state.indicator}|${EVOLUTION}:${state.mode}|${state.from}-${state.year}`;
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
