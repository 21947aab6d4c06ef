// `npm run edition -- accept <année> [--dir <dossier>] [--force]`: turns the reviewed propositions.csv of
// data/reports/<année>/ into its indicateurs.csv, validated by the build's validator first — on
// any problem the French reasons are printed (file, line) and nothing is written. An edition
// already accepted is replaced only with --force.
import {existsSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join, relative, resolve} from "node:path";
import {decodeUtf8, parseCsv} from "../csv.js";
import {DataError, type DataProblem, formatProblem} from "../errors.js";
import {acceptPropositions} from "../edition/accept.js";
import {indicatorsCsv} from "../edition/review-files.js";
import {validateEdition} from "../validation/edition.js";
import {dataPaths, loadCommunes} from "./datasets.js";
import {EDITION_FILES} from "./reports.js";
import {readRules} from "./rules.js";

export interface AcceptOptions {
  year: number;
  dir?: string;
  /** Replace an indicateurs.csv already there (an edition accepted before). */
  force?: boolean;
}

const USAGE = "usage : npm run edition -- accept <année> [--dir <dossier>] [--force]";

export function parseAcceptArguments(argv: string[]): AcceptOptions {
  const positional: string[] = [];
  let dir: string | undefined;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--force") force = true;
    else if (argv[i] === "--dir") {
      dir = argv[++i];
      if (dir === undefined) throw new DataError([{file: "--dir", reason: `une valeur est attendue\n${USAGE}`}]);
    } else if (argv[i].startsWith("--")) {
      throw new DataError([{file: argv[i], reason: `option inconnue\n${USAGE}`}]);
    } else positional.push(argv[i]);
  }
  if (positional.length !== 1 || !/^\d{4}$/.test(positional[0])) {
    throw new DataError([
      {file: positional[0] ?? "<année>", reason: `une année sur quatre chiffres est attendue\n${USAGE}`}
    ]);
  }
  return {year: Number(positional[0]), dir, force};
}

export interface AcceptResult {
  file: string;
  rows: number;
  dropped: {rejected: number; absent: number};
}

/** Writes <dir>/indicateurs.csv from <dir>/propositions.csv; throws DataError (nothing written). */
export function accept(options: AcceptOptions): AcceptResult {
  const paths = dataPaths();
  const dir = resolve(options.dir ?? join(paths.reports, String(options.year)));
  const show = (name: string) => relative(paths.root, join(dir, name)) || name;
  const proposals = "propositions.csv";
  const missing = [proposals, EDITION_FILES.text, EDITION_FILES.consistency]
    .filter((name) => !existsSync(join(dir, name)))
    .map((name) => ({file: show(name), reason: "fichier manquant (lancez d'abord « npm run edition -- propose »)"}));
  if (missing.length) throw new DataError(missing);
  if (!options.force && existsSync(join(dir, EDITION_FILES.rows))) {
    throw new DataError([
      {
        file: show(EDITION_FILES.rows),
        reason: "existe déjà : cette édition a déjà été acceptée ; ajoutez --force pour la remplacer"
      }
    ]);
  }

  const rules = readRules(join(paths.reports, "regles.json"), relative(paths.root, join(paths.reports, "regles.json")));
  const read = (name: string) => decodeUtf8(readFileSync(join(dir, name)), show(name));
  const table = parseCsv(read(proposals), show(proposals));
  const kept = acceptPropositions(table, show(proposals), rules.columns);
  if (kept.problems.length) throw new DataError(kept.problems);

  const csv = indicatorsCsv(kept.rows, rules.columns);
  const files = {
    text: show(EDITION_FILES.text),
    rows: show(EDITION_FILES.rows),
    consistency: show(EDITION_FILES.consistency)
  };
  const {problems} = validateEdition(
    {
      reportYear: options.year,
      text: read(EDITION_FILES.text),
      csv,
      consistency: read(EDITION_FILES.consistency),
      files
    },
    rules,
    new Set(loadCommunes(paths).map((c) => c.code))
  );
  if (problems.length) {
    // indicateurs.csv is not written: point at the line of propositions.csv the analyst edits.
    const lineOf = new Map(parseCsv(csv, files.rows).records.map((r, i) => [r.line, kept.lines[i]]));
    throw new DataError(
      problems.map((p): DataProblem => {
        if (p.file !== files.rows) return p;
        return {file: show(proposals), line: p.line === undefined ? undefined : lineOf.get(p.line), reason: p.reason};
      })
    );
  }
  const target = join(dir, EDITION_FILES.rows);
  const partial = `${target}.${process.pid}.partial`;
  try {
    writeFileSync(partial, csv);
    renameSync(partial, target);
  } finally {
    rmSync(partial, {force: true});
  }
  return {file: files.rows, rows: kept.rows.length, dropped: kept.dropped};
}

/** The command: prints what it wrote, or every problem in French and returns 1. */
export function acceptMain(argv: string[]): number {
  try {
    const options = parseAcceptArguments(argv);
    const {file, rows, dropped} = accept(options);
    const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? "s" : ""}`;
    console.log(
      `Édition ${options.year} : ${plural(rows, "ligne")} écrite${rows > 1 ? "s" : ""} dans ${file} ` +
        `(${plural(dropped.rejected, "proposition")} rejetée${dropped.rejected > 1 ? "s" : ""}, ` +
        `${plural(dropped.absent, "proposition")} « absent » écartée${dropped.absent > 1 ? "s" : ""})`
    );
    return 0;
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    const count = error.problems.length;
    console.error(
      `Acceptation impossible — ${count} problème${count > 1 ? "s" : ""}, rien n'est écrit :\n` +
        error.problems.map((p) => `  ${formatProblem(p)}`).join("\n")
    );
    return 1;
  }
}
