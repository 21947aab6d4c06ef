// The drill-down's state in the URL: /programmes/<programme>?section=<slug>&indicateur=<slug>&annee=<year>.
import {programmeHref} from "../routes.js";

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

/**
 * The link of a level of the drill-down (programme, section, or indicator).
 * @deprecated Use programmeHref (src/lib/routes.ts); kept for the chart embed page until it moves.
 */
export function drillHref(programmeSlug: string, section?: string | null, indicator?: string | null): string {
  return programmeHref(programmeSlug, {section, indicator});
}
