// DuckDB in Node (@duckdb/node-api) holding the site's tables: used to write Parquet at build time,
// to render first views at build time, and by tests to run the very queries the pages run.
import {DuckDBConnection, DuckDBInstance} from "@duckdb/node-api";
import {plainValue} from "../duckdb-values.js";
import {type TableSchema} from "../schema.js";

export interface TableData<Row> {
  schema: TableSchema<Row>;
  rows: Row[];
}

export class Warehouse {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection
  ) {}

  static async create(tables: TableData<any>[] = []): Promise<Warehouse> {
    const instance = await DuckDBInstance.create(":memory:");
    const warehouse = new Warehouse(instance, await instance.connect());
    for (const table of tables) await warehouse.load(table);
    return warehouse;
  }

  /** Creates a table with the contract's column types and appends the rows. */
  async load<Row>({schema, rows}: TableData<Row>): Promise<void> {
    const columns = schema.columns.map((c) => `"${c.name}" ${c.type}${c.nullable ? "" : " NOT NULL"}`).join(", ");
    await this.connection.run(`CREATE TABLE "${schema.name}" (${columns})`);
    const appender = await this.connection.createAppender(schema.name);
    for (const row of rows) {
      for (const column of schema.columns) {
        const value = row[column.name] as unknown;
        if (value === null || value === undefined) appender.appendNull();
        else if (column.type === "INTEGER") appender.appendInteger(value as number);
        else if (column.type === "DOUBLE") appender.appendDouble(value as number);
        else appender.appendVarchar(String(value));
      }
      appender.endRow();
    }
    appender.closeSync();
  }

  /** Runs SQL with optional positional parameters and returns plain row objects. */
  async query<T = Record<string, unknown>>(sql: string, params: (string | number | null)[] = []): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params as never);
    return reader
      .getRowObjectsJS()
      .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plainValue(v)])) as T);
  }

  /** Runs a named query (src/lib/queries/), exactly as the pages do. */
  run<T>(query: {sql: string; params: (string | number | null)[]; readonly row?: T}): Promise<T[]> {
    return this.query<T>(query.sql, query.params);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
