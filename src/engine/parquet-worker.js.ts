// engine/parquet-worker.js: the Parquet decoder's worker (src/components/engine/parquet-worker.ts)
// with hyparquet, fzstd and Apache Arrow, bundled from node_modules into one classic script that
// the engine starts as a worker (src/components/engine/db.ts). Framework bundles pages' modules,
// not workers: esbuild does it here, as for the notebook's sandbox (src/sandbox/bundle.js.ts).
import {fileURLToPath} from "node:url";
import * as esbuild from "esbuild";
import {runLoader} from "../lib/build/loader.js";

/** Browser code names libraries `npm:<name>` (Framework's npm imports): here, the installed copies. */
const npmImports: esbuild.Plugin = {
  name: "npm-imports",
  setup(build) {
    build.onResolve({filter: /^npm:/}, (args) =>
      build.resolve(args.path.slice(4), {kind: args.kind, resolveDir: args.resolveDir})
    );
  }
};

await runLoader(async () => {
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL("../components/engine/parquet-worker.ts", import.meta.url))],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    plugins: [npmImports],
    write: false,
    logLevel: "silent"
  });
  return result.outputFiles[0].contents;
});
