// A throw-away copy of the project's real data/ (communes and every edition), with helpers that
// apply one small mutation to it, so that a test can prove each kind of wrong input is refused.
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach} from "vitest";
import {formatCsv, parseCsv} from "../../../../src/lib/csv.js";
import {dataPaths, loadTables, loadTerritory, projectRoot} from "../../../../src/lib/build/datasets.js";
import {DataError, type DataProblem} from "../../../../src/lib/errors.js";

const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, {recursive: true, force: true});
});

export const CSV = "data/reports/2022/indicateurs.csv";
export const TEXT = "data/reports/2022/rapport.txt";
export const COHERENCE = "data/reports/2022/coherence.json";
export const RULES = "data/reports/regles.json";
export const COMMUNES = "data/communes/communes.csv";
export const SHAPES = "data/communes/mno-communes.geojson";

export interface RealData {
  root: string;
  read(file: string): string;
  write(file: string, content: string | Uint8Array): void;
  /** Replaces the first occurrence of `from`; fails loudly when it is not there (the data changed). */
  edit(file: string, from: string, to: string): void;
  /** Sets one field of the record that starts on `line` of a CSV file (indicateurs.csv by default). */
  setField(line: number, column: string, value: string, file?: string): void;
  /** The field of the record that starts on `line`. */
  field(line: number, column: string, file?: string): string;
  /** Rewrites a CSV with another header (an added column copies the column it names, or is empty). */
  setHeader(header: (columns: string[]) => string[], file?: string): void;
  mkdir(relative: string): void;
}

export function realData(): RealData {
  const root = mkdtempSync(join(tmpdir(), "observatoire-real-"));
  created.push(root);
  cpSync(join(projectRoot, "data"), join(root, "data"), {recursive: true});
  const path = (file: string) => join(root, file);
  const read = (file: string) => readFileSync(path(file), "utf-8");
  const write = (file: string, content: string | Uint8Array) => writeFileSync(path(file), content);
  const record = (file: string, line: number) => {
    const table = parseCsv(read(file), file);
    const found = table.records.find((r) => r.line === line);
    if (!found) throw new Error(`no record on line ${line} of ${file}`);
    return {table, found};
  };
  return {
    root,
    read,
    write,
    edit(file, from, to) {
      const text = read(file);
      if (!text.includes(from)) throw new Error(`${file} does not contain « ${from} »`);
      write(file, text.replace(from, to));
    },
    setField(line, column, value, file = CSV) {
      const {table, found} = record(file, line);
      const index = table.header.indexOf(column);
      if (index < 0) throw new Error(`no column ${column} in ${file}`);
      found.fields[index] = value;
      write(
        file,
        formatCsv(
          table.header,
          table.records.map((r) => r.fields),
          {neutralise: false}
        )
      );
    },
    field(line, column, file = CSV) {
      const {table, found} = record(file, line);
      return found.fields[table.header.indexOf(column)];
    },
    setHeader(header, file = CSV) {
      const table = parseCsv(read(file), file);
      const columns = header(table.header);
      const rows = table.records.map((r) => columns.map((c) => r.fields[table.header.indexOf(c)] ?? ""));
      write(file, formatCsv(columns, rows, {neutralise: false}));
    },
    mkdir(relative) {
      mkdirSync(path(relative), {recursive: true});
    }
  };
}

/** The problems found when every table is loaded from the mutated copy ([] when it loads). */
export function problemsOf(data: RealData): DataProblem[] {
  try {
    const paths = dataPaths(data.root);
    loadTerritory(paths, loadTables(paths).communes.rows);
  } catch (error) {
    if (error instanceof DataError) return error.problems;
    throw error;
  }
  return [];
}
