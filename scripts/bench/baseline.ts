// The benchmark's baseline: bench/baseline-site, a separate minimal Framework project (its own
// config and root), built offline the way the site is: its npm cache filled from node_modules (with
// Framework's defaults: both DuckDB builds, the real parquet-wasm) and the offline guard preloaded.
import {spawn} from "node:child_process";
import {copyFileSync, existsSync, mkdirSync, readdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {projectRoot} from "../../src/lib/build/datasets.js";
import {type Entry, SITE_ENTRIES, fillNpmCache} from "../fill-npm-cache.js";

export const BASELINE_ROOT = join(projectRoot, "bench/baseline-site");
export const BASELINE_DIST = join(BASELINE_ROOT, "dist");

/** Framework's defaults for the libraries the site trims: mvp and eh DuckDB builds, parquet-wasm. */
function baselineEntries(): Entry[] {
  return SITE_ENTRIES.map((entry): Entry => {
    if (entry.name === "@duckdb/duckdb-wasm") {
      return {...entry, copy: [...(entry.copy ?? []), "dist/duckdb-mvp.wasm", "dist/duckdb-browser-mvp.worker.js"]};
    }
    if (entry.name === "parquet-wasm") return {name: "parquet-wasm", bundle: true, copy: ["esm/parquet_wasm_bg.wasm"]};
    return entry;
  });
}

/** Copies the site's built Parquet files (dist/_file/data/<name>.<hash>.parquet) into the baseline. */
function copyData(siteDist: string): void {
  const source = join(siteDist, "_file/data");
  const target = join(BASELINE_ROOT, "src/data");
  rmSync(target, {recursive: true, force: true});
  mkdirSync(target, {recursive: true});
  for (const name of ["indicators", "communes"]) {
    const file = readdirSync(source).find((f) => f.startsWith(`${name}.`) && f.endsWith(".parquet"));
    if (!file) throw new Error(`baseline : ${name}.parquet introuvable dans ${source} (construisez le site d'abord)`);
    copyFileSync(join(source, file), join(target, `${name}.parquet`));
  }
}

/** Builds the baseline; returns the build's wall time in ms. */
export async function buildBaseline(siteDist: string): Promise<number> {
  const start = performance.now();
  copyData(siteDist);
  await fillNpmCache(join(BASELINE_ROOT, "src/.observablehq/cache/_npm"), baselineEntries());
  const guard = pathToFileURL(join(projectRoot, "scripts/offline-guard.mjs")).href;
  const child = spawn(join(projectRoot, "node_modules/.bin/observable"), ["build"], {
    cwd: BASELINE_ROOT,
    env: {
      ...process.env,
      OBSERVABLE_TELEMETRY_DISABLE: "true",
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${guard}`.trim()
    },
    stdio: ["ignore", "ignore", "inherit"]
  });
  const code: number = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0 || !existsSync(join(BASELINE_DIST, "index.html")))
    throw new Error(`baseline : la construction a échoué (code ${code})`);
  return performance.now() - start;
}
