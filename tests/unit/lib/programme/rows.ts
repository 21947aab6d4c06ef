// A row of an indicator as the programme queries return it, for the programme lib's tests.
import type {IndicatorRowDetail} from "../../../../src/lib/queries/index.js";

export const row = (over: Partial<IndicatorRowDetail>): IndicatorRowDetail => ({
  indicator: "mission_locale.entretiens",
  label: "Entretiens",
  section: "Accueil et suivi",
  programme: "mission_locale",
  report_year: 2022,
  year: 2022,
  commune_code: null,
  commune: null,
  dimension: null,
  category: null,
  value: 0,
  unit: "entretiens",
  status: "publie",
  derivation: null,
  quote: "",
  ...over
});
