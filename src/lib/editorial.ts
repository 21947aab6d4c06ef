// The figures the home page leads with, in this order (an editorial choice; the values are queried).
export const HEADLINE_INDICATORS = [
  "territoire.population",
  "territoire.demandeurs_emploi",
  "plie.participants",
  "plie.sorties_positives_taux",
  "mission_locale.entretiens",
  "mission_locale.alternance_contrats",
  "mde.clause_heures",
  "mission_locale.aides_montant"
];

/** The map shown as a teaser on the home page. */
export const TEASER_MAP = {indicator: "plie.participants", mode: "taux" as const};
