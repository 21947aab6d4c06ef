// `npm run edition -- propose <année> <fichier.pdf | fichier.txt> [--reference <année>] [--out <dossier>] [--force]`
// Reads the new edition (PDF through pdfjs-dist, or text as is), proposes every figure of the
// reference edition in it and writes rapport.txt, propositions.csv, nombres-non-utilises.csv and
// coherence.json — all or nothing: the files are written in a temporary folder, then moved.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from "node:fs";
import {basename, dirname, extname, join, relative, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {decodeUtf8, parseCsv, recordsToObjects} from "../csv.js";
import {DataError} from "../errors.js";
import {type PdfJs, PdfReadError, textFromPdf} from "../edition/pdf.js";
import {coherenceJson, propositionsCsv, summaryText, unusedCsv} from "../edition/output.js";
import {type EditionProposals, proposeEdition} from "../edition/propose.js";
import {parseJson, parseRules} from "../validation/rules.js";
import {acceptMain} from "./edition-accept.js";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");

/** A bad input: the message names the file and the reason, in French. */
export class EditionInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EditionInputError";
  }
}

export interface ProposeOptions {
  year: number;
  file: string;
  reference?: number;
  out?: string;
  force?: boolean;
  /** data/reports of the project, or of MNO_DATA_ROOT. */
  reportsDir?: string;
}

const USAGE =
  "usage : npm run edition -- propose <année> <fichier.pdf | fichier.txt> " +
  "[--reference <année>] [--out <dossier>] [--force]\n" +
  "        npm run edition -- accept <année> [--dir <dossier>]";

export function parseArguments(argv: string[]): ProposeOptions {
  const [command, ...rest] = argv;
  if (command !== "propose") throw new EditionInputError(`commande inconnue « ${command ?? ""} »\n${USAGE}`);
  const positional: string[] = [];
  const options: Partial<ProposeOptions> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--force") options.force = true;
    else if (arg === "--reference" || arg === "--out") {
      const value = rest[++i];
      if (value === undefined) throw new EditionInputError(`${arg} attend une valeur\n${USAGE}`);
      if (arg === "--out") options.out = value;
      else options.reference = yearArgument(value, "--reference");
    } else if (arg.startsWith("--")) throw new EditionInputError(`option inconnue « ${arg} »\n${USAGE}`);
    else positional.push(arg);
  }
  if (positional.length !== 2) throw new EditionInputError(USAGE);
  return {...options, year: yearArgument(positional[0], "année"), file: positional[1]};
}

function yearArgument(value: string, name: string): number {
  if (!/^\d{4}$/.test(value))
    throw new EditionInputError(`${name} « ${value} » invalide : une année sur quatre chiffres est attendue`);
  return Number(value);
}

/** The new edition's text, from a .pdf or a .txt file. */
export async function readEditionText(file: string): Promise<string> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new EditionInputError(`${file} : fichier introuvable`);
  const bytes = new Uint8Array(readFileSync(file));
  if (bytes.length === 0) throw new EditionInputError(`${file} : fichier vide`);
  const extension = extname(file).toLowerCase();
  if (extension === ".pdf") {
    const pdfjs = (await import("pdfjs-dist/legacy/build/pdf.mjs")) as unknown as PdfJs;
    try {
      return await textFromPdf(pdfjs, bytes);
    } catch (error) {
      if (error instanceof PdfReadError) throw new EditionInputError(`${file} : ${error.message}`);
      throw error;
    }
  }
  if (extension !== ".txt")
    throw new EditionInputError(
      `${file} : format non pris en charge (« ${extension || "sans extension"} ») : .pdf ou .txt attendu`
    );
  let text: string;
  try {
    text = decodeUtf8(bytes, file);
  } catch (error) {
    if (error instanceof DataError)
      throw new EditionInputError(error.problems.map((p) => `${p.file}:${p.line}: ${p.reason}`).join("\n"));
    throw error;
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  if (!/[\p{L}\p{N}]/u.test(text)) throw new EditionInputError(`${file} : le fichier ne contient aucun texte`);
  return text;
}

