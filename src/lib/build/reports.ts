// Reads every edition under data/reports/<année>/, validates it against the rules, computes derived
// figures and checks consistency. Returns the rows of indicators.parquet, or throws a DataError
// listing every problem (file, line, reason) — in which case nothing must be written.
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {join, relative} from "node:path";
import {checkConsistency} from "../validation/consistency.js";
import {decodeUtf8, parseCsv, recordsToObjects, widthProblems} from "../csv.js";
import {EditionIndex, computeDerived} from "../validation/derivations.js";
import {DataError, type DataProblem, echo} from "../errors.js";
import {firstCharacterProblem} from "../validation/characters.js";
import {
  type RowContext,
  type SourceRow,
  checkHeader,
  checkRange,
  readIndicatorRow
} from "../validation/indicator-rows.js";
import {ReportText} from "../validation/quotes.js";
import {type Rules, readConsistencyRules, readRules} from "./rules.js";
import type {IndicatorRow} from "../schema.js";
import {ALIAS_FILE, applyAliases, checkAliases, identifiersByEdition, readAliases} from "./aliases.js";

export const EDITION_FILES = {text: "rapport.txt", rows: "indicateurs.csv", consistency: "coherence.json"};

/** The first and last years an edition folder may be named after. */
const EDITION_YEARS = [1990, 2100];

/**
 * Edition folders under `reportsDir`, oldest first. Every folder is an edition: one whose name is
 * not a year (« 20x3 », « 2O23 » with a letter O) is an error, not silently skipped.
 */
export function listEditions(reportsDir: string, root = reportsDir): {years: number[]; problems: DataProblem[]} {
  const years: number[] = [];
  const problems: DataProblem[] = [];
  for (const entry of readdirSync(reportsDir, {withFileTypes: true})) {
    if (!entry.isDirectory()) continue;
    const year = Number(entry.name);
    if (/^\d{4}$/.test(entry.name) && year >= EDITION_YEARS[0] && year <= EDITION_YEARS[1]) years.push(year);
    else {
      problems.push({
        file: relative(root, join(reportsDir, entry.name)),
        reason:
          `dossier « ${echo(entry.name)} » : une édition se nomme par son année sur quatre chiffres ` +
          `(${EDITION_YEARS[0]}–${EDITION_YEARS[1]}) ; renommez-le ou sortez-le de data/reports`
      });
    }
  }
  return {years: years.sort((a, b) => a - b), problems};
}

function keyOf(row: IndicatorRow): string {
  return JSON.stringify([row.report_year, row.year, row.indicator, row.commune_code, row.dimension, row.category]);
}

/** Reads one edition; returns its rows and the problems found (all of them). */
export function readEdition(
  reportsDir: string,
  reportYear: number,
  rules: Rules,
  communeCodes: Set<string>,
  root: string
): {rows: SourceRow[]; problems: DataProblem[]} {
  const dir = join(reportsDir, String(reportYear));
  const display = (name: string) => relative(root, join(dir, name));
  const problems: DataProblem[] = [];
  for (const name of Object.values(EDITION_FILES)) {
    if (!existsSync(join(dir, name))) problems.push({file: display(name), reason: "fichier manquant"});
  }
  if (problems.length) return {rows: [], problems};

  const file = display(EDITION_FILES.rows);
  const textFile = display(EDITION_FILES.text);
  const text = decodeUtf8(readFileSync(join(dir, EDITION_FILES.text)), textFile);
  const refused = firstCharacterProblem(text);
  if (refused) problems.push({file: textFile, ...refused});
  const context: RowContext = {file, reportYear, rules, communeCodes, report: new ReportText(text)};
  const table = parseCsv(decodeUtf8(readFileSync(join(dir, EDITION_FILES.rows)), file), file);
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

  const consistencyFile = display(EDITION_FILES.consistency);
  const consistency = readConsistencyRules(join(dir, EDITION_FILES.consistency), consistencyFile);
  problems.push(...checkConsistency(new EditionIndex(rows), consistency, consistencyFile));
  return {rows, problems};
}

/**
 * Every edition's rows, validated, in the order of the files (the report's reading order), with
 * the identifiers of data/reports/alias.csv renamed in the editions before the latest.
 */
export function readReports(reportsDir: string, communeCodes: Set<string>, root: string): IndicatorRow[] {
  const rules = readRules(join(reportsDir, "regles.json"), relative(root, join(reportsDir, "regles.json")));
  const {years: editions, problems} = listEditions(reportsDir, root);
  if (editions.length === 0) {
    const none = {file: relative(root, reportsDir), reason: "aucune édition (dossier <année>/) trouvée"};
    throw new DataError([...problems, none]);
  }
  const rows: IndicatorRow[] = [];
  for (const year of editions) {
    try {
      const edition = readEdition(reportsDir, year, rules, communeCodes, root);
      problems.push(...edition.problems);
      rows.push(...edition.rows.map(({file: _file, line: _line, ...row}) => row));
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      problems.push(...error.problems);
    }
  }
  // An indicator renamed in the latest edition keeps its older editions' figures (alias.csv).
  const aliasFile = relative(root, join(reportsDir, ALIAS_FILE));
  const {aliases, problems: aliasProblems} = readAliases(join(reportsDir, ALIAS_FILE), aliasFile);
  problems.push(...aliasProblems);
  if (!aliasProblems.length) problems.push(...checkAliases(aliases, identifiersByEdition(rows), aliasFile));
  if (problems.length) throw new DataError(problems);
  return applyAliases(rows, aliases);
}
