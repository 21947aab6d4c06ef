// Named SQL queries over the site's tables. The pages run them in DuckDB-WASM; tests and build-time
// rendering run the very same text in DuckDB for Node (src/lib/build/warehouse.ts).

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

export interface CommuneIndicatorRow {
  indicator: string;
  label: string;
  programme: string;
  section: string;
  unit: string;
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
ORDER BY list_position(['territoire', 'mde', 'plie', 'mission_locale', 'association'], any_value(programme)), indicator`
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
  WHERE report_year = ${LATEST} AND indicator = ? AND year = ?::INTEGER AND commune_code IS NOT NULL AND dimension IS NULL
), joined AS (
  SELECT c.code, c.nom, c.population, p.value AS raw, p.status, p.quote, p.derivation
  FROM communes c LEFT JOIN published p ON p.commune_code = c.code
), shown AS (
  SELECT *, CASE ?::VARCHAR
      WHEN 'taux' THEN raw * 1000.0 / population
      WHEN 'part' THEN raw * 100.0 / nullif(sum(raw) OVER (), 0)
      ELSE raw END AS value
  FROM joined
)
SELECT code, nom, population, raw, status, quote, derivation, value,
  CASE WHEN value IS NULL THEN NULL ELSE rank() OVER (ORDER BY value DESC NULLS LAST) END AS rank,
  CASE ?::VARCHAR
    WHEN 'taux' THEN sum(raw) OVER () * 1000.0 / sum(population) FILTER (WHERE raw IS NOT NULL) OVER ()
    WHEN 'part' THEN 100.0 / count(raw) OVER ()
    ELSE avg(raw) OVER () END AS average,
  count(*) OVER () AS communes
FROM shown
ORDER BY code`,
    [indicator, year, mode, mode]
  );
}

export interface CommuneRowInfo {
  code: string;
  nom: string;
  population: number;
  population_year: number;
  area_km2: number;
}

/** The communes, by name. */
export function communeList(): Query<CommuneRowInfo> {
  return query("communeList", `SELECT code, nom, population, population_year, area_km2 FROM communes ORDER BY nom`);
}

export interface CommuneProfileRow {
  indicator: string;
  label: string;
  programme: string;
  section: string;
  unit: string;
  year: number;
  value: number;
  status: string;
  quote: string;
  derivation: string | null;
  population: number;
  /** Per 1 000 inhabitants. */
  rate: number;
  rank: number;
  rate_rank: number;
  communes: number;
  total: number;
  average: number;
  territory_rate: number;
  /** The commune's share of the territory's total, in %. */
  share: number;
  /** The commune's share of the territory's population, in %. */
  population_share: number;
}

/**
 * Every figure published for one commune (latest year of each indicator), with its rate per 1 000
 * inhabitants, its ranks among the communes, the territory's mean and rate, and its share.
 */
export function communeProfile(code: string): Query<CommuneProfileRow> {
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
  SELECT *, value * 1000.0 / population AS rate,
    rank() OVER (PARTITION BY indicator ORDER BY value DESC) AS rank,
    rank() OVER (PARTITION BY indicator ORDER BY value * 1000.0 / population DESC) AS rate_rank,
    count(*) OVER (PARTITION BY indicator) AS communes,
    sum(value) OVER (PARTITION BY indicator) AS total,
    avg(value) OVER (PARTITION BY indicator) AS average,
    sum(value) OVER (PARTITION BY indicator) * 1000.0 / sum(population) OVER (PARTITION BY indicator) AS territory_rate,
    population * 100.0 / sum(population) OVER (PARTITION BY indicator) AS population_share
  FROM base
)
SELECT indicator, label, programme, section, unit, year, value, status, quote, derivation, population, rate, rank,
       rate_rank, communes, total, average, territory_rate, value * 100.0 / nullif(total, 0) AS share, population_share
FROM stats
WHERE commune_code = ?
ORDER BY list_position(['territoire', 'mde', 'plie', 'mission_locale', 'association'], programme), indicator`,
    [code]
  );
}

export interface IndicatorSummaryRow {
  indicator: string;
  label: string;
  programme: string;
  section: string;
  section_position: number;
  position: number;
  unit: string;
  years: number[];
  latest_year: number;
  /** Territory-level value without breakdown for the latest year, when the report has one. */
  value: number | null;
  status: string | null;
  quote: string;
  derivation: string | null;
  /** The printed evolution of this indicator (its `…_evolution` slug), if any. */
  evolution: number | null;
  evolution_indicator: string | null;
  previous: number | null;
  previous_status: string | null;
  rows: number;
  communes: number;
  dimensions: string[];
}

/**
 * SQL: whether `column` is an evolution (« …_evolution ») printed beside its level in the CTE
 * `edition`: such an evolution is shown with its level, not as an indicator of its own.
 */
function foldedEvolution(column: string): string {
  return `(${column} LIKE '%\\_evolution' ESCAPE '\\' AND EXISTS (
    SELECT 1 FROM edition l WHERE l.indicator = left(${column}, length(${column}) - 10)
      AND l.commune_code IS NULL AND l.dimension IS NULL))`;
}

/**
 * One row per indicator of a programme (or of all programmes), in the report's order: its
 * headline value, comparison, and what else it holds (years, communes, breakdowns). Evolutions whose
 * level is published come with that level, not on their own.
 */
export function indicatorSummaries(programme: string | null = null): Query<IndicatorSummaryRow> {
  return query(
    "indicatorSummaries",
    `
