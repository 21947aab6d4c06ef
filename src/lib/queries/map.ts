// The map's queries (/carte, the home's teaser, the map embed): which indicators the communes
// publish, and one indicator's values for every commune in a chosen mode.
import {LATEST, programmeOrderSql, rankDesc, ratePer1000, sharePct} from "./fragments.js";
import {type IndicatorColumns, type Query, query} from "./query.js";

export interface CommuneIndicatorRow extends IndicatorColumns {
  years: number[];
}

/** Indicators published commune by commune (the map's choices), in programme order. */
export function communeIndicators(): Query<CommuneIndicatorRow> {
  return query(
    "communeIndicators",
    `
SELECT indicator, any_value(label) AS label, any_value(programme) AS programme, any_value(section) AS section,
       any_value(unit) AS unit, list(DISTINCT year ORDER BY year) AS years
FROM indicators
WHERE report_year = ${LATEST} AND commune_code IS NOT NULL AND dimension IS NULL
GROUP BY indicator
ORDER BY ${programmeOrderSql("any_value(programme)")}, indicator`
  );
}

/** How a commune-level figure is shown on the map. */
export type MapMode = "nombre" | "taux" | "part";
export const MAP_MODES: {mode: MapMode; label: string}[] = [
  {mode: "nombre", label: "Nombre"},
  {mode: "taux", label: "Pour 1\u202f000 habitants"},
  {mode: "part", label: "Part du territoire (%)"}
];

export interface MapValueRow {
  code: string;
  nom: string;
  population: number;
  /** The figure as published (or derived), null when the report has none for this commune. */
  raw: number | null;
  status: string | null;
  quote: string | null;
  derivation: string | null;
  /** The figure in the chosen mode (count, rate per 1 000 inhabitants, share of the total in %). */
  value: number | null;
  rank: number | null;
  /** Territory reference in the same mode: mean per commune, territory rate, or 10 %. */
  average: number;
  communes: number;
}

/**
 * One commune-level indicator for one year, for every commune, in the chosen mode, with each
 * commune's rank among the communes and the territory's reference value.
 */
export function mapValues(indicator: string, year: number, mode: MapMode): Query<MapValueRow> {
  return query(
    "mapValues",
    `
WITH published AS (
  SELECT commune_code, value, status, quote, derivation FROM indicators
  WHERE report_year = ${LATEST} AND indicator = ? AND year = ?::INTEGER AND commune_code IS NOT NULL
    AND dimension IS NULL
), joined AS (
  SELECT c.code, c.nom, c.population, p.value AS raw, p.status, p.quote, p.derivation
  FROM communes c LEFT JOIN published p ON p.commune_code = c.code
), shown AS (
  SELECT *, CASE ?::VARCHAR
      WHEN 'taux' THEN ${ratePer1000("raw", "population")}
      WHEN 'part' THEN ${sharePct("raw", "sum(raw) OVER ()")}
      ELSE raw END AS value
  FROM joined
)
SELECT code, nom, population, raw, status, quote, derivation, value,
  CASE WHEN value IS NULL THEN NULL ELSE ${rankDesc("value")} END AS rank,
  CASE ?::VARCHAR
    WHEN 'taux' THEN ${ratePer1000("sum(raw) OVER ()", "sum(population) FILTER (WHERE raw IS NOT NULL) OVER ()")}
    WHEN 'part' THEN 100.0 / count(raw) OVER ()
    ELSE avg(raw) OVER () END AS average,
  count(*) OVER () AS communes
FROM shown
ORDER BY code`,
    [indicator, year, mode, mode]
  );
}