function editions(reportsDir: string): number[] {
  if (!existsSync(reportsDir)) return [];
  return readdirSync(reportsDir, {withFileTypes: true})
    .filter((e) => e.isDirectory() && /^\d{4}$/.test(e.name) && existsSync(join(reportsDir, e.name, "indicateurs.csv")))
    .map((e) => Number(e.name))
    .sort((a, b) => a - b);
}

export interface ProposeResult {
  outDir: string;
  reference: number;
  result: EditionProposals;
}

/** Runs `propose`; throws EditionInputError (nothing written) on bad input. */
export async function propose(options: ProposeOptions): Promise<ProposeResult> {
  const reportsDir = options.reportsDir ?? join(process.env.MNO_DATA_ROOT || projectRoot, "data/reports");
  const outDir = resolve(options.out ?? join(reportsDir, String(options.year)));
  if (existsSync(join(outDir, "indicateurs.csv")) && !options.force) {
    throw new EditionInputError(
      `${join(outDir, "indicateurs.csv")} : l'édition ${options.year} est déjà importée ` +
        "(relancez avec --force pour refaire les propositions)"
    );
  }
  const available = editions(reportsDir).filter((y) => y !== options.year);
  const reference = options.reference ?? [...available].reverse().find((y) => y < options.year);
  if (reference === undefined) {
    const reason = `aucune édition antérieure à ${options.year} à prendre pour référence`;
    throw new EditionInputError(`${reportsDir} : ${reason}`);
  }
  if (!available.includes(reference)) {
    throw new EditionInputError(
      `${join(reportsDir, String(reference))} : édition de référence ${reference} inconnue ` +
        `(éditions : ${available.join(", ") || "aucune"})`
    );
  }
  const text = await readEditionText(options.file);

  const refDir = join(reportsDir, String(reference));
  const read = (name: string) => {
    const path = join(refDir, name);
    if (!existsSync(path)) throw new EditionInputError(`${path} : fichier manquant dans l'édition de référence`);
    return decodeUtf8(new Uint8Array(readFileSync(path)), path);
  };
  let columns: string[];
  let rows: Record<string, string>[];
  let coherence: unknown;
  try {
    columns = parseRules(
      readFileSync(join(reportsDir, "regles.json"), "utf-8"),
      join(reportsDir, "regles.json")
    ).columns;
    rows = recordsToObjects(parseCsv(read("indicateurs.csv"), join(refDir, "indicateurs.csv"))).map((r) => r.values);
    coherence = parseJson(read("coherence.json"), join(refDir, "coherence.json"));
  } catch (error) {
    if (error instanceof DataError) throw new EditionInputError(error.message);
    throw error;
  }
  const result = proposeEdition(
    {year: reference, text: read("rapport.txt"), rows, coherence},
    {year: options.year, text}
  );

  // All or nothing: write beside the destination, then move the files in.
  const parent = dirname(outDir);
  mkdirSync(parent, {recursive: true});
  const staging = mkdtempSync(join(parent, `.${basename(outDir)}-`));
  try {
    writeFileSync(join(staging, "rapport.txt"), text);
    writeFileSync(join(staging, "propositions.csv"), propositionsCsv(result, columns));
    writeFileSync(join(staging, "nombres-non-utilises.csv"), unusedCsv(result));
    writeFileSync(join(staging, "coherence.json"), coherenceJson(result));
    if (!existsSync(outDir)) {
      renameSync(staging, outDir);
      chmodSync(outDir, 0o755); // mkdtemp makes it private
    } else {
      for (const name of readdirSync(staging)) renameSync(join(staging, name), join(outDir, name));
    }
  } finally {
    rmSync(staging, {recursive: true, force: true});
  }
  return {outDir, reference, result};
}

/** The command: prints the summary, or the French reason and exits 1. */
export async function main(argv: string[]): Promise<number> {
  if (argv[0] === "accept") return acceptMain(argv.slice(1));
  try {
    const options = parseArguments(argv);
    const {outDir, reference, result} = await propose(options);
    console.log(summaryText(options.year, result));
    const where = relative(process.cwd(), outDir) || ".";
    console.log(`Référence : édition ${reference}. Fichiers écrits dans ${where}/`);
    return 0;
  } catch (error) {
    if (error instanceof EditionInputError) {
      console.error(`Import impossible — ${error.message}`);
      return 1;
    }
    throw error;
  }
}
