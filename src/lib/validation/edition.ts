// One edition validated from its three texts (rapport.txt, indicateurs.csv, coherence.json): the
// build reads them from data/reports/<année>/ (lib/build/reports.ts), the import review and the
// `accept` command from what the analyst is about to save. Same rules, same messages.
import {checkConsistency} from "./consistency.js";
import {parseCsv, recordsToObjects, widthProblems} from "../csv.js";
import {EditionIndex, computeDerived} from "./derivations.js";
import {type DataProblem} from "../errors.js";
import {firstCharacterProblem} from "./characters.js";
import {type RowContext, type SourceRow, checkHeader, checkRange, readIndicatorRow} from "./indicator-rows.js";
import {ReportText} from "./quotes.js";
import {type Rules, parseConsistencyRules} from "./rules.js";
import type {IndicatorRow} from "../schema.js";

export interface EditionTexts {
  reportYear: number;
  /** rapport.txt, decoded. */
  text: string;
  /** indicateurs.csv, decoded. */
  csv: string;
  /** coherence.json. */
  consistency: string;
  /** The names given to the three files in messages (« data/reports/2023/indicateurs.csv »). */
  files: {text: string; rows: string; consistency: string};
}

function keyOf(row: IndicatorRow): string {
  return JSON.stringify([row.report_year, row.year, row.indicator, row.commune_code, row.dimension, row.category]);
}

/**
 * Every problem of one edition, and its rows (derived values computed when nothing failed before).
 * Throws DataError when a file cannot be read at all (CSV syntax, JSON syntax, malformed rules).
 */
export function validateEdition(
  edition: EditionTexts,
  rules: Rules,
  communeCodes: Set<string>
): {rows: SourceRow[]; problems: DataProblem[]} {
  const {reportYear, text, files} = edition;
  const file = files.rows;
  const problems: DataProblem[] = [];
  const refused = firstCharacterProblem(text);
  if (refused) problems.push({file: files.text, ...refused});
  const context: RowContext = {file, reportYear, rules, communeCodes, report: new ReportText(text)};
  const table = parseCsv(edition.csv, file);
  const structureProblems = checkHeader(table, context);
  if (!structureProblems.length) structureProblems.push(...widthProblems(table, file));
  if (structureProblems.length) return {rows: [], problems: [...problems, ...structureProblems]};
  // A header-only file is one problem, not one per consistency rule that finds nothing.
  if (table.records.length === 0) {
    const empty = {file, line: 2, reason: "aucune ligne : une édition publie au moins un chiffre"};
    return {rows: [], problems: [...problems, empty]};
  }

  const rows: SourceRow[] = [];
  for (const {line, values} of recordsToObjects(table)) {
    const result = readIndicatorRow(values, line, context);
    problems.push(...result.problems);
    if (result.row) rows.push(result.row);
  }
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row);
    const previous = firstLine.get(key);
    if (previous !== undefined) {
      problems.push({file, line: row.line, reason: `doublon de la ligne ${previous} (même ${rules.key.join(", ")})`});
    } else firstLine.set(key, row.line);
  }
  // A copy of last year's folder saved under this year's name describes last year only.
  if (!rows.some((row) => row.year === reportYear)) {
    problems.push({
      file,
      reason:
        `aucun chiffre de l'année ${reportYear} : l'édition ${reportYear} décrit son année ` +
        "(copie d'une autre édition ?)"
    });
  }
  if (problems.length) return {rows, problems};

  problems.push(...computeDerived(rows));
  if (problems.length) return {rows, problems};
  for (const row of rows) problems.push(...checkRange(row, rules));
  if (problems.length) return {rows, problems};

  const consistency = parseConsistencyRules(edition.consistency, files.consistency);
  problems.push(...checkConsistency(new EditionIndex(rows), consistency, files.consistency));
  return {rows, problems};
}
