// What the explorer agrees to run: one read-only statement per cell. This is the first of two
// protections of the base tables (the second: every cell runs in a transaction that is rolled
// back, see components/explorer/runner.ts). It exists to say clearly, in French, why a statement
// is refused, before it reaches the engine.
import {type Token, keyword, significant, tokenize} from "./sql-tokens.js";

export type StatementKind = "query" | "explain";

export type GuardResult =
  | {
      ok: true;
      /** The statement without its final semicolon (comments kept). */
      sql: string;
      kind: StatementKind;
      /** Whether `SELECT * FROM (…)` can wrap it (to cap the rows read, to create a view). */
      wrappable: boolean;
    }
  | {ok: false; reason: string};

/** Statements that only read. PIVOT and UNPIVOT are queries in DuckDB's grammar. */
const READ_KEYWORDS = new Set([
  "SELECT",
  "FROM",
  "VALUES",
  "TABLE",
  "DESCRIBE",
  "SHOW",
  "SUMMARIZE",
  "PIVOT",
  "UNPIVOT",
  "PIVOT_WIDER",
  "PIVOT_LONGER"
]);

/** Where a WITH clause's main statement starts: the first top-level token after the CTE list. */
function afterCtes(tokens: Token[], from: number): number {
  let depth = 0;
  let closedAtTop = false;
  for (let i = from; i < tokens.length; i++) {
    const t = tokens[i];
    if (depth === 0 && closedAtTop && t.text !== "," && keyword(t) !== "AS") return i;
    closedAtTop = false;
    if (t.text === "(") depth++;
    else if (t.text === ")" && --depth === 0) closedAtTop = true;
  }
  return tokens.length;
}

function refusal(word: string): string {
  return (
    `L'explorateur est en lecture seule : l'instruction « ${word} » n'est pas exécutée. ` +
    "Les tables de base restent celles publiées. Pour réutiliser un résultat, nommez la cellule " +
    "(première ligne « -- name: mon_resultat ») et interrogez-le dans une cellule suivante."
  );
}

/** Checks a statement's tokens (no final semicolon); returns its kind or a refusal. */
function classify(tokens: Token[]): {kind: StatementKind; wrappable: boolean} | {reason: string} {
  let i = 0;
  while (tokens[i]?.text === "(") i++; // (SELECT …) UNION (SELECT …)
  const first = keyword(tokens[i]);
  if (first === "EXPLAIN") {
    // EXPLAIN ANALYZE executes its statement: that statement must be allowed too.
    let j = i + 1;
    if (keyword(tokens[j]) === "ANALYZE" || keyword(tokens[j]) === "ANALYSE") j++;
    const inner = classify(tokens.slice(j));
    return "reason" in inner ? inner : {kind: "explain", wrappable: false};
  }
  if (first === "WITH") {
    const main = tokens[afterCtes(tokens, i + 1)];
    const word = keyword(main);
    if (main?.text === "(" || READ_KEYWORDS.has(word)) return {kind: "query", wrappable: true};
    return {reason: refusal(word || main?.text || "WITH")};
  }
  if (READ_KEYWORDS.has(first)) return {kind: "query", wrappable: true};
  return {reason: refusal(first || tokens[i]?.text || "?")};
}

export function checkStatement(text: string): GuardResult {
  const tokens = tokenize(text);
  const statements: Token[][] = [[]];
  for (const token of significant(tokens)) {
    if (token.text === ";") statements.push([]);
    else statements[statements.length - 1].push(token);
  }
  const nonEmpty = statements.filter((s) => s.length > 0);
  if (nonEmpty.length === 0)
    return {
      ok: false,
      reason: "La cellule est vide : écrivez une requête SQL, par exemple « SELECT * FROM communes »."
    };
  if (nonEmpty.length > 1) {
    return {
      ok: false,
      reason:
        `Cette cellule contient ${nonEmpty.length} instructions : une cellule exécute une seule requête. ` +
        "Ajoutez une cellule pour chaque requête."
    };
  }
  const statement = nonEmpty[0];
  const result = classify(statement);
  if ("reason" in result) return {ok: false, reason: result.reason};
  // Keep leading comments (the cell's name); drop the final semicolon and what follows it.
  return {ok: true, sql: text.slice(0, statement[statement.length - 1].end), ...result};
}
