// The report's five programmes, in the report's order: the one list that the type, the labels, the
// pages' tabs, the queries' ordering and the data's rules (data/reports/regles.json) follow. In URLs,
// mission_locale is written mission-locale.

export const PROGRAMMES = ["territoire", "mde", "plie", "mission_locale", "association"] as const;
export type Programme = (typeof PROGRAMMES)[number];

export function isProgramme(value: string): value is Programme {
  return (PROGRAMMES as readonly string[]).includes(value);
}

export const PROGRAMME_LABELS: Record<Programme, string> = {
  territoire: "Territoire",
  mde: "Maison de l'Emploi",
  plie: "PLIE",
  mission_locale: "Mission Locale",
  association: "Communication"
};

export const PROGRAMME_DESCRIPTIONS: Record<Programme, string> = {
  territoire: "Population, emploi salarié et demande d'emploi des dix communes.",
  mde: "Évènements, création d'entreprise, relations entreprises, clause d'insertion, cyber-base, mobilité, SIAE.",
  plie: "Accompagnement renforcé des adultes éloignés de l'emploi : participants, parcours, sorties.",
  mission_locale: "Accueil et accompagnement des 16–25 ans : santé, formation, emploi, alternance, CEJ, aides.",
  association: "Site emploi-mno.fr, réseaux sociaux et campagnes publicitaires."
};

/** « Mission Locale »; a programme the site does not know keeps its identifier. */
export function programmeLabel(programme: string): string {
  return isProgramme(programme) ? PROGRAMME_LABELS[programme] : programme;
}

/** A programme's place in the report (0 = first), after every known one when unknown. */
export function programmeRank(programme: string): number {
  return isProgramme(programme) ? PROGRAMMES.indexOf(programme) : PROGRAMMES.length;
}

/** SQL: the report's order of the programme in `column`, for ORDER BY (the names are constants). */
export function programmeOrderSql(column: string): string {
  return `list_position([${PROGRAMMES.map((p) => `'${p}'`).join(", ")}], ${column})`;
}

export function programmeSlug(programme: string): string {
  return programme.replace(/_/g, "-");
}

export function programmeFromSlug(slug: string): Programme | null {
  const programme = slug.replace(/-/g, "_");
  return isProgramme(programme) ? programme : null;
}
