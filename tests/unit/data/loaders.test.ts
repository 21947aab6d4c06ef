// The data loaders as Framework runs them: a process whose stdout is the file. Their Parquet is read
// back with DuckDB for Node; a corrupted data folder must fail the loader and write nothing.
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {parquetToArrow} from "../../../src/components/engine/parquet-arrow.js";
import {projectRoot} from "../../../src/lib/build/datasets.js";
import {communesTable, indicatorsTable} from "../../../src/lib/schema.js";
import {Warehouse} from "../../../src/lib/build/warehouse.js";
import {fixtureData} from "../lib/build/fixture-editions.js";

const tmp = mkdtempSync(join(tmpdir(), "observatoire-loaders-"));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

function runLoader(name: string, env: Record<string, string> = {}) {
  const result = spawnSync(join(projectRoot, "node_modules/.bin/tsx"), [join(projectRoot, "src/data", name)], {
    cwd: projectRoot,
    env: {...process.env, ...env},
    maxBuffer: 64 * 1024 * 1024
  });
  return {status: result.status, stdout: result.stdout, stderr: result.stderr.toString()};
}

async function readParquet(bytes: Buffer, name: string) {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  const warehouse = await Warehouse.create();
  try {
    const schema = await warehouse.query<{column_name: string; column_type: string}>(
      `DESCRIBE SELECT * FROM read_parquet('${file}')`
    );
    const meta = await warehouse.query<{compression: string}>(
      `SELECT DISTINCT compression FROM parquet_metadata('${file}')`
    );
    const rows = await warehouse.query<Record<string, unknown>>(`SELECT * FROM read_parquet('${file}')`);
    return {
      schema: schema.map((c) => [c.column_name, c.column_type]),
      compression: meta.map((m) => m.compression),
      rows
    };
  } finally {
    warehouse.close();
  }
}

describe("indicators.parquet", async () => {
  const loaded = runLoader("indicators.parquet.ts");
  const parquet = await readParquet(loaded.stdout, "indicators.parquet");

  it("has the contract's columns and types, compressed with zstd", () => {
    expect(loaded.status).toBe(0);
    expect(parquet.schema).toEqual(indicatorsTable.columns.map((c) => [c.name, c.type]));
    expect(parquet.compression).toEqual(["ZSTD"]);
  });

  it("holds the report's figures, sorted by indicator and year", () => {
    const interviews = parquet.rows.find(
      (r) => r.indicator === "mission_locale.entretiens" && r.year === 2022 && r.dimension === null
    );
    expect(interviews).toMatchObject({
      report_year: 2022,
      programme: "mission_locale",
      value: 15843,
      unit: "entretiens",
      status: "publie",
      commune_code: null
    });
    const keys = parquet.rows.map((r) => `${r.indicator}\u0000${r.year}`);
    expect(keys).toEqual([...keys].sort());
    expect(parquet.rows.length).toBeGreaterThan(300);
  });

  it("decodes in the browser's way (hyparquet → Arrow) to the same types", async () => {
    const table = await parquetToArrow(new Uint8Array(loaded.stdout).buffer);
    expect(table.numRows).toBe(parquet.rows.length);
    expect(table.schema.fields.map((f) => [f.name, String(f.type)])).toEqual(
      indicatorsTable.columns.map((c) => [c.name, {INTEGER: "Int32", VARCHAR: "Utf8", DOUBLE: "Float64"}[c.type]])
    );
    expect(table.getChild("quote")?.get(0)).toBe(parquet.rows[0].quote);
    // Every cell, nulls included, as DuckDB reads the file (the vectors are laid out by hand).
    const decoded = table.toArray().map((row) => ({...row.toJSON()}));
    expect(decoded).toEqual(parquet.rows.map((row) => ({...row})));
    expect(decoded.some((row) => row.commune_code === null)).toBe(true);
  });
});

describe("communes.parquet", async () => {
  const loaded = runLoader("communes.parquet.ts");
  const parquet = await readParquet(loaded.stdout, "communes.parquet");

  it("has ten communes with their census population", () => {
    expect(loaded.status).toBe(0);
    expect(parquet.schema).toEqual(communesTable.columns.map((c) => [c.name, c.type]));
    expect(parquet.rows).toHaveLength(10);
    expect(parquet.rows.find((r) => r.code === "59378")).toMatchObject({
      nom: "Marcq-en-Barœul",
      population: 38604,
      population_year: 2020
    });
    expect(parquet.rows.reduce((s, r) => s + Number(r.population), 0)).toBe(143439);
  });
});

describe("territoire.json", () => {
  it("holds the ten communes and their neighbours", () => {
    const loaded = runLoader("territoire.json.ts");
    const territory = JSON.parse(loaded.stdout.toString());
    expect(territory.communes.features).toHaveLength(10);
    expect(territory.context.features.map((f: {properties: {nom: string}}) => f.properties.nom)).toContain("Lille");
  });
});

describe("a loader on bad data", () => {
  it("exits non-zero with file, line and reason, and writes nothing", () => {
    const data = fixtureData();
    data.edit("2023/indicateurs.csv", "Lambersart : 90", "Lambersart : 900");
    const loaded = runLoader("indicators.parquet.ts", {MNO_DATA_ROOT: data.root});
    expect(loaded.status).not.toBe(0);
    expect(loaded.stdout.length).toBe(0);
    expect(loaded.stderr).toMatch(/data\/reports\/2023\/indicateurs\.csv:3: citation introuvable/);
  });
});
