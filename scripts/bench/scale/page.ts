// Browser side of the scale study (bundled by esbuild into bench/scale-data/www/scale.js): one
// DuckDB-WASM (eh) per page, loaders for the layouts, and timed queries. Driven by scale/run.ts.
import * as duckdb from "@duckdb/duckdb-wasm";
import * as Arrow from "apache-arrow";
import {decompress} from "fzstd";
import {parquetMetadata, parquetRead} from "hyparquet";
import initParquetWasm, {readParquet} from "parquet-wasm";
// The site's own Parquet → Arrow type mapping (its `npm:` imports are resolved by run.ts's bundler).
import {arrowType} from "../../../src/components/engine/parquet-arrow.js";

const compressors = {
  ZSTD: (input: Uint8Array, outputLength: number) => decompress(input, new Uint8Array(outputLength))
};
let db: duckdb.AsyncDuckDB;
let connection: duckdb.AsyncDuckDBConnection;
let parquetWasmReady: Promise<unknown> | undefined;

export interface LoadTiming {
  fetch: number;
  decode: number;
  insert: number;
  total: number;
  rows: number;
  /** Bytes on the wire (compressed when the server compressed) and decoded. */
  encodedBytes: number;
  decodedBytes: number;
}

async function fetchBytes(url: string): Promise<{bytes: Uint8Array; encodedBytes: number; decodedBytes: number}> {
  const response = await fetch(url, {cache: "no-store"});
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const timing = performance.getEntriesByName(new URL(url, location.href).href).pop() as
    PerformanceResourceTiming | undefined;
  return {
    bytes,
    encodedBytes: timing?.encodedBodySize ?? bytes.length,
    decodedBytes: timing?.decodedBodySize ?? bytes.length
  };
}

function column(data: ArrayLike<unknown>, type: Arrow.DataType): Arrow.Vector {
  if (ArrayBuffer.isView(data) && !(data instanceof BigInt64Array) && type.typeId !== Arrow.Type.Utf8) {
    return Arrow.makeVector(data as Int32Array | Float64Array);
  }
  return Arrow.vectorFromArray(Array.from(data), type);
}

/** Parquet → Arrow with hyparquet, one row group at a time, each inserted before the next is decoded. */
async function loadWithHyparquet(url: string, table: string): Promise<LoadTiming> {
  const t0 = performance.now();
  const {bytes, encodedBytes, decodedBytes} = await fetchBytes(url);
  const t1 = performance.now();
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(file);
  const schema = metadata.schema.slice(1);
  let decode = 0;
  let insert = 0;
  let rowStart = 0;
  for (let g = 0; g < metadata.row_groups.length; g++) {
    const rowEnd = rowStart + Number(metadata.row_groups[g].num_rows);
    const d0 = performance.now();
    const chunks = new Map<string, {rowStart: number; data: ArrayLike<unknown>}[]>();
    await parquetRead({
      file,
      metadata,
      compressors,
      rowStart,
      rowEnd,
      onChunk: (chunk) => {
        const list = chunks.get(chunk.columnName) ?? [];
        list.push({rowStart: chunk.rowStart, data: chunk.columnData as ArrayLike<unknown>});
        chunks.set(chunk.columnName, list);
      }
    });
    const vectors: Record<string, Arrow.Vector> = {};
    for (const element of schema) {
      const parts = (chunks.get(element.name) ?? []).sort((a, b) => a.rowStart - b.rowStart);
      const type = arrowType(element, element.name);
      const pieces = parts.map((p) => column(p.data, type));
      vectors[element.name] =
        pieces.length === 1 ? pieces[0] : pieces.slice(1).reduce((a, b) => a.concat(b), pieces[0]);
    }
    const batch = new Arrow.Table(vectors);
    const i0 = performance.now();
    decode += i0 - d0;
    await connection.insertArrowTable(batch, {name: table, create: g === 0});
    insert += performance.now() - i0;
    rowStart = rowEnd;
  }
  return {fetch: t1 - t0, decode, insert, total: performance.now() - t0, rows: rowStart, encodedBytes, decodedBytes};
}

