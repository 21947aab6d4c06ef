// The SQL the explorer sends around a cell's statement, and how DuckDB's answers are shown.

/** Rows read from a result at most: beyond, the table would hold the page's memory hostage. */
export const MAX_ROWS = 100_000;

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
    return "L'explorateur ne lit que les tables du site : l'accès aux fichiers, au réseau et aux extensions est désactivé.";
  }
  if (/PendingQuery can only take a single statement/i.test(message)) {
    return "Cette instruction se décompose en plusieurs requêtes, ce que l'explorateur n'exécute pas. Pour un PIVOT, donnez ses valeurs : PIVOT t ON colonne IN ('a', 'b') USING sum(x).";
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
