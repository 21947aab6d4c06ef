// All the explorer's access to the engine: one connection, so one statement at a time (cells and
// the schema panel queue here), the session locked down before any user SQL, and every cell run
// inside a transaction that is rolled back — the base tables come out of it untouched.
import type {Engine, Result} from "../engine/db.js";
import type {Column} from "../../lib/notebook/column-types.js";
import {
  type Cap,
  MAX_BYTES,
  MAX_ROWS,
  cellLineNumbers,
  countSql,
  createViewSql,
  describeSql,
  dropViewSql,
  errorHint,
  isCancellation,
  limitedSql,
  rowLimit,
  rowsWithinBytes,
  truncationNotice
} from "../../lib/notebook/run-plan.js";

type Row = Record<string, unknown>;

export type RunOutcome =
  | {
      status: "ok";
      columns: Column[];
      rows: Row[];
      total: number | null;
      truncated: boolean;
      /** When truncated: the French notice that says where and why the result was cut. */
      notice?: string;
      ms: number;
      viewError?: string;
    }
  | {status: "error"; message: string; hint: string | null}
  | {status: "cancelled"};

/** One run of a cell: it can be cancelled while it waits its turn or while the engine runs it. */
export class Ticket {
  cancelled = false;
  running = false;
}

// No file, URL or extension from a query (DuckDB-WASM would fetch them from the network), and the
// settings cannot be changed back by anything typed in a cell.
const LOCKDOWN = [
  "SET enable_external_access = false",
  "SET autoinstall_known_extensions = false",
  "SET autoload_known_extensions = false",
  "SET lock_configuration = true"
];

/** How long counting the rows of a result too large to read may take. */
const COUNT_BUDGET_MS = 2000;

function messageOf(error: unknown): string {
  return String((error as Error)?.message ?? error).replace(/^Error: /, "");
}

export class Runner {
  private tail: Promise<unknown>;
  readonly ready: Promise<Engine>;

  constructor(engine: Promise<Engine>) {
    this.ready = engine.then(async (e) => {
      for (const statement of LOCKDOWN) await e.sql(statement);
      return e;
    });
    this.tail = this.ready;
  }

  /** Runs `task` once every task queued before it has finished. */
  exclusive<T>(task: (engine: Engine) => Promise<T>): Promise<T> {
    const run = this.tail.then(() => this.ready).then(task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Runs a checked statement; `name` makes it a view for later cells, `drop` forgets old names. */
  run(
    sql: string,
    {
      wrappable,
      name,
      drop = [],
      tables = []
    }: {wrappable: boolean; name: string | null; drop?: string[]; tables?: string[]},
    ticket: Ticket
  ): Promise<RunOutcome> {
    return this.exclusive(async (engine) => {
      for (const old of drop) await engine.sql(dropViewSql(old)).catch(() => undefined);
      const outcome = ticket.cancelled
        ? ({status: "cancelled"} as RunOutcome)
        : await this.inTransaction(engine, sql, wrappable, tables, ticket);
      if (name) {
        // A run cancelled too late to stop still leaves no name behind: its cell has moved on.
        if (outcome.status === "ok" && !ticket.cancelled) {
          await engine.sql(createViewSql(name, sql)).catch((error) => {
            if (outcome.status === "ok") outcome.viewError = messageOf(error);
          });
        } else {
          // A failed cell no longer provides its result: later cells say so instead of using a stale one.
          await engine.sql(dropViewSql(name)).catch(() => undefined);
        }
      }
      return outcome;
    });
  }

  /** The statement, in a transaction rolled back whatever it did. */
  private async inTransaction(
    engine: Engine,
    sql: string,
    wrappable: boolean,
    tables: string[],
    ticket: Ticket
  ): Promise<RunOutcome> {
    await engine.sql("BEGIN TRANSACTION");
    try {
      if (ticket.cancelled) return {status: "cancelled"};
      ticket.running = true;
      const start = performance.now();
      // A wide result reads fewer rows: the cap is on cells, set before the engine builds the result.
      // (If the statement cannot be described, its run below reports why.)
      const columns = wrappable
        ? await engine.sql(describeSql(sql)).then(
            (r) => r.rows.length,
            () => 0
          )
        : 0;
      const limit = rowLimit(columns);
      // Huge texts are cut while the result is read (Arrow bytes), then to the rows' own budget.
      const result = await engine.sql<Row>(wrappable ? limitedSql(sql, limit) : sql, [], {maxBytes: MAX_BYTES});
      const ms = performance.now() - start;
      let rows = result.rows;
      let cap: Cap | null = result.cut ? "bytes" : null;
      if (wrappable && rows.length > limit) {
        rows = rows.slice(0, limit);
        cap = limit < MAX_ROWS ? "cells" : "rows";
      }
      const fit = rowsWithinBytes(rows);
      if (fit < rows.length) {
        rows = rows.slice(0, fit);
        cap = "bytes";
      }
      let total: number | null = result.cut ? null : result.rows.length;
      if (cap && wrappable && (result.cut || result.rows.length > limit)) {
        // The exact total is a courtesy: given up after a moment rather than making the user wait.
        const timer = setTimeout(() => engine.cancel(), COUNT_BUDGET_MS);
        total = await engine.sql<{n: number}>(countSql(sql)).then(
          (r) => r.rows[0].n,
          () => null
        );
        clearTimeout(timer);
      }
      const truncated = cap !== null;
      const stopped = result.cut ? " La requête a été arrêtée à ce volume : le reste n’a pas été lu." : "";
      const notice = cap ? {notice: truncationNotice(cap, rows.length) + stopped} : {};
      return {status: "ok", columns: result.columns, rows, total, truncated, ms, ...notice};
    } catch (error) {
      const message = messageOf(error);
      if (ticket.cancelled && isCancellation(message)) return {status: "cancelled"};
      return {status: "error", message: cellLineNumbers(message, wrappable), hint: errorHint(message, tables)};
    } finally {
      ticket.running = false;
      await engine.sql("ROLLBACK").catch(() => undefined);
    }
  }

  /** Forgets named results (a cell removed or renamed). */
  drop(names: string[]): Promise<void> {
    return this.exclusive(async (engine) => {
      for (const name of names) await engine.sql(dropViewSql(name)).catch(() => undefined);
    });
  }

  cancel(ticket: Ticket): void {
    ticket.cancelled = true;
    if (ticket.running) this.ready.then((engine) => engine.cancel()).catch(() => undefined);
  }

  /** A read of the explorer's own (schema, sample), queued like the rest. */
  result<R = Row>(sql: string): Promise<Result<R>> {
    return this.exclusive((engine) => engine.sql<R>(sql));
  }

  async query<R = Row>(sql: string): Promise<R[]> {
    return (await this.result<R>(sql)).rows;
  }
}
