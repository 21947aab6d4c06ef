// The files `npm run edition -- propose` writes, as text (the review page offers the same bytes).
import {formatCsv} from "../csv.js";
import type {EditionProposals} from "./propose.js";

/** Columns propositions.csv adds to those of indicateurs.csv. */
export const PROPOSAL_COLUMNS = ["confidence", "match", "reference_value", "reference_quote"];

/** propositions.csv: the columns of indicateurs.csv, then confidence, match and the reference. */
export function propositionsCsv(result: EditionProposals, columns: string[]): string {
  const rows = result.proposals.map((p) => [
    ...columns.map((c) => p.values[c] ?? ""),
    p.confidence.toFixed(2),
    p.match,
    p.reference_value,
    p.reference_quote
  ]);
  return formatCsv([...columns, ...PROPOSAL_COLUMNS], rows);
}

/** nombres-non-utilises.csv: ligne, nombre, contexte. */
export function unusedCsv(result: EditionProposals): string {
  return formatCsv(
    ["ligne", "nombre", "contexte"],
    result.unused.map((u) => [u.line, u.number, u.context])
  );
}

export function coherenceJson(result: EditionProposals): string {
  return JSON.stringify(result.coherence, null, 2) + "\n";
}

/** The French summary the command prints. */
export function summaryText(year: number, result: EditionProposals): string {
  const {proposed, exact, reformule, absent, unused} = result.summary;
  const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? "s" : ""}`;
  return [
    `Édition ${year} : ${plural(proposed, "chiffre")} proposé${proposed > 1 ? "s" : ""} ` +
      `sur ${result.proposals.length}`,
    `  ${plural(exact, "passage")} identique${exact > 1 ? "s" : ""} (exact)`,
    `  ${plural(reformule, "passage")} reformulé${reformule > 1 ? "s" : ""} (reformule)`,
    `  ${plural(absent, "chiffre")} sans passage dans le nouveau rapport (absent)`,
    `  ${plural(unused, "nombre")} du nouveau texte non utilisé${unused > 1 ? "s" : ""} (nombres-non-utilises.csv)`
  ].join("\n");
}
