// The SQL the explorer sends around a cell's statement, and how DuckDB's answers are shown.
import {formatNumber} from "../format.js";

/** Rows read from a result at most: beyond, the table would hold the page's memory hostage. */
export const MAX_ROWS = 100_000;
/**
 * Cells (rows × columns) read at most: 100 001 rows of 1 000 columns held 3.3 GB for 52 s. A wide
 * result is cut to fewer rows, before the engine materialises it.
 */
export const MAX_CELLS = 2_000_000;
/** Approximate bytes of the rows kept at most (long texts): what is over is dropped, last rows first. */
export const MAX_BYTES = 64 * 1024 * 1024;

/** How many rows to read of a result with `columns` columns (unknown: 0). */
export function rowLimit(columns: number): number {
  return columns > 0 ? Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_CELLS / columns))) : MAX_ROWS;
}

/** A rough size in memory of a value as the page holds it (UTF-16 text, 8-byte numbers). */
export function approximateBytes(value: unknown): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === "string") return 2 * value.length;
  if (typeof value !== "object") return 8;
  if (value instanceof Date) return 8;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  let total = 16;
  for (const item of Object.values(value)) total += approximateBytes(item);
  return total;
}

/** How many of the first rows fit in `budget` bytes. */
export function rowsWithinBytes(rows: Record<string, unknown>[], budget = MAX_BYTES): number {
  let used = 0;
  for (let i = 0; i < rows.length; i++) {
    for (const value of Object.values(rows[i])) used += approximateBytes(value);
    if (used > budget) return i;
  }
  return rows.length;
}

/** Why a result was cut: too many rows, too many cells (a wide result) or too many bytes. */
export type Cap = "rows" | "cells" | "bytes";

/** The notice under a cut result, in French. */
export function truncationNotice(cap: Cap, kept: number): string {
  const why =
    cap === "rows"
      ? ""
      : cap === "cells"
        ? ` (un résultat de ${formatNumber(MAX_CELLS, 0)} cellules au plus : il a beaucoup de colonnes)`
        : ` (${formatNumber(MAX_BYTES / 2 ** 20, 0)} Mo au plus : il contient de longs textes)`;
  return (
    `Seules les ${formatNumber(kept, 0)} premières lignes sont lues et téléchargeables${why}. ` +
    `Ajoutez une agrégation ou un LIMIT${cap === "rows" ? "" : ", ou choisissez moins de colonnes,"} ` +
    "pour voir le reste."
  );
}

/** A name as a quoted SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A text as an SQL string literal. */
export function sqlLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A name as the user would type it: bare when it can be, quoted otherwise. */
export function identifierForEditor(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : quoteIdentifier(name);
}

// The statement goes on its own lines so that a final `-- comment` cannot swallow the wrapper.
const WRAP_PREFIX = "SELECT * FROM (\n";

/** The statement capped at `limit + 1` rows (one more tells that there were more). */
export function limitedSql(sql: string, limit = MAX_ROWS): string {
  return `${WRAP_PREFIX}${sql}\n) LIMIT ${limit + 1}`;
}

/** The columns of the statement's result, without running it (DuckDB binds, does not execute). */
export function describeSql(sql: string): string {
  return `DESCRIBE ${WRAP_PREFIX}${sql}\n)`;
}

/** How many rows the statement returns in all. */
export function countSql(sql: string): string {
  return `SELECT count(*) AS n FROM (\n${sql}\n)`;
}

/** A named result, as a view later cells can query. */
export function createViewSql(name: string, sql: string): string {
  return `CREATE OR REPLACE TEMP VIEW ${quoteIdentifier(name)} AS ${WRAP_PREFIX}${sql}\n)`;
}

export function dropViewSql(name: string): string {
  return `DROP VIEW IF EXISTS temp.main.${quoteIdentifier(name)}`;
}

/** DuckDB numbers lines of the text it got: give them back in the cell's own numbering. */
export function cellLineNumbers(message: string, wrapped: boolean): string {
  if (!wrapped) return message;
  return message.replace(/\bLINE (\d+):/g, (_, n: string) => `LINE ${Math.max(1, Number(n) - 1)}:`);
}

/** A word of advice in French for DuckDB errors that have a known cause here. */
export function errorHint(message: string, tables: string[] = []): string | null {
  if (/query was canceled/i.test(message)) return null;
  if (/Permission Error|external access|disabled through configuration/i.test(message)) {
    return (
      "L'explorateur ne lit que les tables du site : " +
      "l'accès aux fichiers, au réseau et aux extensions est désactivé."
    );
  }
  if (/PendingQuery can only take a single statement/i.test(message)) {
    return (
      "Cette instruction se décompose en plusieurs requêtes, ce que l'explorateur n'exécute pas. " +
      "Pour un PIVOT, donnez ses valeurs : PIVOT t ON colonne IN ('a', 'b') USING sum(x)."
    );
  }
  if (/Catalog Error: Table with name/i.test(message)) {
    return tables.length ? `Tables disponibles : ${tables.join(", ")} (voir le panneau « Tables »).` : null;
  }
  if (/Referenced column .* not found|column .* does not exist/i.test(message)) {
    return "Les colonnes de chaque table sont listées dans le panneau « Tables ».";
  }
  return null;
}

/** True when the engine's error says the query was stopped on request. */
export function isCancellation(message: string): boolean {
  return /query was canceled|No active pending query/i.test(message);
}
