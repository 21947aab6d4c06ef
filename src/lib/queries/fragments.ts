// SQL shared by the named queries: which edition a page shows, the figures derived from a count
// (rate per 1 000 inhabitants, rank, share of the territory), the report's programme order, and
// which evolutions are shown with their level. Each is written here once, so that the map, the
// commune pages and the programme pages compute a figure the same way. Their arguments are SQL
// expressions written in the queries, never a reader's input (values bind as parameters).

/** The report's order of the programmes, for ORDER BY (the list lives with the programmes). */
export {programmeOrderSql} from "../programmes.js";

/** The latest edition of the report; every page shows it unless told otherwise. */
export const LATEST = "(SELECT max(report_year) FROM indicators)";

/**
 * Units of a figure that is itself a rate (a percentage: positive exits ÷ participants, derived
 * commune by commune): it is compared as it is, never per 1 000 inhabitants nor summed into shares.
 */
export const RATIO_UNITS: readonly string[] = ["pourcent"];

/** Whether the unit column `unit` is a rate's (SQL). */
export function isRatioSql(unit: string): string {
  return `${unit} IN (${RATIO_UNITS.map((u) => `'${u}'`).join(", ")})`;
}

/** A count per 1 000 inhabitants. */
export function ratePer1000(count: string, population: string): string {
  return `${count} * 1000.0 / ${population}`;
}

/** A part of a total, in % (0–100); null when the total is 0. */
export function sharePct(part: string, total: string): string {
  return `${part} * 100.0 / nullif(${total}, 0)`;
}

/** 1 for the highest value; ties share a rank (1, 1, 3). */
export function rankDesc(value: string, partition = ""): string {
  return `rank() OVER (${partition ? `PARTITION BY ${partition} ` : ""}ORDER BY ${value} DESC NULLS LAST)`;
}

/**
 * Whether `column` is an evolution (« …_evolution ») printed beside its level in the CTE
 * `edition`: such an evolution is shown with its level, not as an indicator of its own.
 */
export function foldedEvolution(column: string): string {
  return `(${column} LIKE '%\\_evolution' ESCAPE '\\' AND EXISTS (
    SELECT 1 FROM edition l WHERE l.indicator = left(${column}, length(${column}) - 10)
      AND l.commune_code IS NULL AND l.dimension IS NULL))`;
}

/**
 * Every figure once, across editions: for each indicator, territory, breakdown and year, the row of
 * the newest edition that printed it, else the newest that derived it (a printed value beats a
 * computed one; a later edition's printed revision beats an earlier print). Same columns as
 * `indicators`; `report_year` says which edition the row comes from.
 */
export const FIGURES = `(SELECT * FROM indicators QUALIFY row_number() OVER (
  PARTITION BY indicator, commune_code, dimension, category, year
  ORDER BY status = 'publie' DESC, report_year DESC) = 1)`;
