// engine/parquet-worker.js: the Parquet decoder's worker (src/components/engine/parquet-worker.ts)
// with hyparquet, fzstd and Apache Arrow, bundled into one classic script that the engine starts
// as a worker (src/components/engine/db.ts).
import {fileURLToPath} from "node:url";
import {browserBundle} from "../lib/build/browser-bundle.js";
import {runLoader} from "../lib/build/loader.js";

await runLoader(() => browserBundle(fileURLToPath(new URL("../components/engine/parquet-worker.ts", import.meta.url))));
