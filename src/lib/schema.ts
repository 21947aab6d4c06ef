// The data contract: the tables the site publishes, their columns and SQL types.
// Everything that writes or reads these tables takes the column lists from here.

import type {Programme} from "./programmes.js";

export type {Programme};
export type Status = "publie" | "derive";

/** One published (or derived) figure of an activity report: a row of `indicators.parquet`. */
export interface IndicatorRow {
  report_year: number;
  year: number;
  programme: Programme;
  section: string;
  indicator: string;
  label: string;
  commune_code: string | null;
  dimension: string | null;
  category: string | null;
  value: number;
  unit: string;
  status: Status;
  derivation: string | null;
  quote: string;
}

/** One of the ten communes: a row of `communes.parquet`. */
export interface CommuneRow {
  code: string;
  nom: string;
  population: number;
  population_year: number;
  area_km2: number;
  lon: number;
  lat: number;
}

export type SqlType = "INTEGER" | "VARCHAR" | "DOUBLE";

export interface TableSchema<Row> {
  name: string;
  columns: {name: keyof Row & string; type: SqlType; nullable: boolean}[];
  /** Rows are written in this order: the queries filter on these columns (README.md, « A national deployment »). */
  orderBy: (keyof Row & string)[];
}

export const indicatorsTable: TableSchema<IndicatorRow> = {
  name: "indicators",
  columns: [
    {name: "report_year", type: "INTEGER", nullable: false},
    {name: "year", type: "INTEGER", nullable: false},
    {name: "programme", type: "VARCHAR", nullable: false},
    {name: "section", type: "VARCHAR", nullable: false},
    {name: "indicator", type: "VARCHAR", nullable: false},
    {name: "label", type: "VARCHAR", nullable: false},
    {name: "commune_code", type: "VARCHAR", nullable: true},
    {name: "dimension", type: "VARCHAR", nullable: true},
    {name: "category", type: "VARCHAR", nullable: true},
    {name: "value", type: "DOUBLE", nullable: false},
    {name: "unit", type: "VARCHAR", nullable: false},
    {name: "status", type: "VARCHAR", nullable: false},
    {name: "derivation", type: "VARCHAR", nullable: true},
    {name: "quote", type: "VARCHAR", nullable: false}
  ],
  orderBy: ["indicator", "year", "commune_code", "dimension", "category"]
};

export const communesTable: TableSchema<CommuneRow> = {
  name: "communes",
  columns: [
    {name: "code", type: "VARCHAR", nullable: false},
    {name: "nom", type: "VARCHAR", nullable: false},
    {name: "population", type: "INTEGER", nullable: false},
    {name: "population_year", type: "INTEGER", nullable: false},
    {name: "area_km2", type: "DOUBLE", nullable: false},
    {name: "lon", type: "DOUBLE", nullable: false},
    {name: "lat", type: "DOUBLE", nullable: false}
  ],
  orderBy: ["code"]
};

/** One indicator of one edition, with its place in the report: a row of `catalog.parquet`. */
export interface CatalogRow {
  report_year: number;
  indicator: string;
  programme: Programme;
  section: string;
  /** Order of the indicator's first figure in the report (1 = first). */
  position: number;
  /** Order of the section within its programme (1 = first). */
  section_position: number;
}

export const catalogTable: TableSchema<CatalogRow> = {
  name: "catalog",
  columns: [
    {name: "report_year", type: "INTEGER", nullable: false},
    {name: "indicator", type: "VARCHAR", nullable: false},
    {name: "programme", type: "VARCHAR", nullable: false},
    {name: "section", type: "VARCHAR", nullable: false},
    {name: "position", type: "INTEGER", nullable: false},
    {name: "section_position", type: "INTEGER", nullable: false}
  ],
  orderBy: ["report_year", "position"]
};
