// The figures the home page leads with, in this order (an editorial choice; the values are queried).
export const HEADLINE_INDICATORS = [
  "territoire.population",
  "territoire.demandeurs_emploi",
  "plie.participants",
  "mission_locale.entretiens",
  "mde.clause_heures",
  "mission_locale.aides_montant"
];
