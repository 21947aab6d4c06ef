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

/** Bit `i` set where `values[i]` is not null (Arrow's validity bitmap, least significant bit first). */
function validityBitmap(values: unknown[]): {bitmap: Uint8Array; nulls: number} {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nulls = 0;
  values.forEach((value, i) => {
    if (value === null || value === undefined) nulls++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  });
  return {bitmap, nulls};
}

/**
 * One column as an Arrow vector, its buffers laid out here with Arrow's own makeData: Arrow's
 * builders (vectorFromArray) compile their null check with `new Function`, which a
 * Content-Security-Policy without 'unsafe-eval' forbids.
 */
function columnVector(values: unknown[], type: ArrowType): Arrow.Vector {
  const {bitmap, nulls} = validityBitmap(values);
  const nullBitmap = nulls ? bitmap : undefined;
  const length = values.length;
  if (type instanceof Arrow.Utf8) {
    const encoder = new TextEncoder();
    const parts = values.map((value) =>
      value === null || value === undefined ? new Uint8Array() : encoder.encode(String(value))
    );
    const valueOffsets = new Int32Array(length + 1);
    parts.forEach((part, i) => (valueOffsets[i + 1] = valueOffsets[i] + part.length));
    const data = new Uint8Array(valueOffsets[length]);
    parts.forEach((part, i) => data.set(part, valueOffsets[i]));
    return Arrow.makeVector(Arrow.makeData({type, length, nullCount: nulls, nullBitmap, valueOffsets, data}));
  }
  if (type instanceof Arrow.Bool) {
    const data = new Uint8Array(Math.ceil(length / 8));
    values.forEach((value, i) => {
      if (value) data[i >> 3] |= 1 << (i & 7);
    });
    return Arrow.makeVector(Arrow.makeData({type, length, nullCount: nulls, nullBitmap, data}));
  }
  const data =
    type instanceof Arrow.Int64
      ? BigInt64Array.from(values, (value) => BigInt((value as bigint | number | null) ?? 0))
      : new type.ArrayType(length);
  if (!(type instanceof Arrow.Int64)) values.forEach((value, i) => (data[i] = Number(value ?? 0)));
  return Arrow.makeVector(Arrow.makeData({type, length, nullCount: nulls, nullBitmap, data} as never));
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
      columnVector(
        rows.map((row) => row[name] ?? null),
        type
      )
    ])
  );
  return new Arrow.Table(vectors);
}
