// A result value as the table shows it: numbers in French (« 37 829 », « 4,77 »), years as
// written, dates in French, NULL visible, nested values as JSON. Text only: never HTML.
import {formatNumber} from "../format.js";
import {type Column, columnKind, isYearName} from "./column-types.js";

const DATE = new Intl.DateTimeFormat("fr-FR", {dateStyle: "short", timeZone: "UTC"});
const DATE_TIME = new Intl.DateTimeFormat("fr-FR", {dateStyle: "short", timeStyle: "medium", timeZone: "UTC"});

/** Three significant digits for a small number (at most 6 decimals); two decimals otherwise. */
export function decimalsFor(value: number): number {
  const abs = Math.abs(value);
  if (abs === 0 || abs >= 1) return 2;
  return Math.min(6, 2 - Math.floor(Math.log10(abs)));
}

export function formatResultNumber(value: number, column?: Column): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "NaN" : value > 0 ? "+∞" : "−∞";
  // A year keeps its four digits (« 2022 », not « 2 022 »).
  if (column && isYearName(column.name) && Number.isInteger(value)) return String(value);
  return formatNumber(value, decimalsFor(value));
}

export function formatResultValue(value: unknown, column: Column): string {
  if (value === null || value === undefined) return "NULL";
  const kind = columnKind(column.type);
  if (typeof value === "number") {
    if (kind === "date") return (/^Date/i.test(column.type) ? DATE : DATE_TIME).format(new Date(value));
    return formatResultNumber(value, column);
  }
  if (typeof value === "boolean") return value ? "vrai" : "faux";
  if (typeof value === "string") return value;
  if (value instanceof Date) return DATE_TIME.format(value);
  try {
    return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? Number(v) : v));
  } catch {
    return String(value);
  }
}

/** A value in a CSV export: machine-readable (dot decimals, ISO dates), nested values as JSON. */
export function csvValue(value: unknown, column: Column): unknown {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && columnKind(column.type) === "date") {
    const iso = new Date(value).toISOString();
    return /^Date/i.test(column.type) ? iso.slice(0, 10) : iso;
  }
  if (typeof value === "object") return formatResultValue(value, column);
  return value;
}
