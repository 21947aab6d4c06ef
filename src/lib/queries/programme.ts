// The programme pages' queries: one summary per indicator, in the report's order, and the rows
// behind an indicator or a whole programme. Both read every edition: each figure once (FIGURES,
// the newest printed value of a year before any derived one), so that an indicator's years line
// up across editions and each row says which edition it comes from.
import {FIGURES, LATEST, foldedEvolution, programmeOrderSql} from "./fragments.js";
import type {IndicatorRow} from "../schema.js";
import {OBJECTIVE_SUFFIX} from "../objective.js";
import {type IndicatorColumns, type Query, query} from "./query.js";

export interface IndicatorSummaryRow extends IndicatorColumns {
  section_position: number;
  position: number;
  /** Every year the indicator has a figure for, across editions, oldest first. */
  years: number[];
  latest_year: number;
  /** Territory-level value without breakdown for the latest year, when the report has one. */
  value: number | null;
  status: string | null;
  /** The edition the headline value comes from. */
  report_year: number | null;
  quote: string;
  derivation: string | null;
  /** The printed evolution of this indicator (its `…_evolution` slug), if any. */
  evolution: number | null;
  evolution_indicator: string | null;
  previous: number | null;
  previous_status: string | null;
  /** The objective printed for the latest year (the indicator's `…_objectif` slug), if any. */
  objective: number | null;
  rows: number;
  communes: number;
  dimensions: string[];
  /** Its breakdowns' categories, « sexe : femmes » (what a search matches besides the label). */
  categories: string[];
  /** The newest edition that publishes the indicator; older than the latest when it was dropped. */
  last_edition: number;
  in_latest: boolean;
}

/**
 * One row per indicator of a programme (or of all programmes), in the report's order: its
 * headline value, comparison, and what else it holds (years, communes, breakdowns). Evolutions whose
 * level is published come with that level, not on their own. An indicator a later edition dropped
 * is still listed, with its last figures and its place in the last edition that had it.
 */
export function indicatorSummaries(programme: string | null = null): Query<IndicatorSummaryRow> {
  return query(
    "indicatorSummaries",
    `
WITH edition AS (SELECT * FROM ${FIGURES}),
info AS (
  SELECT indicator, arg_max(label, report_year) AS label, arg_max(programme, report_year) AS programme,
    arg_max(unit, report_year) AS unit, list(DISTINCT year ORDER BY year) AS years, max(year) AS latest_year,
    count(*) AS rows, count(DISTINCT commune_code) AS communes,
    list(DISTINCT dimension ORDER BY dimension) FILTER (WHERE dimension IS NOT NULL) AS dimensions,
    list(DISTINCT dimension || ' : ' || category ORDER BY dimension || ' : ' || category)
      FILTER (WHERE dimension IS NOT NULL AND commune_code IS NULL) AS categories
  FROM edition GROUP BY indicator
),
place AS (SELECT * FROM catalog QUALIFY row_number() OVER (PARTITION BY indicator ORDER BY report_year DESC) = 1),
headline AS (
  SELECT e.indicator, e.value, e.status, e.report_year, e.derivation, e.quote FROM edition e JOIN info USING (indicator)
  WHERE e.year = info.latest_year AND e.commune_code IS NULL AND e.dimension IS NULL
),
first_quote AS (
  SELECT indicator, first(quote ORDER BY year DESC, commune_code NULLS FIRST, dimension NULLS FIRST, category) AS quote
  FROM edition GROUP BY indicator
)
SELECT i.indicator, i.label, i.programme, c.section, c.section_position, c.position, i.unit, i.years, i.latest_year,
  h.value, h.status, h.report_year, coalesce(h.quote, q.quote) AS quote, h.derivation,
  ev.value AS evolution, ev.indicator AS evolution_indicator, p.value AS previous, p.status AS previous_status,
  ob.value AS objective, i.rows, i.communes, coalesce(i.dimensions, []) AS dimensions,
  coalesce(i.categories, []) AS categories,
  c.report_year AS last_edition, c.report_year = ${LATEST} AS in_latest
FROM info i
JOIN place c ON c.indicator = i.indicator
LEFT JOIN headline h ON h.indicator = i.indicator
LEFT JOIN first_quote q ON q.indicator = i.indicator
LEFT JOIN edition ev ON ev.indicator = i.indicator || '_evolution' AND ev.year = i.latest_year
  AND ev.commune_code IS NULL AND ev.dimension IS NULL
LEFT JOIN edition ob ON ob.indicator = i.indicator || '${OBJECTIVE_SUFFIX}' AND ob.year = i.latest_year
  AND ob.commune_code IS NULL AND ob.dimension IS NULL
LEFT JOIN edition p ON p.indicator = i.indicator AND p.year = i.latest_year - 1 AND p.commune_code IS NULL
  AND p.dimension IS NULL
WHERE (?::VARCHAR IS NULL OR i.programme = ?::VARCHAR)
  AND NOT ${foldedEvolution("i.indicator")}
ORDER BY ${programmeOrderSql("i.programme")}, c.section_position, c.position`,
    [programme, programme]
  );
}

/** A figure with its commune's name and the edition it comes from; `status` as text, like `programme`. */
export interface IndicatorRowDetail
  extends
    IndicatorColumns,
    Pick<
      IndicatorRow,
      "report_year" | "year" | "commune_code" | "dimension" | "category" | "value" | "derivation" | "quote"
    > {
  commune: string | null;
  status: string;
}

function detailRows(name: string, condition: string, params: (string | number)[]): Query<IndicatorRowDetail> {
  return query(
    name,
    `
SELECT i.indicator, i.label, i.section, i.programme, i.report_year, i.year, i.commune_code, c.nom AS commune,
  i.dimension, i.category, i.value, i.unit, i.status, i.derivation, i.quote
FROM ${FIGURES} i LEFT JOIN communes c ON c.code = i.commune_code
WHERE ${condition}
ORDER BY i.indicator, i.commune_code NULLS FIRST, i.dimension NULLS FIRST, i.category, i.year`,
    params
  );
}

/** Every figure of one indicator and of its evolution (years, communes, breakdowns), ordered for reading. */
export function indicatorRows(indicator: string): Query<IndicatorRowDetail> {
  return detailRows("indicatorRows", "(i.indicator = ?::VARCHAR OR i.indicator = ?::VARCHAR || '_evolution')", [
    indicator,
    indicator
  ]);
}

/** Every figure of every indicator of a programme, every year, for its cards, charts and drill-down. */
export function programmeRows(programme: string): Query<IndicatorRowDetail> {
  return detailRows("programmeRows", "i.programme = ?::VARCHAR", [programme]);
}
