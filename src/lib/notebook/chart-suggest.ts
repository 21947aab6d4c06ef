// Which chart a result calls for, from its columns alone: a commune code and a number → a map,
// a year and a number → a line, a category and a number → bars. The user can switch it off or
// pick another kind and other columns; this module says which columns each kind can use.
import {type Column, columnKind, isCommuneCodeName, isYearName} from "./column-types.js";
import type {ChartChoice, ChartKind} from "./notebook.js";

type Row = Record<string, unknown>;

export interface ChartSpec {
  kind: ChartKind;
  /** Category, year or commune code. */
  x: string;
  /** The number drawn. */
  y: string;
  /** A text column splitting a line chart into series. */
  series?: string;
}

export interface KindColumns {
  x: string[];
  y: string[];
}

export const CHART_LABELS: Record<ChartKind, string> = {
  bar: "Barres",
  line: "Courbe",
  choropleth: "Carte des communes"
};

/** Series beyond this make an unreadable line chart. */
const MAX_SERIES = 8;
const INSEE = /^(\d{5}|2[AB]\d{3})$/;
const MEASURE = /^(value|valeur|n|nb|nombre|count|total|somme|taux|part|moyenne|evolution.*|.*_pct|.*pour_1000.*)$/i;

function distinct(rows: Row[], name: string, limit = Infinity): number {
  const seen = new Set<unknown>();
  for (const row of rows) {
    seen.add(row[name]);
    if (seen.size > limit) break;
  }
  return seen.size;
}

function isCommuneCode(column: Column, rows: Row[]): boolean {
  if (columnKind(column.type) !== "text") return false;
  if (isCommuneCodeName(column.name)) return true;
  // A column merely called « code » counts when its values are INSEE codes.
  const values = rows
    .slice(0, 50)
    .map((r) => r[column.name])
    .filter((v) => v !== null && v !== undefined);
  return /^code$/i.test(column.name) && values.length > 0 && values.every((v) => INSEE.test(String(v)));
}

function isYear(column: Column, rows: Row[]): boolean {
  if (columnKind(column.type) === "date") return true;
  if (columnKind(column.type) !== "number" || !isYearName(column.name)) return false;
  return rows.every(
    (r) => r[column.name] === null || (Number.isInteger(r[column.name]) && Math.abs(r[column.name] as number) < 10_000)
  );
}

/** The columns each kind of chart can use with this result. */
export function chartColumns(columns: Column[], rows: Row[]): Record<ChartKind, KindColumns> {
  const years = columns.filter((c) => isYear(c, rows)).map((c) => c.name);
  const measures = columns.filter((c) => columnKind(c.type) === "number" && !years.includes(c.name)).map((c) => c.name);
  // The measure first: a column named like one (value, n, taux…), else the first number.
  measures.sort((a, b) => Number(MEASURE.test(b)) - Number(MEASURE.test(a)));
  const codes = columns.filter((c) => isCommuneCode(c, rows)).map((c) => c.name);
  const categories = columns.filter((c) => ["text", "boolean"].includes(columnKind(c.type))).map((c) => c.name);
  return {
    choropleth: {x: codes, y: measures},
    line: {x: years, y: measures},
    bar: {x: [...categories, ...years], y: measures}
  };
}

function seriesFor(columns: Column[], rows: Row[], x: string): string | undefined {
  return columns.find(
    (c) =>
      c.name !== x &&
      columnKind(c.type) === "text" &&
      !isCommuneCodeName(c.name) &&
      distinct(rows, c.name, MAX_SERIES) > 1 &&
      distinct(rows, c.name, MAX_SERIES) <= MAX_SERIES
  )?.name;
}

function spec(kind: ChartKind, x: string, y: string, columns: Column[], rows: Row[]): ChartSpec {
  if (kind !== "line") return {kind, x, y};
  const series = seriesFor(columns, rows, x);
  return series ? {kind, x, y, series} : {kind, x, y};
}

/** The chart a result calls for, or null when none fits (no number, a single value…). */
export function suggestChart(columns: Column[], rows: Row[]): ChartSpec | null {
  if (rows.length === 0) return null;
  const options = chartColumns(columns, rows);
  for (const kind of ["choropleth", "line", "bar"] as const) {
    const {x, y} = options[kind];
    if (!x.length || !y.length) continue;
    if (kind === "line" && distinct(rows, x[0]) < 2) continue; // one year is not a line
    if (kind === "bar" && rows.length < 2 && columns.length < 2) continue;
    return spec(kind, x[0], y[0], columns, rows);
  }
  return null;
}

export interface ResolvedChart {
  spec: ChartSpec | null;
  /** Why the asked chart cannot be drawn, in French. */
  note?: string;
}

/** The chart to draw for the user's choice: the suggestion, none, or the asked kind and columns. */
export function resolveChart(choice: ChartChoice, columns: Column[], rows: Row[]): ResolvedChart {
  if (choice.kind === "none") return {spec: null};
  if (rows.length === 0) return {spec: null, note: "Aucune ligne : rien à représenter."};
  if (choice.kind === "auto") {
    const suggested = suggestChart(columns, rows);
    return suggested
      ? {spec: suggested}
      : {
          spec: null,
          note:
            "Aucun graphique ne correspond à ces colonnes " +
            "(il faut une colonne de nombres et une catégorie, une année ou un code commune)."
        };
  }
  const {x, y} = chartColumns(columns, rows)[choice.kind];
  if (!x.length || !y.length) {
    const needs = {
      bar: "une colonne de texte (catégorie)",
      line: "une colonne d'années (year, annee…) ou de dates",
      choropleth: "une colonne commune_code"
    }[choice.kind];
    return {spec: null, note: `${CHART_LABELS[choice.kind]} : il faut ${needs} et une colonne de nombres.`};
  }
  const xName = choice.x && x.includes(choice.x) ? choice.x : x[0];
  const yName = choice.y && y.includes(choice.y) ? choice.y : y[0];
  return {spec: spec(choice.kind, xName, yName, columns, rows)};
}
