// Downloads: a result as CSV, file names that say what they hold.
import {formatCsv} from "../csv.js";
import {type Column} from "./column-types.js";
import {csvValue} from "./values.js";

/** A result as RFC 4180 CSV (comma, dot decimals, UTF-8): what spreadsheets and scripts read. */
export function resultCsv(columns: Column[], rows: Record<string, unknown>[]): string {
  return formatCsv(
    columns.map((c) => c.name),
    rows.map((row) => columns.map((c) => csvValue(row[c.name], c)))
  );
}

/** « cellule-2-participants.csv »: the cell's position, and its name when it has one. */
export function resultFileName(position: number, name: string | null): string {
  return `cellule-${position}${name ? `-${name}` : ""}.csv`;
}
