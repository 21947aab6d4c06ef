// A cell names its result with a comment line, `-- name: participants` (or `-- nom: …`), so that
// later cells can query it as a view.
import {tokenize} from "./sql-tokens.js";

const DIRECTIVE = /^--\s*(?:name|nom)\s*:\s*(.*?)\s*$/i;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Words DuckDB would refuse or misread as a bare view name. */
const RESERVED = new Set(
  "all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create default deferrable desc describe distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral leading limit not null offset on only or order pivot placing primary qualify references returning select show summarize symmetric table then to trailing true union unique unpivot using values variadic when where window with".split(" ")
);

export type CellName = {name: string} | {error: string} | null;

/** The name a cell's text gives its result, null when it gives none. */
export function cellName(sql: string, baseTables: string[] = []): CellName {
  const comment = tokenize(sql).find((t) => t.type === "comment" && DIRECTIVE.test(t.text));
  if (!comment) return null;
  const name = DIRECTIVE.exec(comment.text)![1];
  if (!IDENTIFIER.test(name) || name.length > 63) {
    return {error: `Nom de résultat « ${name} » invalide : lettres sans accent, chiffres et « _ », sans espace, en commençant par une lettre (ex. « participants_2022 »).`};
  }
  const lower = name.toLowerCase();
  if (baseTables.some((t) => t.toLowerCase() === lower)) {
    return {error: `« ${name} » est le nom d'une table de base, qu'un résultat ne peut pas remplacer : choisissez un autre nom.`};
  }
  if (RESERVED.has(lower)) return {error: `« ${name} » est un mot réservé du SQL : choisissez un autre nom.`};
  return {name: lower};
}
