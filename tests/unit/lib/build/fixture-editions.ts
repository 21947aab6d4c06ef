// Builds a throw-away data/reports folder from the fixture edition (tests/fixtures/reports) and the
// project's real rules, so that each test can corrupt one file and read the result.
import {cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach} from "vitest";
import {projectRoot} from "../../../../src/lib/build/datasets.js";

const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, {recursive: true, force: true});
});

export interface FixtureData {
  /** Project-like root holding data/reports and data/communes. */
  root: string;
  reports: string;
  path(relative: string): string;
  read(relative: string): string;
  write(relative: string, content: string | Uint8Array): void;
  /** Replaces the first occurrence of `from` in a file; fails loudly when it is not there. */
  edit(relative: string, from: string, to: string): void;
}

export function fixtureData(): FixtureData {
  const root = mkdtempSync(join(tmpdir(), "observatoire-fixture-"));
  created.push(root);
  cpSync(join(projectRoot, "data/communes"), join(root, "data/communes"), {recursive: true});
  cpSync(join(projectRoot, "tests/fixtures/reports"), join(root, "data/reports"), {recursive: true});
  cpSync(join(projectRoot, "data/reports/regles.json"), join(root, "data/reports/regles.json"));
  const path = (relative: string) => join(root, "data/reports", relative);
  const read = (relative: string) => readFileSync(path(relative), "utf-8");
  const write = (relative: string, content: string | Uint8Array) => writeFileSync(path(relative), content);
  return {
    root,
    reports: join(root, "data/reports"),
    path,
    read,
    write,
    edit(relative, from, to) {
      const text = read(relative);
      if (!text.includes(from)) throw new Error(`fixture ${relative} does not contain « ${from} »`);
      write(relative, text.replace(from, to));
    }
  };
}
