// Named SQL queries over the site's tables. The pages run them in DuckDB-WASM; tests and build-time
// rendering run the very same text in DuckDB for Node (src/lib/warehouse.ts).

/** A query and its parameters; `Row` is the shape of one result row. */
export interface Query<Row> {
  name: string;
  sql: string;
  params: (string | number | null)[];
  /** Phantom field carrying the row type. */
  readonly row?: Row;
}

function query<Row>(name: string, sql: string, params: (string | number | null)[] = []): Query<Row> {
  return {name, sql: sql.trim(), params};
}

/** Quotes a string as an SQL literal (for IN lists, which prepared statements cannot bind). */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

// The latest edition of the report; every page shows it unless told otherwise.
const LATEST = "(SELECT max(report_year) FROM indicators)";

export interface HeadlineRow {
  indicator: string;
  programme: string;
  section: string;
  label: string;
  unit: string;
  year: number;
  value: number;
  status: string;
  quote: string;
  evolution: number | null;
  evolution_quote: string | null;
  previous: number | null;
  previous_status: string | null;
}

/**
 * Territory-level figures of the given indicators, for the latest edition and their latest year,
 * each with its printed evolution and its previous-year level when the data has them.
 */
export function headlines(indicators: string[]): Query<HeadlineRow> {
  return query(
    "headlines",
    `
WITH current AS (
  SELECT * FROM indicators
  WHERE report_year = ${LATEST} AND commune_code IS NULL AND dimension IS NULL
    AND indicator IN (${indicators.map(sqlString).join(", ")})
  QUALIFY year = max(year) OVER (PARTITION BY indicator)
)
SELECT c.indicator, c.programme, c.section, c.label, c.unit, c.year, c.value, c.status, c.quote,
       e.value AS evolution, e.quote AS evolution_quote, p.value AS previous, p.status AS previous_status
FROM current c
LEFT JOIN indicators e ON e.report_year = c.report_year AND e.indicator = c.indicator || '_evolution'
  AND e.year = c.year AND e.commune_code IS NULL AND e.dimension IS NULL
LEFT JOIN indicators p ON p.report_year = c.report_year AND p.indicator = c.indicator
  AND p.year = c.year - 1 AND p.commune_code IS NULL AND p.dimension IS NULL
ORDER BY list_position([${indicators.map(sqlString).join(", ")}], c.indicator)`
  );
}

export interface TableCountRow {
  table_name: string;
  rows: number;
}

/** How many rows each table holds (the data dictionary, the explorer's schema panel). */
export function tableCounts(): Query<TableCountRow> {
  return query(
    "tableCounts",
    `SELECT 'indicators' AS table_name, count(*) AS rows FROM indicators
     UNION ALL SELECT 'communes', count(*) FROM communes`
  );
}
