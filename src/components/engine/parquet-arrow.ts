// Parquet → Arrow in the browser, without DuckDB's parquet extension (which DuckDB-WASM would
// download from its extension host at run time). hyparquet decodes, fzstd decompresses, and the
// column types of the file become Arrow types, so DuckDB gets the same table as in Node.
import {decompress} from "npm:fzstd";
import {parquetMetadata, parquetReadObjects, parquetSchema} from "npm:hyparquet";
import * as Arrow from "npm:apache-arrow";

const compressors = {
  ZSTD: (input: Uint8Array, outputLength: number) => decompress(input, new Uint8Array(outputLength))
};

type ArrowType = Arrow.Int32 | Arrow.Int64 | Arrow.Float64 | Arrow.Float32 | Arrow.Bool | Arrow.Utf8;

/** The Arrow type of a Parquet column, from its physical and logical types. */
export function arrowType(
  element: {type?: string; converted_type?: string; logical_type?: {type: string}},
  name: string
): ArrowType {
  switch (element.type) {
    case "INT32":
      return new Arrow.Int32();
    case "INT64":
      return new Arrow.Int64();
    case "DOUBLE":
      return new Arrow.Float64();
    case "FLOAT":
      return new Arrow.Float32();
    case "BOOLEAN":
      return new Arrow.Bool();
    case "BYTE_ARRAY":
      if (element.converted_type === "UTF8" || element.logical_type?.type === "STRING") return new Arrow.Utf8();
  }
  throw new Error(`colonne ${name} : type Parquet ${element.type} non pris en charge`);
}

/** Decodes a Parquet file into an Arrow table with the file's column types. */
export async function parquetToArrow(buffer: ArrayBuffer): Promise<Arrow.Table> {
  const metadata = parquetMetadata(buffer);
  const columns = parquetSchema(metadata).children.map((child) => ({
    name: child.element.name,
    type: arrowType(child.element, child.element.name)
  }));
  const rows = await parquetReadObjects({file: buffer, metadata, compressors});
  const vectors = Object.fromEntries(
    columns.map(({name, type}) => [
      name,
      Arrow.vectorFromArray(
        rows.map((row) => row[name] ?? null),
        type
      )
    ])
  );
  return new Arrow.Table(vectors);
}
