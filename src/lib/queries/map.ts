// The map's queries (/carte, the home's teaser, the map embed): which indicators the communes
// publish and for which years (across editions), one indicator's values for every commune in a
// chosen mode, and the change of those values between two years.
export {RATIO_UNITS} from "./fragments.js";
import {FIGURES, programmeOrderSql, rankDesc, ratePer1000, sharePct} from "./fragments.js";
import {type IndicatorColumns, type Query, query} from "./query.js";

export interface CommuneIndicatorRow extends IndicatorColumns {
  /** Every year a commune-level figure describes, across editions, oldest first. */
  years: number[];
}

/**
 * Indicators published commune by commune (the map's choices), in programme order, with every year
 * any edition gives them for; label and section as the newest edition words them.
 */
export function communeIndicators(): Query<CommuneIndicatorRow> {
  return query(
    "communeIndicators",
    `
SELECT indicator, arg_max(label, report_year) AS label, arg_max(programme, report_year) AS programme,
       arg_max(section, report_year) AS section, arg_max(unit, report_year) AS unit,
       list(DISTINCT year ORDER BY year) AS years
FROM ${FIGURES} f
WHERE commune_code IS NOT NULL AND dimension IS NULL
GROUP BY indicator
ORDER BY ${programmeOrderSql("arg_max(programme, report_year)")}, indicator`
  );
}

/**
 * How a commune-level figure is shown on the map: a count as itself, per 1 000 inhabitants or as a
 * share of the territory; a figure that is already a rate (unit `pourcent`, e.g. positive exits per
 * participant, derived commune by commune) as that rate, « ratio ».
 */
export type MapMode = "nombre" | "taux" | "part" | "ratio";
export const MAP_MODES: {mode: MapMode; label: string}[] = [
  {mode: "nombre", label: "Nombre"},
  {mode: "taux", label: "Pour 1\u202f000 habitants"},
  {mode: "part", label: "Part du territoire (%)"},
  {mode: "ratio", label: "Taux (%)"}
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
  /**
   * Territory reference in the same mode: mean per commune, territory rate, or 10 %; for a ratio, the
   * territory's own figure when the data has it (else the mean of the communes' rates).
   */
  average: number;
  communes: number;
}

/** The figure in a mode, from a count and the commune's population (SQL over the CTE's rows). */
function inMode(raw: string): string {
  return `CASE ?::VARCHAR
      WHEN 'taux' THEN ${ratePer1000(raw, "population")}
      WHEN 'part' THEN ${sharePct(raw, `sum(${raw}) OVER ()`)}
      ELSE ${raw} END`;
}

/** The territory-level figure of the indicator for year `year` (SQL expression, null when none). */
function territoryFigure(year: string): string {
  return `(SELECT t.value FROM ${FIGURES} t WHERE t.indicator = ind.indicator AND t.commune_code IS NULL
      AND t.dimension IS NULL AND t.year = ${year})`;
}

/** One year's commune-level figures of an indicator, its best figure across editions. */
const YEAR_FIGURES = `SELECT commune_code, year, value, status, quote, derivation FROM ${FIGURES} f
  WHERE indicator = ? AND commune_code IS NOT NULL AND dimension IS NULL`;

/**
 * One commune-level indicator for one year, for every commune, in the chosen mode, with each
 * commune's rank among the communes and the territory's reference value. The year's figure is the
 * best one across editions (FIGURES): the report that printed it, else the newest that derived it.
 */
