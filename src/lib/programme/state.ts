// The drill-down's state in the URL: /programmes/<programme>?section=<slug>&indicateur=<slug>&annee=<year>.
export interface DrillState {
  section: string | null;
  indicator: string | null;
  year: number | null;
}

export function readDrillState(search = location.search): DrillState {
  const params = new URLSearchParams(search);
  const year = Number(params.get("annee"));
  return {
    section: params.get("section"),
    indicator: params.get("indicateur"),
    year: Number.isInteger(year) && year > 0 ? year : null
  };
}
