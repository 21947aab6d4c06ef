// `npm run edition -- accept`: from propositions.csv as the analyst left it to the rows of the new
// indicateurs.csv. A column `decision` may say `accepte` or `rejete` (empty: the proposal as it
// stands, edited `value` included); a proposal with match `absent` is kept only when decided
// `accepte` with a value (a derived row: with its formula). The « ' » that the CSV writer puts
// before a text a spreadsheet would run (« '-4,1 ») is taken off.
import {type CsvTable, recordsToObjects, restoreNeutralised, widthProblems} from "../csv.js";
import {type DataProblem, echo} from "../errors.js";

export const DECISION_COLUMN = "decision";
const DECISIONS = ["accepte", "rejete"];

export interface AcceptedRows {
  /** The kept rows, with the columns of indicateurs.csv only. */
  rows: Record<string, string>[];
  /** For each kept row, its line in propositions.csv. */
  lines: number[];
  problems: DataProblem[];
  dropped: {rejected: number; absent: number};
}

/** The rows of propositions.csv to keep, or the problems that stop the command. */
export function acceptPropositions(table: CsvTable, file: string, columns: string[]): AcceptedRows {
  const problems: DataProblem[] = [];
  const missing = [...columns, "match"].filter((c) => !table.header.includes(c));
  if (missing.length) {
    const reason =
      `colonne${missing.length > 1 ? "s" : ""} manquante${missing.length > 1 ? "s" : ""} : ${missing.join(", ")} ` +
      "(gardez les colonnes écrites par « edition propose »)";
    return {rows: [], lines: [], problems: [{file, line: 1, reason}], dropped: {rejected: 0, absent: 0}};
  }
  problems.push(...widthProblems(table, file));
  const rows: Record<string, string>[] = [];
  const lines: number[] = [];
  const dropped = {rejected: 0, absent: 0};
  for (const {line, values: written} of recordsToObjects(table)) {
    // propositions.csv is written for spreadsheets: « -4,1 » is stored as « '-4,1 ».
    const values = Object.fromEntries(Object.entries(written).map(([k, v]) => [k, restoreNeutralised(v ?? "")]));
    const decision = (values[DECISION_COLUMN] ?? "").trim().toLowerCase();
    if (decision && !DECISIONS.includes(decision)) {
      problems.push({
        file,
        line,
        reason: `décision « ${echo(values[DECISION_COLUMN])} » inconnue : accepte, rejete ou vide`
      });
      continue;
    }
    if (decision === "rejete") {
      dropped.rejected++;
      continue;
    }
    const figure = values.status === "derive" ? values.derivation : values.value;
    if (values.match === "absent" && !(decision === "accepte" && (figure ?? "").trim())) {
      dropped.absent++;
      continue;
    }
    rows.push(Object.fromEntries(columns.map((c) => [c, values[c] ?? ""])));
    lines.push(line);
  }
  return {rows, lines, problems, dropped};
}