export function mapValues(indicator: string, year: number, mode: MapMode): Query<MapValueRow> {
  return query(
    "mapValues",
    `
WITH ind AS (SELECT ?::VARCHAR AS indicator), published AS (
  ${YEAR_FIGURES} AND year = ?::INTEGER
), joined AS (
  SELECT c.code, c.nom, c.population, p.value AS raw, p.status, p.quote, p.derivation
  FROM communes c LEFT JOIN published p ON p.commune_code = c.code
), shown AS (
  SELECT *, ${inMode("raw")} AS value
  FROM joined
)
SELECT code, nom, population, raw, status, quote, derivation, value,
  CASE WHEN value IS NULL THEN NULL ELSE ${rankDesc("value")} END AS rank,
  CASE ?::VARCHAR
    WHEN 'taux' THEN ${ratePer1000("sum(raw) OVER ()", "sum(population) FILTER (WHERE raw IS NOT NULL) OVER ()")}
    WHEN 'part' THEN 100.0 / count(raw) OVER ()
    WHEN 'ratio' THEN coalesce(${territoryFigure("?::INTEGER")}, avg(raw) OVER ())
    ELSE avg(raw) OVER () END AS average,
  count(*) OVER () AS communes
FROM shown, ind
ORDER BY code`,
    [indicator, indicator, year, mode, mode, year]
  );
}

/**
 * A commune's change between two years. `value` is the change in the chosen mode (a count in its
 * unit, a rate or a share in points), `raw` the change of the count; both are null when either year
 * lacks the commune's figure. `rank` 1 is the largest rise; `average` the territory's change (mean
 * change per commune, change of the territory's rate, or of the mean share).
 */
export interface MapChangeRow extends MapValueRow {
  raw_from: number | null;
  raw_to: number | null;
  /** Each year's figure in the chosen mode. */
  value_from: number | null;
  value_to: number | null;
}

/** One commune-level indicator's change from `from` to `to`, for every commune, in the chosen mode. */
export function mapChanges(indicator: string, from: number, to: number, mode: MapMode): Query<MapChangeRow> {
  // Both years' figures must be there for a change: a commune with one of them has none.
  const both = "WHERE raw_from IS NOT NULL AND raw_to IS NOT NULL";
  return query(
    "mapChanges",
    `
WITH ind AS (SELECT ?::VARCHAR AS indicator), figures AS (
  ${YEAR_FIGURES} AND year IN (?::INTEGER, ?::INTEGER)
), joined AS (
  SELECT c.code, c.nom, c.population, a.value AS raw_from, b.value AS raw_to,
    CASE WHEN a.status IS NULL OR b.status IS NULL THEN NULL
      WHEN a.status = 'derive' OR b.status = 'derive' THEN 'derive' ELSE 'publie' END AS status
  FROM communes c
  LEFT JOIN figures a ON a.commune_code = c.code AND a.year = ?::INTEGER
  LEFT JOIN figures b ON b.commune_code = c.code AND b.year = ?::INTEGER
), shown AS (
  SELECT *, ${inMode("raw_from")} AS value_from, ${inMode("raw_to")} AS value_to FROM joined
), changed AS (
  SELECT *, value_to - value_from AS value, raw_to - raw_from AS raw FROM shown
)
SELECT code, nom, population, raw, status, NULL::VARCHAR AS quote, NULL::VARCHAR AS derivation, value,
  raw_from, raw_to, value_from, value_to,
  CASE WHEN value IS NULL THEN NULL ELSE ${rankDesc("value")} END AS rank,
  CASE ?::VARCHAR
    WHEN 'taux' THEN
      ${ratePer1000(`sum(raw_to) FILTER (${both}) OVER ()`, `sum(population) FILTER (${both}) OVER ()`)}
      - ${ratePer1000(`sum(raw_from) FILTER (${both}) OVER ()`, `sum(population) FILTER (${both}) OVER ()`)}
    WHEN 'ratio' THEN coalesce(${territoryFigure("?::INTEGER")} - ${territoryFigure("?::INTEGER")},
      avg(value) OVER (), 0)
    ELSE coalesce(avg(value) OVER (), 0) END AS average,
  count(*) OVER () AS communes
FROM changed, ind
ORDER BY code`,
    [indicator, indicator, from, to, from, to, mode, mode, mode, to, from]
  );
}
