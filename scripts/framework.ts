// Runs Observable Framework offline: fills its npm cache from node_modules, disables telemetry,
// preloads the offline guard into every Node process, then finishes the built pages.
//   tsx scripts/framework.ts build
//   tsx scripts/framework.ts preview [--port 3000]
import {spawn} from "node:child_process";
import {existsSync, readdirSync, rmSync, utimesSync, watch} from "node:fs";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {projectRoot} from "../src/lib/build/datasets.js";
import {fillNpmCache} from "./fill-npm-cache.js";
import {postbuild} from "./postbuild.js";

const [command = "build", ...args] = process.argv.slice(2);
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
      if (String(file).endsWith(".ts") && /(^|\/)(data\/|.*\.md\.ts$)/.test(String(file))) utimesSync(join(projectRoot, "src", String(file)), now, now);
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
const child = spawn(join(projectRoot, "node_modules/.bin/observable"), [command, ...hostArgs, ...args], {
  cwd: projectRoot,
  env,
  stdio: "inherit"
});
const code: number = await new Promise((resolve) => child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0))));
if (code === 0 && command === "build") {
  console.error(`postbuild: ${postbuild(join(projectRoot, "dist"))} pages finished`);
  const {buildOffline} = await import("./service-worker.js"); // workbox-build loads only for a finished build
  console.error(`service worker: ${(await buildOffline(join(projectRoot, "dist"))).files} files precached`);
}
process.exit(code);
