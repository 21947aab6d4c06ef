// The drill-down's state in the URL: /programmes/<programme>?section=<slug>&indicateur=<slug>&annee=<year>.
import {slugify} from "../text.js";

export interface DrillState {
  section: string | null;
  indicator: string | null;
  year: number | null;
}

export function readDrillState(search = location.search): DrillState {
  const params = new URLSearchParams(search);
  const year = Number(params.get("annee"));
  return {section: params.get("section"), indicator: params.get("indicateur"), year: Number.isInteger(year) && year > 0 ? year : null};
}

/** The link of a level of the drill-down (programme, section, or indicator). */
export function drillHref(programmeSlug: string, section?: string | null, indicator?: string | null): string {
  const params = new URLSearchParams();
  if (section) params.set("section", slugify(section));
  if (indicator) params.set("indicateur", indicator);
  const query = params.toString();
  return `/programmes/${programmeSlug}${query ? `?${query}` : ""}`;
}