WITH edition AS (SELECT * FROM indicators WHERE report_year = ${LATEST}),
levels AS (SELECT DISTINCT indicator FROM edition),
info AS (
  SELECT indicator, any_value(label) AS label, any_value(programme) AS programme, any_value(unit) AS unit,
    list(DISTINCT year ORDER BY year) AS years, max(year) AS latest_year, count(*) AS rows,
    count(DISTINCT commune_code) AS communes,
    list(DISTINCT dimension ORDER BY dimension) FILTER (WHERE dimension IS NOT NULL) AS dimensions
  FROM edition GROUP BY indicator
),
headline AS (
  SELECT e.indicator, e.value, e.status, e.derivation, e.quote FROM edition e JOIN info USING (indicator)
  WHERE e.year = info.latest_year AND e.commune_code IS NULL AND e.dimension IS NULL
),
first_quote AS (
  SELECT indicator, first(quote ORDER BY year DESC, commune_code NULLS FIRST, dimension NULLS FIRST, category) AS quote
  FROM edition GROUP BY indicator
)
SELECT i.indicator, i.label, i.programme, c.section, c.section_position, c.position, i.unit, i.years, i.latest_year,
  h.value, h.status, coalesce(h.quote, q.quote) AS quote, h.derivation,
  ev.value AS evolution, ev.indicator AS evolution_indicator, p.value AS previous, p.status AS previous_status,
  i.rows, i.communes, coalesce(i.dimensions, []) AS dimensions
FROM info i
JOIN catalog c ON c.indicator = i.indicator AND c.report_year = ${LATEST}
LEFT JOIN headline h ON h.indicator = i.indicator
LEFT JOIN first_quote q ON q.indicator = i.indicator
LEFT JOIN edition ev ON ev.indicator = i.indicator || '_evolution' AND ev.year = i.latest_year
  AND ev.commune_code IS NULL AND ev.dimension IS NULL
LEFT JOIN edition p ON p.indicator = i.indicator AND p.year = i.latest_year - 1 AND p.commune_code IS NULL AND p.dimension IS NULL
WHERE (?::VARCHAR IS NULL OR i.programme = ?::VARCHAR)
  AND NOT ${foldedEvolution("i.indicator")}
ORDER BY list_position(['territoire', 'mde', 'plie', 'mission_locale', 'association'], i.programme), c.section_position, c.position`,
    [programme, programme]
  );
}

export interface IndicatorRowDetail {
  indicator: string;
  label: string;
  section: string;
  programme: string;
  year: number;
  commune_code: string | null;
  commune: string | null;
  dimension: string | null;
  category: string | null;
  value: number;
  unit: string;
  status: string;
  derivation: string | null;
  quote: string;
}

function detailRows(name: string, condition: string, params: (string | number)[]): Query<IndicatorRowDetail> {
  return query(
    name,
    `
SELECT i.indicator, i.label, i.section, i.programme, i.year, i.commune_code, c.nom AS commune, i.dimension, i.category,
  i.value, i.unit, i.status, i.derivation, i.quote
FROM indicators i LEFT JOIN communes c ON c.code = i.commune_code
WHERE i.report_year = ${LATEST} AND ${condition}
ORDER BY i.indicator, i.commune_code NULLS FIRST, i.dimension NULLS FIRST, i.category, i.year`,
    params
  );
}

/** Every row of one indicator and of its evolution (years, communes, breakdowns), ordered for reading. */
export function indicatorRows(indicator: string): Query<IndicatorRowDetail> {
  return detailRows("indicatorRows", "(i.indicator = ?::VARCHAR OR i.indicator = ?::VARCHAR || '_evolution')", [indicator, indicator]);
}

/** Every row of every indicator of a programme (latest edition), for its overview charts. */
export function programmeRows(programme: string): Query<IndicatorRowDetail> {
  return detailRows("programmeRows", "i.programme = ?::VARCHAR", [programme]);
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
ORDER BY list_position(['territoire', 'mde', 'plie', 'mission_locale', 'association'], e.programme)`
  );
}

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
ORDER BY list_position(['territoire', 'mde', 'plie', 'mission_locale', 'association'], any_value(i.programme)),
  min(c.section_position), min(c.position)`
  );
}

export interface DerivedRow {
  indicator: string;
  label: string;
  year: number;
  commune: string | null;
  dimension: string | null;
  category: string | null;
  value: number;
  unit: string;
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
