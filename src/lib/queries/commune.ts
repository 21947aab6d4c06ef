// The commune pages' queries: the communes, every figure of one commune compared with the
// territory (rate per 1 000 inhabitants, ranks, means, shares), and each figure's years across editions.
import {FIGURES, LATEST, isRatioSql, programmeOrderSql, rankDesc, ratePer1000, sharePct} from "./fragments.js";
import type {CommuneRow, IndicatorRow} from "../schema.js";
import {type IndicatorColumns, type Query, query} from "./query.js";

/** A commune without its coordinates. */
export type CommuneRowInfo = Omit<CommuneRow, "lon" | "lat">;

/** The communes, by name. */
export function communeList(): Query<CommuneRowInfo> {
  return query("communeList", `SELECT code, nom, population, population_year, area_km2 FROM communes ORDER BY nom`);
}

export interface CommuneProfileRow
  extends IndicatorColumns, Pick<IndicatorRow, "year" | "value" | "quote" | "derivation"> {
  status: string;
  population: number;
  /**
   * Per 1 000 inhabitants; for a figure that is itself a rate (unit `pourcent`, see RATIO_UNITS),
   * the figure itself, and `territory_rate` the territory's figure (else the communes' mean).
   */
  rate: number;
  rank: number;
  rate_rank: number;
  communes: number;
  total: number;
  average: number;
  territory_rate: number;
  /** The commune's share of the territory's total, in %; null for a rate (rates do not add up). */
  share: number | null;
  /** The commune's share of the territory's population, in %. */
  population_share: number;
}

/**
 * Every figure published for one commune (latest year of each indicator), with its rate per 1 000
 * inhabitants, its ranks among the communes, the territory's mean and rate, and its share. A figure
 * that is itself a rate is its own « rate », compared with the territory's figure of the same year.
 */
export function communeProfile(code: string): Query<CommuneProfileRow> {
  const byIndicator = "OVER (PARTITION BY indicator)";
  const rate = `CASE WHEN ${isRatioSql("unit")} THEN value ELSE ${ratePer1000("value", "population")} END`;
  const territoryFigure = `(SELECT t.value FROM ${FIGURES} t WHERE t.indicator = base.indicator
    AND t.year = base.year AND t.commune_code IS NULL AND t.dimension IS NULL)`;
  return query(
    "communeProfile",
    `
WITH base AS (
  SELECT i.indicator, i.label, i.programme, i.section, i.unit, i.year, i.commune_code, i.value, i.status, i.quote,
         i.derivation, c.population
  FROM indicators i JOIN communes c ON c.code = i.commune_code
  WHERE i.report_year = ${LATEST} AND i.dimension IS NULL
  QUALIFY i.year = max(i.year) OVER (PARTITION BY i.indicator)
), stats AS (
  SELECT *, ${rate} AS rate,
    ${rankDesc("value", "indicator")} AS rank,
    ${rankDesc(rate, "indicator")} AS rate_rank,
    count(*) ${byIndicator} AS communes,
    sum(value) ${byIndicator} AS total,
    avg(value) ${byIndicator} AS average,
    CASE WHEN ${isRatioSql("unit")} THEN coalesce(${territoryFigure}, avg(value) ${byIndicator})
      ELSE ${ratePer1000(`sum(value) ${byIndicator}`, `sum(population) ${byIndicator}`)} END AS territory_rate,
    ${sharePct("population", `sum(population) ${byIndicator}`)} AS population_share
  FROM base
)
SELECT indicator, label, programme, section, unit, year, value, status, quote, derivation, population, rate, rank,
       rate_rank, communes, total, average, territory_rate,
       CASE WHEN ${isRatioSql("unit")} THEN NULL ELSE ${sharePct("value", "total")} END AS share, population_share
FROM stats
WHERE commune_code = ?
ORDER BY ${programmeOrderSql("programme")}, indicator`,
    [code]
  );
}

export interface CommuneSeriesRow extends Pick<IndicatorRow, "indicator" | "year" | "value"> {
  status: string;
  /** The edition the figure comes from. */
  report_year: number;
}

/**
 * Every year of each of one commune's figures across editions (the best figure of each year, see
 * FIGURES), oldest first; only the figures given for two years or more, the ones a trend can show.
 */
export function communeSeries(code: string): Query<CommuneSeriesRow> {
  return query(
    "communeSeries",
    `
SELECT indicator, year, value, status, report_year
FROM ${FIGURES} f
WHERE commune_code = ? AND dimension IS NULL
QUALIFY count(*) OVER (PARTITION BY indicator) >= 2
ORDER BY indicator, year`,
    [code]
  );
}
