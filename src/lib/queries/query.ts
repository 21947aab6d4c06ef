// What a named query is: a name (the snapshot's key), SQL text and its parameters. The pages run it
// in DuckDB-WASM; tests and build-time rendering run the very same text in DuckDB for Node
// (src/lib/build/warehouse.ts).

import type {IndicatorRow} from "../schema.js";

/**
 * What a result row says of its indicator, as the table holds it; `programme` as text (a page
 * must show a programme it does not know rather than fail).
 */
export interface IndicatorColumns extends Pick<IndicatorRow, "indicator" | "label" | "section" | "unit"> {
  programme: string;
}

/** A query and its parameters; `Row` is the shape of one result row. */
export interface Query<Row> {
  name: string;
  sql: string;
  params: (string | number | null)[];
  /** Phantom field carrying the row type. */
  readonly row?: Row;
}

export function query<Row>(name: string, sql: string, params: (string | number | null)[] = []): Query<Row> {
  return {name, sql: sql.trim(), params};
}

/** Quotes a string as an SQL literal (for IN lists, which prepared statements cannot bind). */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
