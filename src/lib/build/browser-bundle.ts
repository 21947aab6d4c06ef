// One classic browser script bundled by esbuild from node_modules, for the files a page starts
// itself rather than imports (Framework bundles pages' modules, not workers or a sandbox's script):
// the notebook's sandbox (src/sandbox/bundle.js.ts) and the engine's Parquet worker
// (src/engine/parquet-worker.js.ts).
import * as esbuild from "esbuild";

/** Browser code names libraries `npm:<name>` (Framework's npm imports): here, the installed copies. */
const npmImports: esbuild.Plugin = {
  name: "npm-imports",
  setup(build) {
    build.onResolve({filter: /^npm:/}, (args) =>
      build.resolve(args.path.slice(4), {kind: args.kind, resolveDir: args.resolveDir})
    );
  }
};

/** The script bundled from `entry` (a file path), minified, as one IIFE. */
export async function browserBundle(entry: string, define: Record<string, string> = {}): Promise<Uint8Array> {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    define,
    plugins: [npmImports],
    write: false,
    logLevel: "silent"
  });
  return result.outputFiles[0].contents;
}
