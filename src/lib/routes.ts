// Every internal address of the site, built in one place so that a link, an export's address and a
// history entry always agree on the parameters' names (the URLs are part of the site's contract).
import {slugify} from "./text.js";
import {programmeSlug} from "./programmes.js";

/** A query string from the parameters that have a value (« ?a=1&b=x »), or "". */
function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export interface MapView {
  indicator?: string | null;
  mode?: string | null;
  year?: number | null;
  commune?: string | null;
  /** An évolution: the change from this year to `year`, of the figure in `mode`. */
  from?: number | null;
}

function mapQuery({indicator, mode, year, commune, from}: MapView): string {
  if (from === null || from === undefined) return query({indicateur: indicator, mode, annee: year, commune});
  const mesure = mode === "nombre" ? null : mode;
  return query({indicateur: indicator, mode: "evolution", mesure, de: from, annee: year, commune});
}

/** « /carte?indicateur=plie.participants&mode=taux&annee=2022 », « …&mode=evolution&de=2021&annee=2023 ». */
export function mapHref(view: MapView = {}): string {
  return `/carte${mapQuery(view)}`;
}

/** The map alone, for an iframe. */
export function embedMapHref(view: MapView = {}): string {
  return `/embed/carte${mapQuery(view)}`;
}

/** « /communes/59378 ». */
export function communeHref(code: string): string {
  return `/communes/${encodeURIComponent(code)}`;
}

/** A level of a programme's drill-down: the programme, one of its sections, or one indicator. */
export function programmeHref(
  programme: string,
  {section, indicator, year}: {section?: string | null; indicator?: string | null; year?: number | null} = {}
): string {
  const search = query({section: section ? slugify(section) : null, indicateur: indicator, annee: year});
  return `/programmes/${programmeSlug(programme)}${search}`;
}

/** One chart of an indicator alone, for an iframe. */
export function embedChartHref({
  indicator,
  chart,
  year
}: {
  indicator: string;
  chart: string;
  year?: number | null;
}): string {
  return `/embed/graphique${query({indicateur: indicator, graphique: chart, annee: year})}`;
}
