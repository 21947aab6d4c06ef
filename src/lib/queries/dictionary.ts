// The data page's queries (/donnees): the dictionary of indicators and the derived figures.
import {LATEST, programmeOrderSql} from "./fragments.js";
import type {CommuneIndicatorRow} from "./map.js";
import type {IndicatorRow} from "../schema.js";
import {type Query, query} from "./query.js";

export interface DictionaryRow extends CommuneIndicatorRow {
  published: number;
  derived: number;
  communes: number;
  dimensions: string[];
  quote: string;
}

/** The data dictionary: every indicator of every edition, with what it holds and where it comes from. */
export function dictionary(): Query<DictionaryRow> {
  return query(
    "dictionary",
    `
SELECT i.indicator, any_value(i.label) AS label, any_value(i.programme) AS programme, any_value(i.section) AS section,
  any_value(i.unit) AS unit, list(DISTINCT i.year ORDER BY i.year) AS years,
  count(*) FILTER (WHERE i.status = 'publie') AS published, count(*) FILTER (WHERE i.status = 'derive') AS derived,
  count(DISTINCT i.commune_code) AS communes,
  coalesce(list(DISTINCT i.dimension ORDER BY i.dimension) FILTER (WHERE i.dimension IS NOT NULL), []) AS dimensions,
  first(i.quote ORDER BY i.status DESC, i.year DESC) AS quote
FROM indicators i JOIN catalog c ON c.indicator = i.indicator AND c.report_year = i.report_year
WHERE i.report_year = ${LATEST}
GROUP BY i.indicator
ORDER BY ${programmeOrderSql("any_value(i.programme)")},
  min(c.section_position), min(c.position)`
  );
}

export interface DerivedRow extends Pick<
  IndicatorRow,
  "indicator" | "label" | "year" | "dimension" | "category" | "value" | "unit"
> {
  commune: string | null;
  derivation: string;
}

/** Every derived figure, with its formula: what the data adds to the report, said openly. */
export function derivedFigures(): Query<DerivedRow> {
  return query(
    "derivedFigures",
    `
SELECT i.indicator, i.label, i.year, c.nom AS commune, i.dimension, i.category, i.value, i.unit, i.derivation
FROM indicators i LEFT JOIN communes c ON c.code = i.commune_code
WHERE i.report_year = ${LATEST} AND i.status = 'derive'
ORDER BY i.programme, i.indicator, i.year, c.nom`
  );
}
