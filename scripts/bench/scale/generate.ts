// Synthetic data for the scale study: N communes × 10 years × 100 indicators, in the layouts the
// study compares, written by DuckDB for Node into bench/scale-data/www/data/<N>/ (not committed).
//   full-unsorted.parquet        one file, rows in random order
//   full-sorted.parquet          one file, sorted by (indicator, year, commune_code)
//   full-sorted.arrow            the same as an Arrow IPC stream (served with brotli)
//   indicator=<slug>/data_0.parquet  one file per indicator, sorted by (year, commune_code)
//   year=<year>/data_0.parquet       one file per year, sorted by (indicator, commune_code)
//   slice-<slug>.arrow           one indicator's file as an Arrow IPC stream
//   communes.parquet             code, nom, population
// Parquet: zstd, DuckDB's default row groups (122 880 rows).
import {DuckDBInstance} from "@duckdb/node-api";
import * as Arrow from "apache-arrow";
import {existsSync, mkdirSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";

export const YEARS = 10;
export const FIRST_YEAR = 2013;
export const INDICATORS = 100;
/** The indicator every query of the study reads. */
export const STUDY_INDICATOR = "ind_042";
export const STUDY_YEAR = 2022;

export interface GenerateOptions {
  dir: string;
  communes: number;
  /** Write the whole-table files (one file, sorted or not, Parquet and Arrow). */
  full: boolean;
  log: (line: string) => void;
}

const slug = (i: string) => `'ind_' || lpad(CAST(${i} AS VARCHAR), 3, '0')`;

function arrowSlice(columns: Record<string, unknown[]>, withIndicator: boolean): Uint8Array {
  const vectors: Record<string, Arrow.Vector> = {
    commune_code: Arrow.vectorFromArray(columns.commune_code as string[], new Arrow.Utf8()),
    year: Arrow.makeVector(Int32Array.from(columns.year as number[])),
    value: Arrow.makeVector(Float64Array.from(columns.value as number[]))
  };
  if (withIndicator) vectors.indicator = Arrow.vectorFromArray(columns.indicator as string[], new Arrow.Utf8());
  return Arrow.tableToIPC(new Arrow.Table(vectors), "stream");
}

export async function generate({dir, communes, full, log}: GenerateOptions): Promise<void> {
  const start = performance.now();
  rmSync(dir, {recursive: true, force: true});
  mkdirSync(dir, {recursive: true});
  const instance = await DuckDBInstance.create(":memory:", {threads: "2"});
  const db = await instance.connect();
  const q = (path: string) => `'${join(dir, path)}'`;
  const parquet = "FORMAT parquet, COMPRESSION zstd";
  await db.run(`CREATE TABLE communes AS
    SELECT lpad(CAST(c AS VARCHAR), 5, '0') AS code, 'Commune ' || c AS nom,
      CAST(200 + (hash(c) % 50000) AS INTEGER) AS population
    FROM range(${communes}) t(c)`);
  // Values: a commune's size times an indicator's rate, with year-to-year noise; ~5 % missing.
  await db.run(`CREATE VIEW facts AS
    SELECT c.code AS commune_code, CAST(${FIRST_YEAR} + y AS INTEGER) AS year, ${slug("i")} AS indicator,
      round(c.population * (0.001 + (hash(i) % 100) / 2000.0) * (0.8 + (hash(c.code, y, i) % 400) / 1000.0), 1) AS value
    FROM communes c, range(${YEARS}) ty(y), range(${INDICATORS}) ti(i)
    WHERE hash(c.code, y, i) % 20 <> 0`);
  await db.run(`COPY communes TO ${q("communes.parquet")} (${parquet})`);
  await db.run(
    `COPY (SELECT * FROM facts ORDER BY indicator, year, commune_code) TO ${q("indicators")} (${parquet}, PARTITION_BY (indicator))`
  );
  await db.run(
    `COPY (SELECT * FROM facts ORDER BY year, indicator, commune_code) TO ${q("years")} (${parquet}, PARTITION_BY (year))`
  );
  const slice = await db.runAndReadAll(
    `SELECT commune_code, year, value FROM facts WHERE indicator = '${STUDY_INDICATOR}' ORDER BY year, commune_code`
  );
  writeFileSync(
    join(dir, `slice-${STUDY_INDICATOR}.arrow`),
    arrowSlice(slice.getColumnsObjectJS() as Record<string, unknown[]>, false)
  );
  if (full) {
    await db.run(
      `COPY (SELECT * FROM facts ORDER BY indicator, year, commune_code) TO ${q("full-sorted.parquet")} (${parquet})`
    );
    await db.run(
      `COPY (SELECT * FROM facts ORDER BY hash(commune_code, year, indicator, 7)) TO ${q("full-unsorted.parquet")} (${parquet})`
    );
    const all = await db.runAndReadAll(
      `SELECT commune_code, year, indicator, value FROM facts ORDER BY indicator, year, commune_code`
    );
    writeFileSync(
      join(dir, "full-sorted.arrow"),
      arrowSlice(all.getColumnsObjectJS() as Record<string, unknown[]>, true)
    );
  }
  db.closeSync();
  instance.closeSync();
  if (!existsSync(join(dir, `indicators/indicator=${STUDY_INDICATOR}`)))
    throw new Error(`scale: partition ${STUDY_INDICATOR} missing in ${dir}`);
  log(
    `  generated ${communes} communes (${(communes * YEARS * INDICATORS).toLocaleString("en")} rows max) in ${Math.round(performance.now() - start)} ms`
  );
}
