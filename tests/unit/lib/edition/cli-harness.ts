// What the `npm run edition` tests share: the command run in-process with its output captured,
// and a temporary data root holding the real 2022 edition (MNO_DATA_ROOT points at it).
import {cpSync, mkdirSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {vi} from "vitest";
import {main} from "../../../../src/lib/build/edition-cli.js";

export async function run(...argv: string[]): Promise<{code: number; out: string; err: string}> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((m: string) => void out.push(m));
  const error = vi.spyOn(console, "error").mockImplementation((m: string) => void err.push(m));
  try {
    return {code: await main(argv), out: out.join("\n"), err: err.join("\n")};
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

/** A data root in a temporary folder with the rules and the 2022 edition (and the communes if asked). */
export function tempDataRoot(prefix: string, {communes = false} = {}): {root: string; remove(): void} {
  const root = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(root, "data/reports"), {recursive: true});
  if (communes) cpSync("data/communes", join(root, "data/communes"), {recursive: true});
  cpSync("data/reports/regles.json", join(root, "data/reports/regles.json"));
  cpSync("data/reports/2022", join(root, "data/reports/2022"), {recursive: true});
  process.env.MNO_DATA_ROOT = root;
  return {
    root,
    remove() {
      delete process.env.MNO_DATA_ROOT;
      rmSync(root, {recursive: true, force: true});
    }
  };
}
