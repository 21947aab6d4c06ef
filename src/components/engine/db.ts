// The one DuckDB-WASM engine of a page: started once, as early as a page asks for it, with the
// site's Parquet files decoded in a worker of ours (no DuckDB extension) and registered as tables.
// The engine's code (DuckDB-WASM's JS and Arrow in the page, the Parquet decoder in its worker) is
// loaded when the engine starts, not with the page: a page's first view never waits for it. On a phone
// that asks to save data (or a slow connection), the engine is not even downloaded until a query
// needs an answer the build did not compute.
import {FileAttachment} from "observablehq:stdlib";
import {plainValue} from "../../lib/duckdb-values.js";
import type {Query} from "../../lib/queries/index.js";
import {type Prerendered, fromSnapshot} from "../../lib/queries/snapshot.js";
import {currentConnection, lightConnection} from "../offline/connection.js";
import {parquetDecoder} from "./parquet-decoder.js";

/** The tables every page can query, by name. */
const TABLE_FILES = {
  indicators: FileAttachment("../../data/indicators.parquet"),
  communes: FileAttachment("../../data/communes.parquet"),
  catalog: FileAttachment("../../data/catalog.parquet")
};
/** The worker that turns the Parquet files into Arrow for DuckDB (parquet-worker.ts). */
const PARQUET_WORKER = FileAttachment("../../engine/parquet-worker.js");

export interface ColumnInfo {
  name: string;
  type: string;
}

export interface Result<Row> {
  rows: Row[];
  columns: ColumnInfo[];
  /** The reading stopped at `maxBytes`: the rows are the first ones only, the query was cancelled. */
  cut?: boolean;
}

export interface SqlOptions {
  /**
   * Stop reading once the result's Arrow batches hold more bytes than this (the explorer: a query of
   * huge texts must not fill the tab's memory before any cap applies). Ignored with parameters.
   */
  maxBytes?: number;
}

export interface Engine {
  /** Runs a named query (src/lib/queries/). */
  run<Row>(query: Query<Row>): Promise<Row[]>;
  /** Runs any SQL (the explorer); parameters bind to `?` placeholders. */
  sql<Row = Record<string, unknown>>(text: string, params?: unknown[], options?: SqlOptions): Promise<Result<Row>>;
  /** Stops the query in flight, if any (the explorer's « Annuler »). */
  cancel(): Promise<boolean>;
  tables: string[];
}

function toRows<Row>(table: {toArray(): {toJSON(): Record<string, unknown>}[]}): Row[] {
  return table.toArray().map((row) => {
    const object = row.toJSON();
    for (const key in object) object[key] = plainValue(object[key]);
    return object as Row;
  });
}

/** Resolved by the page once its first view, drawn from build-time results, is on screen. */
let firstViewShown: () => void = () => {};
const firstView = new Promise<void>((resolve) => (firstViewShown = resolve));

/** Tells a waiting engine that the page's first view is painted (after the next frame). */
export function firstViewPainted(): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark("mno:first-view");
      firstViewShown();
    }, 0)
  );
}

/**
 * DuckDB's worker, made to compile the wasm straight from its fetch response. When streams can be
 * transformed, DuckDB-WASM wraps the response in a new Response (for a progress counter), which has
 * no URL: Chromium then cannot keep the compiled code in its code cache, and every visit compiles
 * the 35 MB again. The worker is a classic script loaded into a small blob worker that hides
 * TransformStream until DuckDB has started compiling (its fallback is the plain response), then
 * gives it back. A blob worker is controlled by the page's service worker: this works offline too.
 */
function engineWorker(workerUrl: string): Worker {
  const source = `"use strict";
const transform = self.TransformStream;
const compile = WebAssembly.instantiateStreaming;
self.TransformStream = undefined;
WebAssembly.instantiateStreaming = function (response, imports) {
  self.TransformStream = transform;
  WebAssembly.instantiateStreaming = compile;
  return compile.call(WebAssembly, response, imports);
};
importScripts(${JSON.stringify(workerUrl)});`;
  const url = URL.createObjectURL(new Blob([source], {type: "text/javascript"}));
  const worker = new Worker(url);
  // The worker has read its script long before; the blob URL is not needed after start.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return worker;
}

/** The longest the engine waits for the first view before compiling anyway. */
const FIRST_VIEW_WAIT_MS = 1500;

