// What a chart shows, as data: its categories and values in the order drawn, rounded as the site
// prints them. The PowerPoint chart and the CSV files are made from it. Pure (no DOM), so that
// Node tests check it; the toolbar reads the drawn order from the chart (figureOrder in toolbar.ts).
import {formatCsv, formatCsvField} from "../../lib/csv.js";
import type {ExportMeta} from "./compose.js";

export type Row = Record<string, string | number | null>;

/** How the figure is drawn: a native chart in PowerPoint for bars and lines, a picture otherwise. */
export type FigureKind = "bar" | "line" | "image";

/** What a chart draws, when its rows do not say it plainly (optional in exportToolbar). */
export interface FigureSpec {
  kind?: FigureKind;
  /** Column holding the category of each bar or point (default: commune, categorie or annee). */
  label?: string;
  /** Column holding the value drawn (default: valeur). */
  value?: string;
  /** Labels in the order drawn (default: as read from the chart, else the rows' order). */
  order?: string[];
}

export interface FigureData {
  kind: FigureKind;
  labelColumn: string;
  valueColumn: string;
  /** The rows in the order drawn. */
  rows: Row[];
  categories: string[];
  /** Values as computed (full precision); null where nothing is published. */
  values: (number | null)[];
  /** Whether each value is computed rather than printed in the report (drawn lighter). */
  derived: boolean[];
  /** Decimals the site prints for these values (the most any of them needs). */
  decimals: number;
  percent: boolean;
  /** What follows each number (« % », « € », « h »), as the site prints it; empty for counts. */
  symbol: string;
}

const LABEL_COLUMNS = ["commune", "categorie", "annee", "label", "nom"];

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/** The column of categories: a known name, else the first column of text. */
export function labelColumnOf(rows: Row[]): string {
  const columns = rows.length ? Object.keys(rows[0]) : [];
  const known = LABEL_COLUMNS.find((c) => columns.includes(c));
  if (known) return known;
  const text = columns.find((c) => rows.some((r) => typeof r[c] === "string"));
  if (!text) throw new Error("aucune colonne de libellés dans les données du graphique");
  return text;
}

/** The column of values: « valeur », else the first numeric column that is not a year or a code. */
export function valueColumnOf(rows: Row[]): string {
  const columns = rows.length ? Object.keys(rows[0]) : [];
  if (columns.includes("valeur")) return "valeur";
  const numeric = columns.find((c) => !/annee|code|rang/.test(c) && rows.some((r) => isNumber(r[c])));
  if (!numeric) throw new Error("aucune colonne de valeurs dans les données du graphique");
  return numeric;
}

/** A share in percent: the site prints it with one decimal (« 12,5 % »). */
export function isPercent(meta: Pick<ExportMeta, "unit">): boolean {
  return /^%|part du territoire|\(%\)/.test(meta.unit ?? "");
}

function euros(meta: Pick<ExportMeta, "unit">): boolean {
  return meta.unit === "euros";
}

/** A rate per 1 000 inhabitants (the map's « taux » mode). */
function isRate(meta: Pick<ExportMeta, "unit">): boolean {
  return /pour 1[\u202f\u00a0 ]?000 habitants/.test(meta.unit ?? "");
}

/**
 * Decimals the site prints for one value: one for shares, two below ten and one above for rates
 * (src/lib/format.ts formatRate), two for everything else (formatNumber(v, 2) of the charts).
 */
export function displayDecimals(value: number, meta: Pick<ExportMeta, "unit">): number {
  if (isPercent(meta)) return 1;
  if (isRate(meta)) return Math.abs(value) < 10 ? 2 : 1;
  return 2;
}

/**
 * The value as printed on the site, as a number (3.099361896080219 → 3.1 for a share). A computed
 * (derived) value of 100 or more is printed whole, as the charts do (« ≈ 13 541 (calculé) »).
 */
export function roundAsDisplayed(value: number, meta: Pick<ExportMeta, "unit">, derived = false): number {
  if (derived && Math.abs(value) >= 100) return Math.round(value);
  const factor = 10 ** displayDecimals(value, meta);
  return Math.round(value * factor) / factor;
}

function decimalsOf(value: number): number {
  const text = String(value);
  return text.includes("e") ? 0 : (text.split(".")[1] ?? "").length;
}

/** The rows in the order drawn: `order` lists labels; rows it does not name keep their place after. */
export function orderRows(rows: Row[], labelColumn: string, order: string[] | undefined): Row[] {
  if (!order?.length) return [...rows];
  const rank = new Map(order.map((label, i) => [label, i]));
  const at = (row: Row) => rank.get(String(row[labelColumn])) ?? order.length;
  return rows
    .map((row, i) => ({row, i}))
    .sort((a, b) => at(a.row) - at(b.row) || a.i - b.i)
    .map((x) => x.row);
}

