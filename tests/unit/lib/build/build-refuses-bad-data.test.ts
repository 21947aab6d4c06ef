// The whole build, on a copy of the project: bad data must fail it before Framework runs, with the
// file, the line and the reason, and a build that fails later must not cost the live site either —
// the previous dist/ stays byte for byte, and no half-built folder is left behind.
import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, expect, it} from "vitest";
import {projectRoot} from "../../../../src/lib/build/datasets.js";

const copy = mkdtempSync(join(tmpdir(), "observatoire-build-"));
afterAll(() => rmSync(copy, {recursive: true, force: true}));

/** Every file of a folder with the hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, {recursive: true, withFileTypes: true}).filter((entry) => entry.isFile());
  return Object.fromEntries(
    files.map((entry) => {
      const file = join(entry.parentPath, entry.name);
      return [file.slice(dir.length), createHash("sha256").update(readFileSync(file)).digest("hex")];
    })
  );
}

function build() {
  const result = spawnSync(join(copy, "node_modules/.bin/tsx"), ["scripts/framework.ts", "build"], {
    cwd: copy,
    encoding: "utf-8",
    env: {...process.env, MNO_VALIDATED_CACHE: join(copy, ".validated")}
  });
  return {status: result.status, output: result.stdout + result.stderr};
}

const leftovers = () => readdirSync(copy).filter((name) => name.startsWith(".dist-"));

let previous: Record<string, string>;
beforeAll(() => {
  for (const entry of ["src", "scripts", "data", "observablehq.config.ts", "package.json"]) {
    cpSync(join(projectRoot, entry), join(copy, entry), {
      recursive: true,
      filter: (source) => !source.includes(".observablehq/cache")
    });
  }
  symlinkSync(join(projectRoot, "node_modules"), join(copy, "node_modules"));
  // A previous site, as the host serves it.
  mkdirSync(join(copy, "dist/_file/data"), {recursive: true});
  writeFileSync(join(copy, "dist/index.html"), "<!doctype html><title>Observatoire MNO (en ligne)</title>");
  writeFileSync(join(copy, "dist/_file/data/indicators.0123abcd.parquet"), Buffer.from([80, 65, 82, 49, 0, 1, 2, 3]));
  previous = snapshot(join(copy, "dist"));
});

it("fails on a broken sum before Framework runs, and leaves the previous dist/ intact", {timeout: 60_000}, () => {
  // Lambersart's 85 PLIE participants become 86, in the text and in the data: the per-commune sum
  // no longer makes the published 453.
  const text = join(copy, "data/reports/2022/rapport.txt");
  const csv = join(copy, "data/reports/2022/indicateurs.csv");
  const original = {text: readFileSync(text, "utf-8"), csv: readFileSync(csv, "utf-8")};
  writeFileSync(text, original.text.replace(" Lambersart : 85 ", " Lambersart : 86 "));
  const lines = original.csv.split("\n");
  const line = lines.findIndex(
    (l) => l.includes("plie.participants,") && l.includes(",59328,") && l.includes("Lambersart : 85")
  );
  expect(line).toBeGreaterThan(0);
  lines[line] = lines[line].replace(",85,", ",86,").replace("Lambersart : 85", "Lambersart : 86");
  writeFileSync(csv, lines.join("\n"));

  const {status, output} = build();
  expect(status).not.toBe(0);
  expect(output).toMatch(/data\/reports\/2022\/coherence\.json:\d+: règle « plie-[^»]+ ».*453.*454/);
  expect(output).toContain("Construction annulée : dist/ n'a pas été modifié.");
  // Framework never started: it would have printed its « load » lines.
  expect(output).not.toMatch(/\bload\b.*\.md/);
  expect(snapshot(join(copy, "dist"))).toEqual(previous);
  expect(leftovers()).toEqual([]);

  writeFileSync(text, original.text);
  writeFileSync(csv, original.csv);
});

it("fails inside Framework (a page that cannot be built), the previous dist/ intact", {timeout: 300_000}, () => {
  writeFileSync(join(copy, "src/a-cassee.md.ts"), 'process.stderr.write("page cassée\\n");\nprocess.exit(1);\n');
  const {status, output} = build();
  expect(status).not.toBe(0);
  expect(output).toContain("Construction échouée : dist/ n'a pas été modifié.");
  expect(snapshot(join(copy, "dist"))).toEqual(previous);
  expect(leftovers()).toEqual([]);
});
