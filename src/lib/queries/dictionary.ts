// The data page's queries (/donnees): the dictionary of indicators and the derived figures, across
// every edition (each figure counted once: FIGURES).
import {FIGURES, programmeOrderSql} from "./fragments.js";
import type {CommuneIndicatorRow} from "./map.js";
import type {IndicatorRow} from "../schema.js";
import {type Query, query} from "./query.js";

export interface DictionaryRow extends CommuneIndicatorRow {
  /** The editions that print or derive it, oldest first. */
  editions: number[];
  published: number;
  derived: number;
  communes: number;
  dimensions: string[];
  quote: string;
}

/**
 * The data dictionary: every indicator of every edition, named as its newest edition names it,
 * with what it holds and where it comes from. A figure printed by one edition and derived by
 * another counts once, as printed.
 */
export function dictionary(): Query<DictionaryRow> {
  return query(
    "dictionary",
    `
WITH newest AS (
  SELECT i.indicator, i.report_year, i.label, i.programme, i.section, i.unit, i.quote, c.section_position, c.position
  FROM indicators i JOIN catalog c ON c.indicator = i.indicator AND c.report_year = i.report_year
  QUALIFY row_number() OVER (
    PARTITION BY i.indicator ORDER BY i.report_year DESC, i.status DESC, i.year DESC, i.commune_code NULLS FIRST
  ) = 1
), editions AS (
  SELECT indicator, list(DISTINCT report_year ORDER BY report_year) AS editions FROM indicators GROUP BY indicator
)
SELECT f.indicator, any_value(n.label) AS label, any_value(n.programme) AS programme,
  any_value(n.section) AS section, any_value(n.unit) AS unit, list(DISTINCT f.year ORDER BY f.year) AS years,
  any_value(e.editions) AS editions,
  count(*) FILTER (WHERE f.status = 'publie') AS published, count(*) FILTER (WHERE f.status = 'derive') AS derived,
  count(DISTINCT f.commune_code) AS communes,
  coalesce(list(DISTINCT f.dimension ORDER BY f.dimension) FILTER (WHERE f.dimension IS NOT NULL), []) AS dimensions,
  any_value(n.quote) AS quote
FROM ${FIGURES} f JOIN newest n ON n.indicator = f.indicator JOIN editions e ON e.indicator = f.indicator
GROUP BY f.indicator
ORDER BY ${programmeOrderSql("any_value(n.programme)")},
  any_value(n.section_position), any_value(n.position), f.indicator`
  );
}

export interface DerivedRow extends Pick<
  IndicatorRow,
  "report_year" | "indicator" | "label" | "year" | "dimension" | "category" | "value" | "unit"
> {
  commune: string | null;
  derivation: string;
}

/**
 * Every derived figure the pages show, with its formula and its edition: what the data adds to the
 * report, said openly (a level an edition derives but another prints is shown as printed: not here).
 */
export function derivedFigures(): Query<DerivedRow> {
  return query(
    "derivedFigures",
    `
SELECT i.report_year, i.indicator, i.label, i.year, c.nom AS commune, i.dimension, i.category, i.value, i.unit,
  i.derivation
FROM ${FIGURES} i LEFT JOIN communes c ON c.code = i.commune_code
WHERE i.status = 'derive'
ORDER BY i.report_year DESC, i.programme, i.indicator, i.year, c.nom`
  );
}