/** The figure's data from the rows the toolbar already holds for the CSV. */
export function figureData(rows: Row[], meta: Pick<ExportMeta, "unit">, spec: FigureSpec = {}): FigureData {
  if (!rows.length) throw new Error("le graphique n’a aucune donnée");
  const labelColumn = spec.label ?? labelColumnOf(rows);
  const valueColumn = spec.value ?? valueColumnOf(rows);
  const ordered = orderRows(rows, labelColumn, spec.order);
  const values = ordered.map((r) => (isNumber(r[valueColumn]) ? (r[valueColumn] as number) : null));
  const derived = ordered.map((r) => r.statut === "derive");
  const shown = values.flatMap((v, i) => (isNumber(v) ? [roundAsDisplayed(v, meta, derived[i])] : []));
  return {
    kind: spec.kind ?? "bar",
    labelColumn,
    valueColumn,
    rows: ordered,
    categories: ordered.map((r) => String(r[labelColumn] ?? "")),
    values,
    derived,
    // Sums of money show their cents only when some value has any (« 120 566,50 € », « 20 892 € »).
    decimals: euros(meta) ? (shown.some((v) => decimalsOf(v) > 0) ? 2 : 0) : Math.max(0, ...shown.map(decimalsOf)),
    percent: isPercent(meta),
    symbol: isPercent(meta) ? "%" : euros(meta) ? "€" : meta.unit === "heures" ? "h" : ""
  };
}

/**
 * The number format code of the chart's labels and axis. OOXML stores codes in the invariant form
 * (« , » groups thousands, « . » marks decimals); the `[$-40C]` locale tag (French) makes
 * LibreOffice print « 1 605 » and « 12,5 % » whatever its own locale, PowerPoint uses the reader's.
 */
export function numberFormatCode(figure: Pick<FigureData, "decimals" | "symbol">): string {
  const digits = figure.decimals ? `.${"0".repeat(figure.decimals)}` : "";
  return `[$-40C]#,##0${digits}${figure.symbol ? `" ${figure.symbol}"` : ""}`;
}

/** The value axis: whole numbers unless every value is below ten (then as the labels). */
export function axisFormatCode(figure: Pick<FigureData, "decimals" | "symbol" | "values">): string {
  const small = Math.max(0, ...figure.values.map((v) => Math.abs(v ?? 0))) < 10;
  return numberFormatCode({...figure, decimals: small ? figure.decimals : 0});
}

export interface CsvTable {
  header: string[];
  rows: (string | number | null)[][];
}

/**
 * The CSV of a figure: its rows in the order drawn, the value rounded as displayed, the full value
 * beside it where rounding changed one (`<value>_exacte`), and a unit column.
 */
export function csvTable(rows: Row[], meta: Pick<ExportMeta, "unit">, spec: FigureSpec = {}): CsvTable {
  if (!rows.length) return {header: [], rows: []};
  let figure: FigureData;
  try {
    figure = figureData(rows, meta, spec);
  } catch {
    // Rows that are not one value per category (no label or value column): as they are.
    const header = Object.keys(rows[0]);
    return {header, rows: rows.map((row) => header.map((name) => row[name] ?? null))};
  }
  const column = figure.valueColumn;
  const rounded = (row: Row) => {
    const v = row[column];
    return isNumber(v) ? roundAsDisplayed(v, meta, row.statut === "derive") : (v ?? null);
  };
  const exact = figure.rows.some((r) => isNumber(r[column]) && rounded(r) !== r[column]);
  const header: string[] = [];
  for (const name of Object.keys(figure.rows[0])) {
    header.push(name);
    if (name === column) {
      if (exact) header.push(`${column}_exacte`);
      header.push("unite");
    }
  }
  return {
    header,
    rows: figure.rows.map((row) =>
      header.map((name) =>
        name === column
          ? rounded(row)
          : name === `${column}_exacte`
            ? row[column]
            : name === "unite"
              ? (meta.unit ?? "")
              : (row[name] ?? null)
      )
    )
  };
}

/** RFC 4180 CSV (comma, decimal point), with a BOM so that spreadsheets read UTF-8. */
export function csvText(table: CsvTable): string {
  return "\uFEFF" + formatCsv(table.header, table.rows);
}

/**
 * A field of the Excel variant: a number with its decimal comma; text through the site's CSV writer,
 * quoted also when it holds a « ; ».
 */
function excelField(value: unknown): string {
  if (isNumber(value)) return String(value).replace(".", ",");
  const field = formatCsvField(value);
  return !field.startsWith('"') && field.includes(";") ? `"${field}"` : field;
}

/** « CSV (Excel) »: what Excel opens correctly in French — « ; » between fields, decimal comma, BOM, CRLF. */
export function excelCsvText(table: CsvTable): string {
  return "\uFEFF" + [table.header, ...table.rows].map((row) => row.map(excelField).join(";")).join("\r\n") + "\r\n";
}