/** Parquet → Arrow IPC with parquet-wasm (what Framework's FileAttachment.parquet() does). */
async function loadWithParquetWasm(url: string, table: string): Promise<LoadTiming> {
  parquetWasmReady ??= initParquetWasm(new URL("parquet_wasm_bg.wasm", location.href));
  await parquetWasmReady;
  const t0 = performance.now();
  const {bytes, encodedBytes, decodedBytes} = await fetchBytes(url);
  const t1 = performance.now();
  const ipc = readParquet(bytes).intoIPCStream();
  const t2 = performance.now();
  await connection.insertArrowFromIPCStream(ipc, {name: table, create: true});
  const t3 = performance.now();
  const rows = await count(table);
  return {fetch: t1 - t0, decode: t2 - t1, insert: t3 - t2, total: t3 - t0, rows, encodedBytes, decodedBytes};
}

/** An Arrow IPC stream, inserted as is (DuckDB-WASM reads IPC itself). */
async function loadArrowIpc(url: string, table: string): Promise<LoadTiming> {
  const t0 = performance.now();
  const {bytes, encodedBytes, decodedBytes} = await fetchBytes(url);
  const t1 = performance.now();
  await connection.insertArrowFromIPCStream(bytes, {name: table, create: true});
  const t2 = performance.now();
  const rows = await count(table);
  return {fetch: t1 - t0, decode: 0, insert: t2 - t1, total: t2 - t0, rows, encodedBytes, decodedBytes};
}

async function count(table: string): Promise<number> {
  const result = await connection.query(`SELECT count(*)::INTEGER AS n FROM "${table}"`);
  return Number(result.getChild("n")?.get(0));
}

const api = {
  async init(base: string): Promise<number> {
    const t0 = performance.now();
    const worker = new Worker(new URL("duckdb-browser-eh.worker.js", base));
    db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(new URL("duckdb-eh.wasm", base).href);
    await db.open({query: {castBigIntToDouble: true}});
    connection = await db.connect();
    return performance.now() - t0;
  },
  load(kind: "hyparquet" | "parquet-wasm" | "arrow", url: string, table: string): Promise<LoadTiming> {
    if (kind === "hyparquet") return loadWithHyparquet(url, table);
    if (kind === "parquet-wasm") return loadWithParquetWasm(url, table);
    return loadArrowIpc(url, table);
  },
  /** Runs a query `repeats` times after a first run; returns the first time, each repeat's, the rows. */
  async query(
    sql: string,
    params: unknown[],
    repeats: number
  ): Promise<{first: number; times: number[]; rows: number}> {
    const statement = await connection.prepare(sql);
    try {
      const run = async () => {
        const result = await statement.query(...params);
        // What a map needs: the values as a JS array.
        result.getChildAt(result.numCols - 1)?.toArray();
        return result.numRows;
      };
      const f0 = performance.now();
      const rows = await run();
      const first = performance.now() - f0;
      const times: number[] = [];
      for (let i = 0; i < repeats; i++) {
        const t0 = performance.now();
        await run();
        times.push(performance.now() - t0);
      }
      return {first, times, rows};
    } finally {
      await statement.close();
    }
  },
  async memory(): Promise<{duckdbBytes: number | null; jsHeapBytes: number | null}> {
    let duckdbBytes: number | null = null;
    try {
      const result = await connection.query("SELECT sum(memory_usage_bytes)::DOUBLE AS bytes FROM duckdb_memory()");
      duckdbBytes = Number(result.getChild("bytes")?.get(0));
    } catch {
      duckdbBytes = null;
    }
    const memory = (performance as unknown as {memory?: {usedJSHeapSize: number}}).memory;
    return {duckdbBytes, jsHeapBytes: memory?.usedJSHeapSize ?? null};
  },
  async drop(table: string): Promise<void> {
    await connection.query(`DROP TABLE IF EXISTS "${table}"`);
    await connection.query("CHECKPOINT").catch(() => {});
  }
};

(window as unknown as {scale: typeof api}).scale = api;
document.body.dataset.ready = "true";
