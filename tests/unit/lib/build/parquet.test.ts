// Every published Parquet file documents itself: its key-value metadata holds the table's and each
// column's French description (src/lib/schema.ts), read back by DuckDB and by hyparquet.
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {parquetMetadata as readMetadata} from "hyparquet";
import {loadTables, tableList} from "../../../../src/lib/build/datasets.js";
import {DESCRIPTION_KEY, parquetMetadata, toParquet} from "../../../../src/lib/build/parquet.js";
import {Warehouse} from "../../../../src/lib/build/warehouse.js";

const tmp = mkdtempSync(join(tmpdir(), "observatoire-parquet-test-"));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));
const tables = tableList(loadTables());

describe("Parquet column descriptions", () => {
  it("gives every column of every table one French description of its own", () => {
    for (const {schema} of tables) {
      const descriptions = schema.columns.map((c) => c.description);
      expect(
        descriptions.every((d) => d.length >= 10 && /[a-zé]/.test(d)),
        schema.name
      ).toBe(true);
      expect(new Set(descriptions).size, schema.name).toBe(descriptions.length);
      expect(schema.description.length).toBeGreaterThan(10);
    }
  });

  for (const table of tables) {
    describe(`${table.schema.name}.parquet`, async () => {
      const bytes = await toParquet(table);
      const expected = Object.fromEntries(
        table.schema.columns.map((c) => [`${DESCRIPTION_KEY}:${c.name}`, c.description])
      );
      expected[DESCRIPTION_KEY] = table.schema.description;

      it("carries them in its key-value metadata, as DuckDB reads it", async () => {
        const file = join(tmp, `${table.schema.name}.parquet`);
        writeFileSync(file, bytes);
        const warehouse = await Warehouse.create();
        try {
          const rows = await warehouse.query<{key: string; value: string}>(
            `SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${file}')`
          );
          expect(Object.fromEntries(rows.map((r) => [r.key, r.value]))).toEqual(expected);
          expect(expected).toEqual(parquetMetadata(table.schema));
        } finally {
          warehouse.close();
        }
      });

      it("and as hyparquet reads it", () => {
        const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
        const metadata = readMetadata(buffer);
        const kv = Object.fromEntries((metadata.key_value_metadata ?? []).map((e) => [e.key, e.value]));
        expect(kv).toEqual(expected);
      });
    });
  }
});
