// The home page's queries: the headline figures and the programmes' sizes.
import {FIGURES, LATEST, foldedEvolution, programmeOrderSql} from "./fragments.js";
import type {IndicatorRow} from "../schema.js";
import {OBJECTIVE_SUFFIX} from "../objective.js";
import {type IndicatorColumns, type Query, query, sqlString} from "./query.js";

export interface HeadlineRow extends IndicatorColumns, Pick<IndicatorRow, "year" | "value" | "quote"> {
  status: string;
  /** The evolution the latest edition prints beside the figure (« +17 % par rapport à 2021 »). */
  evolution: number | null;
  evolution_quote: string | null;
  /** The previous year's level across editions: printed where an edition prints it, else derived. */
  previous: number | null;
  previous_status: string | null;
  /** The edition the previous level comes from. */
  previous_report_year: number | null;
  /** The objective the edition prints for the figure (its `…_objectif` slug, same year), if any. */
  objective: number | null;
}

/**
 * Territory-level figures of the given indicators, for the latest edition and their latest year,
 * each with its printed evolution and the previous year's level from any edition (FIGURES: the
 * edition that printed it, else the newest that derived it).
 */
export function headlines(indicators: string[]): Query<HeadlineRow> {
  const list = indicators.map(sqlString).join(", ");
  return query(
    "headlines",
    `
WITH current AS (
  SELECT * FROM indicators
  WHERE report_year = ${LATEST} AND commune_code IS NULL AND dimension IS NULL
    AND indicator IN (${list})
  QUALIFY year = max(year) OVER (PARTITION BY indicator)
)
SELECT c.indicator, c.programme, c.section, c.label, c.unit, c.year, c.value, c.status, c.quote,
       e.value AS evolution, e.quote AS evolution_quote,
       p.value AS previous, p.status AS previous_status, p.report_year AS previous_report_year,
       o.value AS objective
FROM current c
LEFT JOIN indicators e ON e.report_year = c.report_year AND e.indicator = c.indicator || '_evolution'
  AND e.year = c.year AND e.commune_code IS NULL AND e.dimension IS NULL
LEFT JOIN indicators o ON o.report_year = c.report_year AND o.indicator = c.indicator || '${OBJECTIVE_SUFFIX}'
  AND o.year = c.year AND o.commune_code IS NULL AND o.dimension IS NULL
LEFT JOIN ${FIGURES} p ON p.indicator = c.indicator
  AND p.year = c.year - 1 AND p.commune_code IS NULL AND p.dimension IS NULL
ORDER BY list_position([${list}], c.indicator)`
  );
}

export interface ProgrammeCountRow {
  programme: string;
  indicators: number;
  sections: number;
  figures: number;
}

/** How many indicators, sections and figures each programme has (latest edition). */
export function programmeCounts(): Query<ProgrammeCountRow> {
  return query(
    "programmeCounts",
    `
WITH edition AS (SELECT * FROM indicators WHERE report_year = ${LATEST})
SELECT e.programme,
  count(DISTINCT CASE WHEN ${foldedEvolution("e.indicator")} THEN NULL ELSE e.indicator END) AS indicators,
  count(DISTINCT e.section) AS sections, count(*) AS figures
FROM edition e
GROUP BY e.programme
ORDER BY ${programmeOrderSql("e.programme")}`
  );
}
