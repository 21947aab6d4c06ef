// Writes a table to Parquet bytes (zstd), sorted by the schema's order so that the browser can skip
// row groups when it filters on those columns.
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {type TableData, Warehouse} from "./warehouse.js";

export async function toParquet<Row>(table: TableData<Row>): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "observatoire-parquet-"));
  const warehouse = await Warehouse.create([table]);
  try {
    const file = join(dir, `${table.schema.name}.parquet`);
    const order = table.schema.orderBy.map((c) => `"${c}" NULLS FIRST`).join(", ");
    await warehouse.connection.run(
      `COPY (SELECT * FROM "${table.schema.name}" ORDER BY ${order}) TO '${file}' (FORMAT parquet, COMPRESSION zstd)`
    );
    return readFileSync(file);
  } finally {
    warehouse.close();
    rmSync(dir, {recursive: true, force: true});
  }
}
