// The one DuckDB-WASM engine of a page: started once, as early as a page asks for it, with the
// site's Parquet files decoded in the page (no DuckDB extension) and registered as tables.
// The engine's code (DuckDB-WASM's JS, Arrow, the Parquet decoder: ~110 kB compressed) is imported
// when the engine starts, not with the page: a page's first view never waits for it.
import {FileAttachment} from "observablehq:stdlib";
import {plainValue} from "../../lib/duckdb-values.js";
import type {Query} from "../../lib/queries/index.js";

/** The tables every page can query, by name. */
const TABLE_FILES = {
  indicators: FileAttachment("../../data/indicators.parquet"),
  communes: FileAttachment("../../data/communes.parquet"),
  catalog: FileAttachment("../../data/catalog.parquet")
};

export interface ColumnInfo {
  name: string;
  type: string;
}

export interface Result<Row> {
  rows: Row[];
  columns: ColumnInfo[];
}

export interface Engine {
  /** Runs a named query (src/lib/queries/). */
  run<Row>(query: Query<Row>): Promise<Row[]>;
  /** Runs any SQL (the explorer); parameters bind to `?` placeholders. */
  sql<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Result<Row>>;
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

/** Resolves when the main thread has nothing else to do (the first view is drawn by then). */
function idle(): Promise<void> {
  return new Promise((resolve) =>
    typeof requestIdleCallback === "function" ? requestIdleCallback(() => resolve(), {timeout: 1000}) : setTimeout(resolve, 50)
  );
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

/** The longest the engine waits for the first view before compiling anyway. */
const FIRST_VIEW_WAIT_MS = 1500;

async function boot(afterFirstView: boolean): Promise<Engine> {
  performance.mark("mno:duckdb-start");
  // Download the data while the engine compiles, but decode it (~120 ms of main-thread work, profiled)
  // only once the engine is up and the main thread idle: the page's first view is drawn by then
  // (bench/PERFORMANCE.md).
  const files = Promise.all(Object.entries(TABLE_FILES).map(async ([name, file]) => [name, await file.arrayBuffer()] as const));
  const [duckdb, Arrow, {parquetToArrow}] = await Promise.all([
    import("npm:@duckdb/duckdb-wasm"),
    import("npm:apache-arrow"),
    import("./parquet-arrow.js")
  ]);
  // Compiling the engine's 35 MB of wasm takes both cores of a small machine: a page whose first
  // view needs no engine lets it paint first (bench/PERFORMANCE.md).
  if (afterFirstView) await Promise.race([firstView, new Promise((resolve) => setTimeout(resolve, FIRST_VIEW_WAIT_MS))]);
  performance.mark("mno:duckdb-compile");
  const worker = new Worker(import.meta.resolve("npm:@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js"));
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(import.meta.resolve("npm:@duckdb/duckdb-wasm/dist/duckdb-eh.wasm"));
  await db.open({query: {castBigIntToDouble: true, castDecimalToDouble: true}});
  const connection = await db.connect();
  for (const [name, buffer] of await files) {
    await idle();
    await connection.insertArrowTable(await parquetToArrow(buffer), {name, create: true});
  }

  // One query at a time on the connection: two `send`s in flight read each other's batches (measured:
  // eight concurrent queries all came back empty), and a page's sections ask at the same time.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => {});
    return run;
  };

  const runSql = async <Row>(text: string, params: unknown[]): Promise<Result<Row>> => {
    let table;
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
      const reader = await connection.send(text);
      table = new Arrow.Table(reader.schema, await reader.readAll());
    }
    return {rows: toRows<Row>(table), columns: table.schema.fields.map((f) => ({name: f.name, type: String(f.type)}))};
  };
  const sql = <Row>(text: string, params: unknown[] = []): Promise<Result<Row>> => exclusive(() => runSql<Row>(text, params));
  performance.mark("mno:duckdb-ready");
  return {
    sql,
    run: async <Row>(query: Query<Row>) => (await sql<Row>(query.sql, query.params)).rows,
    cancel: () => connection.cancelSent(),
    tables: Object.keys(TABLE_FILES)
  };
}

let engine: Promise<Engine> | undefined;

/**
 * The page's engine, started on first call; later calls share it. With `afterFirstView`, its code
 * and data are fetched at once but it compiles once `firstViewPainted()` is called.
 */
export function startEngine({afterFirstView = false} = {}): Promise<Engine> {
  return (engine ??= boot(afterFirstView).catch((error) => {
    throw new Error(`Le moteur de requêtes (DuckDB) n'a pas pu démarrer : ${error?.message ?? error}`);
  }));
}
