// The drill-down's state in the URL: /programmes/<programme>?section=<slug>&indicateur=<slug>&annee=<year>.
export interface DrillState {
  section: string | null;
  indicator: string | null;
  /** The year asked for, when it is a year at all. */
  year: number | null;
  /** `annee` as written (to say why a year that is not one, or has no figure, is not shown). */
  yearParam: string | null;
}

export function readDrillState(search = location.search): DrillState {
  const params = new URLSearchParams(search);
  const yearParam = params.get("annee");
  const year = /^\d{4}$/.test(yearParam?.trim() ?? "") ? Number(yearParam) : null;
  return {section: params.get("section"), indicator: params.get("indicateur"), year, yearParam};
}

/**
 * The year to show among an indicator's years: the one asked for when it has figures, else the
 * latest; `notice` says in French why the year asked for is not the one shown.
 */
export function chooseYear(
  state: Pick<DrillState, "year" | "yearParam">,
  years: number[]
): {year: number; notice: string | null} {
  const latest = Math.max(...years);
  if (state.yearParam === null || state.yearParam === "") return {year: latest, notice: null};
  if (state.year !== null && years.includes(state.year)) return {year: state.year, notice: null};
  const available =
    years.length > 1 ? `les années disponibles sont ${years.join(", ")}` : `seule l’année ${latest} est disponible`;
  const asked =
    state.year === null
      ? `« ${state.yearParam} » n’est pas une année`
      : `cet indicateur n’a pas de valeur pour ${state.year}`;
  return {year: latest, notice: `Année demandée introuvable : ${asked} ; ${available}. Affichage de ${latest}.`};
}
