// Reads every edition under data/reports/<année>/, validates it against the rules, computes derived
// figures and checks consistency. Returns the rows of indicators.parquet, or throws a DataError
// listing every problem (file, line, reason) — in which case nothing must be written.
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {join, relative} from "node:path";
import {decodeUtf8} from "../csv.js";
import {DataError, type DataProblem, echo} from "../errors.js";
import {type SourceRow} from "../validation/indicator-rows.js";
import {validateEdition} from "../validation/edition.js";
import {type Rules, readRules} from "./rules.js";
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
  const files = {
    text: display(EDITION_FILES.text),
    rows: display(EDITION_FILES.rows),
    consistency: display(EDITION_FILES.consistency)
  };
  const read = (name: string, shown: string) => decodeUtf8(readFileSync(join(dir, name)), shown);
  return validateEdition(
    {
      reportYear,
      text: read(EDITION_FILES.text, files.text),
      csv: read(EDITION_FILES.rows, files.rows),
      consistency: readFileSync(join(dir, EDITION_FILES.consistency), "utf-8"),
      files
    },
    rules,
    communeCodes
  );
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
