// Values from other cells in an SQL cell: `${x}` names a value (a view's input, a JavaScript
// cell's declaration). It is never spliced into the text: `${x}` becomes DuckDB's
// `getvariable('x')` and the value is bound separately (`SET VARIABLE x = ?`, a prepared
// statement), so a value can be any text without changing the query. A named result keeps
// reading the value of the moment it is queried, as its view holds `getvariable`.
import {type Token, tokenize} from "./sql-tokens.js";

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type SqlParameters = {ok: true; sql: string; params: string[]} | {ok: false; message: string};

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split("\n").length;
}

/** The cell's SQL with each `${name}` replaced, and the names in order of first use. */
export function bindSqlParameters(text: string): SqlParameters {
  const tokens = tokenize(text);
  const params: string[] = [];
  let sql = "";
  let copied = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!(t.type === "punct" && t.text === "$" && tokens[i + 1]?.text === "{")) continue;
    // ${ name } with optional spaces.
    let j = i + 2;
    const skip = () => {
      while (tokens[j]?.type === "space") j++;
    };
    skip();
    const name: Token | undefined = tokens[j];
    j++;
    skip();
    const close = tokens[j];
    if (!name || name.type !== "word" || !NAME.test(name.text) || close?.text !== "}") {
      return {
        ok: false,
        message:
          `Ligne ${lineOf(text, t.start)} : un paramètre s'écrit \${nom}, ` +
          "avec le nom d'une valeur d'une autre cellule (lettres sans accent, chiffres, « _ »)."
      };
    }
    if (!params.includes(name.text)) params.push(name.text);
    sql += `${text.slice(copied, t.start)}getvariable('${name.text}')`;
    copied = close.end;
    i = j;
  }
  return {ok: true, sql: sql + text.slice(copied), params};
}

/** The statement that gives a parameter its value; the value goes as the prepared statement's `?`. */
export function setVariableSql(name: string): string {
  if (!NAME.test(name)) throw new Error(`nom de paramètre invalide : ${name}`);
  return `SET VARIABLE ${name} = ?`;
}

/** A value DuckDB can bind, or the French reason why not. */
export function bindableValue(name: string, value: unknown): {ok: true; value: unknown} | {ok: false; message: string} {
  if (value === null || value === undefined) return {ok: true, value: null};
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return {ok: true, value};
  if (value instanceof Date) return {ok: true, value: value.toISOString()};
  return {
    ok: false,
    message:
      `Le paramètre \${${name}} vaut ${Array.isArray(value) ? "une liste" : "un objet"} : ` +
      "une requête reçoit un nombre, un texte, un booléen ou une date."
  };
}

/** Words of the SQL that may name another cell's result (lower case; the caller keeps the known ones). */
export function sqlWords(text: string): string[] {
  const words = new Set<string>();
  for (const t of tokenize(text)) {
    if (t.type === "word") words.add(t.text.toLowerCase());
    else if (t.type === "quoted") words.add(t.text.slice(1, -1).replace(/""/g, '"').toLowerCase());
  }
  return [...words];
}
