// The whole build, on a copy of the project whose data breaks one rule: it must fail with the file,
// the line and the reason, and leave no Parquet file behind.
import {spawnSync} from "node:child_process";
import {cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, expect, it} from "vitest";
import {projectRoot} from "../../../../src/lib/build/datasets.js";

const copy = mkdtempSync(join(tmpdir(), "observatoire-build-"));
afterAll(() => rmSync(copy, {recursive: true, force: true}));

it("fails on a broken sum and writes no Parquet", {timeout: 120_000}, () => {
  for (const entry of ["src", "scripts", "data", "observablehq.config.ts", "package.json"]) {
    cpSync(join(projectRoot, entry), join(copy, entry), {recursive: true, filter: (source) => !source.includes(".observablehq/cache")});
  }
  symlinkSync(join(projectRoot, "node_modules"), join(copy, "node_modules"));
  // Lambersart's 85 PLIE participants become 86, in the text and in the data: the per-commune sum
  // no longer makes the published 453.
  const text = join(copy, "data/reports/2022/rapport.txt");
  writeFileSync(text, readFileSync(text, "utf-8").replace(" Lambersart : 85 ", " Lambersart : 86 "));
  const csv = join(copy, "data/reports/2022/indicateurs.csv");
  const lines = readFileSync(csv, "utf-8").split("\n");
  const line = lines.findIndex((l) => l.includes("plie.participants,") && l.includes(",59328,") && l.includes("Lambersart : 85"));
  expect(line).toBeGreaterThan(0);
  lines[line] = lines[line].replace(",85,", ",86,").replace("Lambersart : 85", "Lambersart : 86");
  writeFileSync(csv, lines.join("\n"));

  const build = spawnSync(join(copy, "node_modules/.bin/tsx"), ["scripts/framework.ts", "build"], {cwd: copy, encoding: "utf-8"});
  const output = build.stdout + build.stderr;
  expect(build.status).not.toBe(0);
  expect(output).toMatch(/data\/reports\/2022\/coherence\.json:\d+: règle « plie-[^»]+ ».*453.*454/);
  const files = existsSync(join(copy, "dist")) ? readdirSync(join(copy, "dist"), {recursive: true}).map(String) : [];
  expect(files.filter((f) => f.endsWith(".parquet"))).toEqual([]);
});