async function boot(afterFirstView: boolean): Promise<Engine> {
  performance.mark("mno:duckdb-start");
  // Download the data while the engine's code arrives.
  const files = Object.entries(TABLE_FILES).map(async ([name, file]) => [name, await file.arrayBuffer()] as const);
  const [duckdb, Arrow] = await Promise.all([import("npm:@duckdb/duckdb-wasm"), import("npm:apache-arrow")]);
  // Compiling the engine's 35 MB of wasm takes both cores of a small machine: a page whose first
  // view needs no engine lets it paint first (bench/PERFORMANCE.md).
  if (afterFirstView)
    await Promise.race([firstView, new Promise((resolve) => setTimeout(resolve, FIRST_VIEW_WAIT_MS))]);
  performance.mark("mno:duckdb-compile");
  // The files are decoded in a worker while the engine compiles: the page's thread only hands the
  // resulting Arrow streams to DuckDB's worker (bench/PERFORMANCE.md, decision 19).
  const decoder = parquetDecoder(PARQUET_WORKER.href);
  const tables = Promise.all(
    files.map(async (file) => {
      const [name, buffer] = await file;
      return [name, await decoder.decode(name, buffer)] as const;
    })
  );
  tables.finally(() => decoder.close()).catch(() => {});
  const wasmUrl = new URL(import.meta.resolve("npm:@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"), location.href).href;
  const workerUrl = new URL(
    import.meta.resolve("npm:@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js"),
    location.href
  ).href;
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), engineWorker(workerUrl));
  await db.instantiate(wasmUrl);
  performance.mark("mno:duckdb-instantiated");
  await db.open({query: {castBigIntToDouble: true, castDecimalToDouble: true}});
  const connection = await db.connect();
  for (const [name, ipc] of await tables) await connection.insertArrowFromIPCStream(ipc, {name, create: true});

  // One query at a time on the connection: two `send`s in flight read each other's batches (measured:
  // eight concurrent queries all came back empty), and a page's sections ask at the same time.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => {});
    return run;
  };

  const runSql = async <Row>(text: string, params: unknown[], {maxBytes}: SqlOptions): Promise<Result<Row>> => {
    let table;
    let cut = false;
    if (params.length) {
      const statement = await connection.prepare(text);
      try {
        table = await statement.query(...params);
      } finally {
        await statement.close();
      }
    } else {
      // `send` runs the query as a pending query polled by the worker, which `cancelSent` can
      // interrupt between two polls; `query` would run it in one step that nothing can stop.
      // Batches are read one by one so that a byte budget stops the query before the rest comes.
      const reader = await connection.send(text);
      const batches: InstanceType<typeof Arrow.RecordBatch>[] = [];
      let bytes = 0;
      for await (const batch of reader) {
        batches.push(batch);
        bytes += batch.data.byteLength;
        if (maxBytes !== undefined && bytes > maxBytes) {
          cut = true;
          await connection.cancelSent();
          break;
        }
      }
      table = new Arrow.Table(reader.schema, batches);
    }
    const columns = table.schema.fields.map((f) => ({name: f.name, type: String(f.type)}));
    return {rows: toRows<Row>(table), columns, ...(cut ? {cut} : {})};
  };
  const sql = <Row>(text: string, params: unknown[] = [], options: SqlOptions = {}): Promise<Result<Row>> =>
    exclusive(() => runSql<Row>(text, params, options));
  performance.mark("mno:duckdb-ready");
  return {
    sql,
    run: async <Row>(query: Query<Row>) => (await sql<Row>(query.sql, query.params)).rows,
    cancel: () => connection.cancelSent(),
    tables: Object.keys(TABLE_FILES)
  };
}

/** Build-time results a page may have drawn from (snapshot.json; lignes.json on programme pages). */
const PRERENDERED_FILES = [FileAttachment("../../data/snapshot.json"), FileAttachment("../../data/lignes.json")];

/**
 * A build-time results file, if the page already holds it: a request that may only be answered
 * from a cache (HTTP cache or service worker), so that deciding costs no download.
 */
const prerendered = new Map<string, Promise<Prerendered | undefined>>();
function cachedJson(href: string): Promise<Prerendered | undefined> {
  let parsed = prerendered.get(href);
  if (!parsed) {
    parsed = fetch(href, {cache: "only-if-cached", mode: "same-origin"})
      .then((response) => (response.ok ? (response.json() as Promise<Prerendered>) : undefined))
      // Not in any cache: this page did not draw from that file.
      .catch(() => undefined);
    prerendered.set(href, parsed);
    // A miss is asked again next time (the page may fetch the file meanwhile); a hit is kept.
    void parsed.then((value) => value ?? prerendered.delete(href));
  }
  return parsed;
}

/** The rows the build computed for this query, in a file the page holds; undefined if none. */
async function knownAtBuild<Row>(query: Query<Row>): Promise<Row[] | undefined> {
  for (const file of PRERENDERED_FILES) {
    const rows = fromSnapshot(await cachedJson(file.href), query);
    if (rows) return rows;
  }
  return undefined;
}

/**
 * An engine that downloads nothing until asked for an answer the build did not compute: a named
 * query whose rows the page drew from the build (the check of a first view) is answered with those
 * rows (the same query, run on the same data); any other query, and any SQL (the explorer), starts it.
 */
function lazyEngine(start: () => Promise<Engine>): Engine {
  let real: Promise<Engine> | undefined;
  const now = () => (real ??= start());
  return {
    run: async <Row>(query: Query<Row>) => {
      if (!real) {
        const built = await knownAtBuild(query);
        if (built) return built;
      }
      return (await now()).run(query);
    },
    sql: async <Row>(text: string, params?: unknown[], options?: SqlOptions) =>
      (await now()).sql<Row>(text, params, options),
    cancel: async () => (real ? (await real).cancel() : false),
    tables: Object.keys(TABLE_FILES)
  };
}

let engine: Promise<Engine> | undefined;

function startNow(afterFirstView: boolean): Promise<Engine> {
  return boot(afterFirstView).catch((error) => {
    throw new Error(`Le moteur de requêtes (DuckDB) n'a pas pu démarrer : ${error?.message ?? error}`);
  });
}

/**
 * The page's engine, started on first call; later calls share it. With `afterFirstView`, its code
 * and data are fetched at once but it compiles once `firstViewPainted()` is called. With Save-Data
 * or a slow connection, the engine is lazy (see lazyEngine).
 */
export function startEngine({afterFirstView = false} = {}): Promise<Engine> {
  return (engine ??= lightConnection(currentConnection())
    ? Promise.resolve(lazyEngine(() => startNow(false)))
    : startNow(afterFirstView));
}
