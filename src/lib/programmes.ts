// The report's five programmes: their French names and their URL form (DESIGN.md routes contract:
// mission_locale is written mission-locale in URLs).
import type {Programme} from "./schema.js";

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

export function programmeSlug(programme: string): string {
  return programme.replace(/_/g, "-");
}

export function programmeFromSlug(slug: string): Programme | null {
  const programme = slug.replace(/-/g, "_");
  return programme in PROGRAMME_LABELS ? (programme as Programme) : null;
}
