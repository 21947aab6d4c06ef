// A tiny fake Framework output for the post-build steps' tests: files written under a temporary
// folder, removed after the test file.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {afterAll} from "vitest";

/** A temporary folder for this test file's builds, removed once its tests are done. */
export function fakeBuildsRoot(prefix: string): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(root, {recursive: true, force: true}));
  return root;
}

/** Writes `files` (path relative to `dist` → text) and returns `dist`. */
export function writeBuild(dist: string, files: Record<string, string>): string {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), {recursive: true});
    writeFileSync(join(dist, path), text);
  }
  return dist;
}
