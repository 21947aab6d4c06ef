// Dropping the modulepreloads of modules a built page never imports at load, on a tiny fake build.
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {dropUnusedPreloads} from "../../../../src/lib/build/unused-preloads.js";
import {fakeBuildsRoot, writeBuild} from "./fake-build.js";

const root = fakeBuildsRoot("mno-preloads-");

const PAGE = `<!DOCTYPE html>
<link rel="modulepreload" href="../_observablehq/client.11111111.js">
<link rel="modulepreload" href="../_import/pages/page.22222222.js">
<link rel="modulepreload" href="../_npm/d3@7.9.2/33333333.js">
<link rel="modulepreload" href="../_npm/isoformat@0.2.1/44444444.js">
<link rel="modulepreload" href="../_npm/plot@0.6.17/77777777.js">
<link rel="modulepreload" href="../_npm/apache-arrow@17.0.0/55555555.js">
<link rel="modulepreload" href="../_npm/parquet-wasm@0.0.0-unused/66666666.js">
<link rel="modulepreload" href="../_npm/absent@1.0.0/88888888.js">
<script type="module" src="../_import/pages/page.22222222.js"></script>
<script type="module">
import {define} from "../_observablehq/client.11111111.js";
define({body: async () => { const Plot = await import("../_npm/plot@0.6.17/77777777.js"); return Plot; }});
</script>
`;

function fakeDist(): string {
  const dist = join(root, "dist");
  const files: Record<string, string> = {
    "programmes/plie.html": PAGE,
    "_observablehq/client.11111111.js": 'import "./runtime.99999999.js";export function define() {}\n',
    "_observablehq/runtime.99999999.js": "export const runtime = 1;\n",
    // Minified, as Rollup and Framework write them: `from"…"` with no space.
    "_import/pages/page.22222222.js":
      'import{select as s}from"../../_npm/d3@7.9.2/33333333.js";export const modules={s};\n',
    "_npm/d3@7.9.2/33333333.js": "export const select = 1;\n",
    // Reached only through the cell's import() and then Plot's own static import.
    "_npm/plot@0.6.17/77777777.js": 'export * from "../isoformat@0.2.1/44444444.js";\n',
    "_npm/isoformat@0.2.1/44444444.js": "export const format = 1;\n",
    // Imported later, by a dynamic import inside a module: not preloaded.
    "_npm/apache-arrow@17.0.0/55555555.js": "export const Table = 1;\n",
    "_npm/parquet-wasm@0.0.0-unused/66666666.js": "export {};\n"
  };
  return writeBuild(dist, files);
}

describe("dropUnusedPreloads", () => {
  const dist = fakeDist();
  const {html, dropped} = dropUnusedPreloads(PAGE, dist, "programmes/plie.html");

  it("drops the preloads of libraries nothing the page runs imports statically", () => {
    expect(dropped.sort()).toEqual([
      "_npm/apache-arrow@17.0.0/55555555.js",
      "_npm/parquet-wasm@0.0.0-unused/66666666.js"
    ]);
    expect(html).not.toContain("apache-arrow");
    expect(html).not.toContain("parquet-wasm");
  });

  it("keeps what the page's scripts, its cells' imports and their static imports reach", () => {
    for (const kept of ["client.11111111", "page.22222222", "d3@7.9.2", "plot@0.6.17", "isoformat@0.2.1"])
      expect(html, kept).toContain(`<link rel="modulepreload" href="../${kept.includes("@") ? "_npm/" : ""}`);
    expect(html.match(/rel="modulepreload"/g)).toHaveLength(6);
    // A preload this check cannot read is left as it was.
    expect(html).toContain("absent@1.0.0");
    // The scripts themselves are untouched.
    expect(html).toContain('<script type="module" src="../_import/pages/page.22222222.js"></script>');
  });
});
