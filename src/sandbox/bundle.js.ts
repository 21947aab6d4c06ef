// sandbox/bundle.js: the code of a notebook cell's sandbox (src/sandbox/client.ts) and its libraries
// (Plot, d3, Arquero, Inputs, markdown-it), bundled from node_modules into one classic script. The
// sandbox has an opaque origin and no network: it loads this one script from the site, which its
// Content-Security-Policy names exactly (src/components/explorer/sandbox.ts).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {browserBundle} from "../lib/build/browser-bundle.js";
import {runLoader} from "../lib/build/loader.js";
import {projectRoot} from "../lib/build/datasets.js";

// Their packages do not export the stylesheets: read from the installed copies.
const STYLESHEETS = ["@observablehq/inputs/dist/index.css", "@observablehq/inspector/dist/inspector.css"];

await runLoader(() =>
  browserBundle(fileURLToPath(new URL("./client.ts", import.meta.url)), {
    __SANDBOX_CSS__: JSON.stringify(
      STYLESHEETS.map((f) => readFileSync(join(projectRoot, "node_modules", f), "utf-8")).join("\n")
    )
  })
);
