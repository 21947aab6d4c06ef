// Runs Observable Framework offline: fills its npm cache from node_modules, disables telemetry,
// preloads the offline guard into every Node process, then finishes the built pages.
//   tsx scripts/framework.ts build
//   tsx scripts/framework.ts preview [--port 3000]
// A build never costs the live site: the data are validated before Framework runs (a problem is
// printed in French and the build stops with dist/ untouched), the site is built into a temporary
// folder, and that folder replaces dist/ only once the build, postbuild, the bundling of each page's
// modules (scripts/bundle-pages.ts) and precompression succeeded.
import {spawn} from "node:child_process";
import {existsSync, readdirSync, renameSync, rmSync, utimesSync, watch} from "node:fs";
import {join, relative} from "node:path";
import {pathToFileURL} from "node:url";
import {DataError} from "../src/lib/errors.js";
import {dataPaths, loadTerritory, projectRoot} from "../src/lib/build/datasets.js";
import {validateAndCache} from "../src/lib/build/validated.js";
import {bundlePages} from "../src/lib/build/bundle-pages.js";
import {describeBundles} from "./bundle-pages.js";
import {fillNpmCache} from "./fill-npm-cache.js";
import {postbuild, precompress, writeStableDownloads} from "./postbuild.js";

const [command = "build", ...args] = process.argv.slice(2);
// MNO_DIST builds elsewhere (the end-to-end tests build the three-edition fixture into dist-editions/).
const dist = join(projectRoot, process.env.MNO_DIST || "dist");
// Beside dist/ (same file system, so that the final swap is a rename), named per process.
const next = join(projectRoot, `.dist-next-${process.pid}`);
const previous = join(projectRoot, `.dist-previous-${process.pid}`);

if (command === "build") {
  // The same validated load the loaders then read (src/lib/build/validated.ts): once per build.
  try {
    const {tables} = validateAndCache();
    loadTerritory(dataPaths(), tables.communes.rows);
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    console.error(`${error.message}\n\nConstruction annulée : dist/ n'a pas été modifié.`);
    process.exit(1);
  }
}
await fillNpmCache();

// Framework re-runs a data loader only when the loader file itself changes, not when the data or
// the library it reads do: start from no cached output, and in preview, touch the loaders whenever
// data/ or src/lib/ changes so that the page reloads with fresh data.
const cache = join(projectRoot, "src/.observablehq/cache");
for (const entry of existsSync(cache) ? readdirSync(cache) : []) {
  // Keep the library bundles (_npm is refilled above, _node is slow to rebuild); drop loader outputs.
  if (entry !== "_npm" && entry !== "_node") rmSync(join(cache, entry), {recursive: true, force: true});
}
if (command === "preview") {
  const touchLoaders = () => {
    const now = new Date();
    for (const file of readdirSync(join(projectRoot, "src"), {recursive: true})) {
      if (String(file).endsWith(".ts") && /(^|\/)(data\/|.*\.md\.ts$)/.test(String(file)))
        utimesSync(join(projectRoot, "src", String(file)), now, now);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  for (const dir of ["data", "src/lib"]) {
    watch(join(projectRoot, dir), {recursive: true}, () => {
      clearTimeout(timer);
      timer = setTimeout(touchLoaders, 200);
    });
  }
}
const guard = pathToFileURL(join(projectRoot, "scripts/offline-guard.mjs")).href;
const env = {
  ...process.env,
  OBSERVABLE_TELEMETRY_DISABLE: "true",
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${guard}`.trim()
};
const hostArgs = command === "preview" && !args.includes("--host") ? ["--host", "127.0.0.1"] : [];
// A build goes through scripts/framework-build.ts, Framework's own build with another output folder.
const [program, programArgs] =
  command === "build"
    ? [
        join(projectRoot, "node_modules/.bin/tsx"),
        [join(projectRoot, "scripts/framework-build.ts"), relative(projectRoot, next), ...args]
      ]
    : [join(projectRoot, "node_modules/.bin/observable"), [command, ...hostArgs, ...args]];
const child = spawn(program, programArgs, {cwd: projectRoot, env, stdio: "inherit"});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
let code: number = await new Promise((resolve) => child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))));
if (command === "build") {
  try {
    if (code === 0) {
      console.error(`postbuild: ${postbuild(next)} pages finished`);
      console.error(`postbuild: stable addresses ${writeStableDownloads(next).join(", ")}`);
      // Before the offline copy and precompression, which must see the bundles, not the modules.
      const bundles = await bundlePages(next);
      for (const warning of bundles.warnings) console.error(`bundle pages: ${warning}`);
      console.error(`bundle pages: ${describeBundles(bundles)}`);
      const {buildOffline} = await import("./service-worker.js"); // workbox-build loads only for a finished build
      console.error(`service worker: ${(await buildOffline(next)).files} files precached`);
      const packed = await precompress(next);
      const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
      console.error(`precompress: ${packed.files} files, ${mb(packed.bytes)} → ${mb(packed.compressed)} (brotli)`);
      if (existsSync(dist)) renameSync(dist, previous);
      renameSync(next, dist);
      rmSync(previous, {recursive: true, force: true});
    } else {
      console.error("Construction échouée : dist/ n'a pas été modifié.");
    }
  } catch (error) {
    console.error(`Construction échouée : ${(error as Error).stack ?? error}\ndist/ n'a pas été modifié.`);
    if (!existsSync(dist) && existsSync(previous)) renameSync(previous, dist);
    code = 1;
  } finally {
    rmSync(next, {recursive: true, force: true});
  }
}
process.exit(code);
