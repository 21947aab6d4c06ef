// Writes a table to Parquet bytes (zstd), sorted by the schema's order so that the browser can skip
// row groups when it filters on those columns. The file's key-value metadata carries the table's
// and every column's description (src/lib/schema.ts), so that a downloaded file documents itself.
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {TableSchema} from "../schema.js";
import {sqlString} from "../queries/query.js";
import {type TableData, Warehouse} from "./warehouse.js";

/** The metadata key of the table's description; a column's is `description:<column>`. */
export const DESCRIPTION_KEY = "description";

/** The key-value metadata a table's Parquet file carries: its description and each column's. */
export function parquetMetadata(schema: TableSchema<unknown>): Record<string, string> {
  return Object.fromEntries([
    [DESCRIPTION_KEY, schema.description],
    ...schema.columns.map((c) => [`${DESCRIPTION_KEY}:${c.name}`, c.description])
  ]);
}

export async function toParquet<Row>(table: TableData<Row>): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "observatoire-parquet-"));
  const warehouse = await Warehouse.create([table]);
  try {
    const file = join(dir, `${table.schema.name}.parquet`);
    const order = table.schema.orderBy.map((c) => `"${c}" NULLS FIRST`).join(", ");
    const metadata = Object.entries(parquetMetadata(table.schema as TableSchema<unknown>))
      .map(([key, value]) => `${sqlString(key)}: ${sqlString(value)}`)
      .join(", ");
    await warehouse.connection.run(
      `COPY (SELECT * FROM "${table.schema.name}" ORDER BY ${order}) TO '${file}' ` +
        `(FORMAT parquet, COMPRESSION zstd, KV_METADATA {${metadata}})`
    );
    return readFileSync(file);
  } finally {
    warehouse.close();
    rmSync(dir, {recursive: true, force: true});
  }
}
