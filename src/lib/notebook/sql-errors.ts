// DuckDB's messages in French: what went wrong, a hint when the cause is known here (a close
// column or table name, the read-only explorer), and DuckDB's own words kept for a details line.
import {keyword, significant, tokenize} from "./sql-tokens.js";

export interface FrenchError {
  /** One sentence in French. */
  message: string;
  hint: string | null;
  /** DuckDB's message as it came (shown under « Message de DuckDB »). */
  original: string;
}

/** Every statement DuckDB knows: a first word outside this list is a typo, not a write. */
const STATEMENT_WORDS = new Set(
  (
    "SELECT FROM WITH VALUES TABLE DESCRIBE SHOW SUMMARIZE EXPLAIN PIVOT UNPIVOT PIVOT_WIDER PIVOT_LONGER " +
    "CREATE DROP ALTER INSERT UPDATE DELETE COPY ATTACH DETACH SET RESET PRAGMA CALL INSTALL LOAD EXPORT IMPORT " +
    "VACUUM CHECKPOINT FORCE BEGIN COMMIT ROLLBACK ABORT START END TRUNCATE USE PREPARE EXECUTE DEALLOCATE " +
    "MERGE COMMENT ANALYZE ANALYSE GRANT REVOKE REPLACE UPSERT"
  ).split(" ")
);

/** Edit distance (insertions, deletions, substitutions), for « vouliez-vous dire ». */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

/** The closest of `candidates` to `word`, if close enough to be a typo. */
export function closest(word: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let distance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < distance) [best, distance] = [candidate, d];
  }
  return best !== null && distance <= Math.max(1, Math.floor(word.length / 3)) ? best : null;
}

/**
 * A statement whose first word is no SQL statement at all (« SELEC ») is a syntax error: said so
 * here, before the read-only guard would call it a refused write.
 */
export function unknownStatement(text: string): FrenchError | null {
  const first = significant(tokenize(text)).find((t) => t.text !== "(");
  const word = keyword(first);
  if (!first || !word || STATEMENT_WORDS.has(word)) return null;
  const guess = closest(word, [
    "SELECT",
    "FROM",
    "WITH",
    "VALUES",
    "DESCRIBE",
    "SHOW",
    "SUMMARIZE",
    "EXPLAIN",
    "PIVOT",
    "UNPIVOT"
  ]);
  return {
    message: `Erreur de syntaxe : « ${first.text} » ne commence aucune instruction SQL.`,
    hint: guess ? `Vouliez-vous dire « ${guess} » ?` : "Une requête commence par SELECT, FROM ou WITH.",
    original: `syntax error at or near "${first.text}"`
  };
}

const quoted = (text: string) => `« ${text} »`;

/** DuckDB's message in French. `tables`: the tables and results the cell can query. */
export function frenchDuckDbError(raw: string, tables: string[] = []): FrenchError {
  const original = raw.trim();
  const line = /\bLINE (\d+):/.exec(original)?.[1];
  const where = line ? ` (ligne ${line})` : "";
  let m: RegExpExecArray | null;
  const say = (message: string, hint: string | null = null): FrenchError => ({
    message: message + where,
    hint,
    original
  });

  if ((m = /Referenced column "([^"]+)" not found/.exec(original))) {
    const candidate = /Candidate bindings: "([^"]+)"/.exec(original)?.[1]?.replace(/^.*\./, "");
    return say(
      `Colonne inconnue ${quoted(m[1])}${candidate ? ` : vouliez-vous dire ${quoted(candidate)} ?` : "."}`,
      "Les colonnes de chaque table sont listées dans le panneau « Tables »."
    );
  }
  if ((m = /Table with name (\S+) does not exist/.exec(original))) {
    const name = m[1].replace(/!$/, "");
    const guess = /Did you mean "([^"]+)"/.exec(original)?.[1] ?? closest(name, tables);
    return say(
      `Table inconnue ${quoted(name)}${guess ? ` : vouliez-vous dire ${quoted(guess.replace(/^.*\./, ""))} ?` : "."}`,
      tables.length ? `Tables disponibles : ${tables.join(", ")}.` : null
    );
  }
  if ((m = /(?:Scalar|Aggregate|Table) Function with name (\S+) does not exist/.exec(original))) {
    const guess = /Did you mean "([^"]+)"/.exec(original)?.[1];
    return say(
      `Fonction inconnue ${quoted(m[1].replace(/!$/, ""))}${guess ? ` : vouliez-vous dire ${quoted(guess)} ?` : "."}`
    );
  }
  if ((m = /No function matches the given name and argument types '([^(]+)\(([^)]*)\)'/.exec(original))) {
    return say(
      `La fonction ${quoted(m[1])} n'accepte pas des arguments de type ${m[2] || "vide"}.`,
      "Convertissez la valeur, par exemple CAST(x AS DOUBLE) ou x::VARCHAR."
    );
  }
  if ((m = /column "([^"]+)" must appear in the GROUP BY clause/.exec(original))) {
    return say(`La colonne ${quoted(m[1])} doit figurer dans GROUP BY, ou dans une agrégation (sum, count, max…).`);
  }
  if ((m = /syntax error at or near "([^"]*)"/.exec(original))) {
    return say(
      `Erreur de syntaxe près de ${quoted(m[1])}.`,
      "Vérifiez les virgules, les parenthèses et les guillemets (simples pour un texte, doubles pour un nom)."
    );
  }
  if (/syntax error at end of input/.exec(original))
    return say(
      "Erreur de syntaxe : la requête s'arrête avant la fin.",
      "Une parenthèse ou une clause est-elle restée ouverte ?"
    );
  if ((m = /Could not convert string '([^']*)' to (\S+)/.exec(original))) {
    return say(
      `Conversion impossible : le texte ${quoted(m[1])} n'est pas un ${m[2].replace(/INT\d*|BIGINT|INTEGER/, "entier").replace(/DOUBLE|FLOAT|DECIMAL.*/, "nombre")}.`
    );
  }
  if ((m = /Ambiguous reference to column name "([^"]+)"/.exec(original))) {
    return say(
      `La colonne ${quoted(m[1])} existe dans plusieurs tables de la requête : précisez laquelle (p.${m[1]}).`
    );
  }
  if (/Permission Error|external access|disabled through configuration/i.test(original)) {
    return say(
      "Accès refusé.",
      "L'explorateur ne lit que les tables du site : l'accès aux fichiers, au réseau et aux extensions est désactivé."
    );
  }
  if (/PendingQuery can only take a single statement/i.test(original)) {
    return say(
      "Cette instruction se décompose en plusieurs requêtes, ce que l'explorateur n'exécute pas.",
      "Pour un PIVOT, donnez ses valeurs : PIVOT t ON colonne IN ('a', 'b') USING sum(x)."
    );
  }
  if (/Division by zero/i.test(original)) return say("Division par zéro.");
  const kind = /^([\w ]+?) Error:/.exec(original)?.[1];
  const kinds: Record<string, string> = {
    Binder: "nom ou type",
    Catalog: "table ou fonction",
    Parser: "syntaxe",
    Conversion: "conversion",
    "Out of Range": "valeur hors limites",
    Invalid: "entrée invalide"
  };
  return say(
    `DuckDB a refusé la requête${kind && kinds[kind] ? ` (${kinds[kind]})` : ""} : voir son message ci-dessous.`
  );
}
