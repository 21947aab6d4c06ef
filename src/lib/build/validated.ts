// One validated load of data/ per build. scripts/framework.ts validates everything before Framework
// runs and writes the validated tables to a cache file named after a hash of their inputs (every
// file under data/ and the code that reads and checks it); each data loader then reads that file
// instead of re-reading and re-validating all the data. When the inputs changed since (preview, a
// loader run alone), the hash differs and the loader validates afresh — never stale, never skipped.
import {createHash} from "node:crypto";
import {mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import {type DataPaths, type Tables, dataPaths, loadTables, projectRoot} from "./datasets.js";
import {
  type CatalogRow,
  type CommuneRow,
  type IndicatorRow,
  catalogTable,
  communesTable,
  indicatorsTable
} from "../schema.js";

/** Where validated tables are cached (MNO_VALIDATED_CACHE overrides it, e.g. for tests). */
export function cacheDir(): string {
  return process.env.MNO_VALIDATED_CACHE || join(tmpdir(), "observatoire-mno-validated");
}

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, {recursive: true}).map(String);
  } catch {
    return [];
  }
  return entries.filter((entry) => statSync(join(dir, entry)).isFile()).sort();
}

/** A hash of everything the validated tables depend on: data/ and the library code that reads it. */
export function inputsHash(paths: DataPaths = dataPaths()): string {
  const hash = createHash("sha256");
  const add = (dir: string, filter: (file: string) => boolean = () => true) => {
    for (const file of filesUnder(dir).filter(filter)) {
      hash.update(relative(paths.root, join(dir, file))).update("\0");
      hash.update(readFileSync(join(dir, file))).update("\0");
    }
  };
  add(join(paths.root, "data"));
  add(join(projectRoot, "src/lib"), (file) => file.endsWith(".ts"));
  hash.update(paths.root);
  return hash.digest("hex").slice(0, 32);
}

const DAY_MS = 24 * 3600 * 1000;

/** The rows of every table (the schemas are the code's constants, not data). */
interface CachedRows {
  indicators: IndicatorRow[];
  communes: CommuneRow[];
  catalog: CatalogRow[];
}

function cacheFile(hash: string): string {
  return join(cacheDir(), `tables-${hash}.json`);
}

/** Validates data/ and caches the tables for this build's loaders; throws DataError on bad data. */
export function validateAndCache(paths: DataPaths = dataPaths()): {tables: Tables; file: string} {
  const tables = loadTables(paths);
  const file = cacheFile(inputsHash(paths));
  mkdirSync(cacheDir(), {recursive: true});
  // Written aside, then renamed: a loader never reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  const rows: CachedRows = {
    indicators: tables.indicators.rows,
    communes: tables.communes.rows,
    catalog: tables.catalog.rows
  };
  writeFileSync(partial, JSON.stringify(rows));
  renameSync(partial, file);
  // Caches of other inputs a day old are stale: drop them so that the folder does not grow (not the
  // fresh ones, which may be another build's, running beside this one).
  for (const name of readdirSync(cacheDir())) {
    const other = join(cacheDir(), name);
    const stale = name.startsWith("tables-") && other !== file && Date.now() - statSync(other).mtimeMs > DAY_MS;
    if (stale) rmSync(other, {force: true});
  }
  return {tables, file};
}

/** The validated tables: from this build's cache when its inputs are unchanged, else validated afresh. */
export function loadValidated(paths: DataPaths = dataPaths()): Tables {
  try {
    const rows = JSON.parse(readFileSync(cacheFile(inputsHash(paths)), "utf-8")) as CachedRows;
    return {
      indicators: {schema: indicatorsTable, rows: rows.indicators},
      communes: {schema: communesTable, rows: rows.communes},
      catalog: {schema: catalogTable, rows: rows.catalog}
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return validateAndCache(paths).tables;
}
