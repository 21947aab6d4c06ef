// The editions the data holds: for /donnees, the explorer and any view that offers a year.
import {type Query, query} from "./query.js";

export interface EditionRow {
  report_year: number;
  figures: number;
  published: number;
  derived: number;
  indicators: number;
  /** The years its figures describe (a 2023 edition also prints 2022 levels, a census year …). */
  years: number[];
}

/** Every edition, oldest first, with how many figures it prints and derives. */
export function editionList(): Query<EditionRow> {
  return query(
    "editionList",
    `
SELECT report_year, count(*) AS figures, count(*) FILTER (WHERE status = 'publie') AS published,
  count(*) FILTER (WHERE status = 'derive') AS derived, count(DISTINCT indicator) AS indicators,
  list(DISTINCT year ORDER BY year) AS years
FROM indicators
GROUP BY report_year
ORDER BY report_year`
  );
}
