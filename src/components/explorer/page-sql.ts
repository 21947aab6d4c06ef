// The `sql` of a page exported from the explorer (lib/notebook/page-export.ts): its ```sql blocks
// run on the site's engine (the tables of /explorer), with the explorer's rules — one read-only
// statement, `${x}` a bound parameter (never text of the query), a block named `-- name: x` a
// table of that name for the blocks after it — and its errors in French. `fr` writes a Markdown
// value as the explorer does (numbers in French), `frTable` a result as a table in French. The
// page's d3 — and so Plot's axis ticks — formats numbers in French once this module is imported.
import * as d3 from "npm:d3";
import * as Inputs from "npm:@observablehq/inputs";
import {type Engine, startEngine} from "../engine/db.js";
import {cellName} from "../../lib/notebook/cell-name.js";
import {checkStatement} from "../../lib/notebook/guard.js";
import {quoteIdentifier} from "../../lib/notebook/run-plan.js";
import {frenchDuckDbError} from "../../lib/notebook/sql-errors.js";
import {bindableValue} from "../../lib/notebook/sql-params.js";
import {formatResultNumber} from "../../lib/notebook/values.js";
import {FR_D3_LOCALE} from "../../lib/format.js";

d3.formatDefaultLocale(FR_D3_LOCALE);

type Row = Record<string, unknown>;
type SqlTag = (strings: TemplateStringsArray, ...values: unknown[]) => Promise<Row[]>;

/** The rows of a named block → the name of its table (a later block that reads it passes them). */
const tables = new WeakMap<object, string>();

export function notebookSql(engine: Promise<Engine> = startEngine()): SqlTag {
  return async (strings, ...values) => {
    let text = strings[0];
    const params: unknown[] = [];
    values.forEach((value, i) => {
      const table = value !== null && typeof value === "object" ? tables.get(value) : undefined;
      if (table) text += quoteIdentifier(table);
      else {
        const bound = bindableValue(`${i + 1}`, value);
        if (!bound.ok) throw new Error(bound.message);
        text += "?";
        params.push(bound.value);
      }
      text += strings[i + 1];
    });
    const db = await engine;
    const named = cellName(text, db.tables);
    if (named && "error" in named) throw new Error(named.error);
    const checked = checkStatement(text);
    if (!checked.ok) throw new Error(checked.reason);
    try {
      if (!named) return (await db.sql<Row>(checked.sql, params)).rows;
      // A table, not a view: it keeps the values of its parameters of the moment it was made.
      const name = quoteIdentifier(named.name);
      await db.sql(`CREATE OR REPLACE TEMP TABLE ${name} AS SELECT * FROM (\n${checked.sql}\n)`, params);
      const rows = (await db.sql<Row>(`SELECT * FROM ${name}`)).rows;
      tables.set(rows, named.name);
      return rows;
    } catch (error) {
      const french = frenchDuckDbError(String((error as Error)?.message ?? error), db.tables);
      throw new Error(`${french.message}${french.hint ? ` ${french.hint}` : ""}`, {cause: error});
    }
  };
}

/** A `${…}` value of a Markdown block as the explorer writes it: numbers in French, nodes as they are. */
export function fr(value: unknown): unknown {
  if (typeof value === "number") return formatResultNumber(value);
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toLocaleDateString("fr-FR");
  if (Array.isArray(value))
    return value.map((v) => (typeof v === "number" ? formatResultNumber(v) : String(v))).join(", ");
  return value;
}

/** A result as Inputs.table shows it, its numbers as the explorer writes them (« 37 829 », « 2022 »). */
export function frTable(rows: Row[], options: Record<string, unknown> = {}): HTMLElement {
  const columns = rows.length ? Object.keys(rows[0]) : [];
  const format: Record<string, (value: unknown) => string> = {};
  for (const name of columns)
    if (rows.some((row) => typeof row[name] === "number"))
      format[name] = (value) =>
        typeof value === "number"
          ? formatResultNumber(value, {name, type: "DOUBLE"})
          : value == null
            ? ""
            : String(value);
  return Inputs.table(rows, {
    select: false,
    locale: "fr-FR",
    ...options,
    format: {...format, ...(options.format ?? {})}
  });
}
