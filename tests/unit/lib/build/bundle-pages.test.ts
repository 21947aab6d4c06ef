// Bundling each page's local modules after the build, on a tiny fake Framework output.
import {execFileSync} from "node:child_process";
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {describe, expect, it} from "vitest";
import {bundlePages} from "../../../../src/lib/build/bundle-pages.js";
import {fakeBuildsRoot, writeBuild} from "./fake-build.js";

const root = fakeBuildsRoot("mno-bundle-");

const PAGE = `<!DOCTYPE html>
<link rel="modulepreload" href="./_observablehq/client.11111111.js">
<link rel="modulepreload" href="./_import/components/a.22222222.js">
<link rel="modulepreload" href="./_import/lib/b.33333333.js">
<link rel="modulepreload" href="./_import/lib/queries/index.55555555.js">
<link rel="modulepreload" href="./_npm/lib@1.0.0/44444444.js">
<script type="module">
import {define} from "./_observablehq/client.11111111.js";
define({body: async () => { const {a} = await import("./_import/components/a.22222222.js"); return a(); }});
</script>
`;

/** A build with one page, two local modules (a imports b) plus the named queries, and a library. */
function fakeDist(name: string, b: number): string {
  const dist = join(root, name);
  const files: Record<string, string> = {
    "page.html": PAGE,
    "_observablehq/client.11111111.js": "export function define() {}\n",
    "_npm/lib@1.0.0/44444444.js": "export const npmValue = 40;\n",
    "_import/components/a.22222222.js": [
      'import {b} from "../lib/b.33333333.js";',
      'import {named} from "../lib/queries/index.55555555.js";',
      'import {npmValue} from "../../_npm/lib@1.0.0/44444444.js";',
      "export const a = () => b + npmValue + named;",
      'export const wasm = import.meta.resolve("../../_npm/lib@1.0.0/engine.wasm");',
      'export const later = () => import("../../_npm/lib@1.0.0/44444444.js");'
    ].join("\n"),
    "_import/lib/b.33333333.js": `export const b = ${b};\n`,
    "_import/lib/queries/index.55555555.js": "export const named = 0;\n",
    "_import/style.66666666.css": "body {}\n"
  };
  return writeBuild(dist, files);
}

/** What Node gets from a module, imported natively (no test runner transform of import.meta). */
function evaluate(file: string, expression: string): unknown {
  const url = JSON.stringify(pathToFileURL(file).href);
  const code = `const m = await import(${url}); console.log(JSON.stringify(${expression}));`;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", code], {encoding: "utf-8"}));
}

describe("bundlePages", () => {
  it("bundles a page's local modules into one file, leaving the library and runtime shared", async () => {
    const dist = fakeDist("one", 2);
    const report = await bundlePages(dist);
    expect(report.entries).toEqual([expect.stringMatching(/^_import\/pages\/page\.[0-9a-f]{8}\.js$/)]);
    expect(report).toMatchObject({pages: 1, chunks: [], removed: 3, unused: [], warnings: []});
    const entry = report.entries[0];

    // The modules are gone; the stylesheet and the shared files stay.
    expect(existsSync(join(dist, "_import/components"))).toBe(false);
    expect(existsSync(join(dist, "_import/lib"))).toBe(false);
    for (const kept of [
      "_import/style.66666666.css",
      "_npm/lib@1.0.0/44444444.js",
      "_observablehq/client.11111111.js"
    ]) {
      expect(existsSync(join(dist, kept))).toBe(true);
    }

    const html = readFileSync(join(dist, "page.html"), "utf-8");
    expect([...html.matchAll(/modulepreload" href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "./_observablehq/client.11111111.js",
      `./${entry}`,
      "./_npm/lib@1.0.0/44444444.js"
    ]);
    expect(html).toContain(`import("./${entry}").then((bundle) => bundle.modules["components/a"])`);
    expect(html).toContain('import {define} from "./_observablehq/client.11111111.js";');

    // The library is imported where it was, statically and dynamically, and the code still runs.
    const code = readFileSync(join(dist, entry), "utf-8");
    expect(code).toContain("from '../../_npm/lib@1.0.0/44444444.js'");
    expect(code).toContain("import('../../_npm/lib@1.0.0/44444444.js')");
    expect(evaluate(join(dist, entry), `Object.keys(m.modules)`)).toEqual(["components/a", "lib/queries/index"]);
    expect(evaluate(join(dist, entry), `m.modules["components/a"].a()`)).toBe(42);
    // import.meta.resolve still resolves against the module's own folder.
    expect(evaluate(join(dist, entry), `m.modules["components/a"].wasm`)).toBe(
      pathToFileURL(join(dist, "_npm/lib@1.0.0/engine.wasm")).href
    );
    expect(evaluate(join(dist, entry), `(await m.modules["components/a"].later()).npmValue`)).toBe(40);
  });

  it("names the bundle by its content", async () => {
    const [same, again, changed] = await Promise.all(
      [fakeDist("same", 2), fakeDist("again", 2), fakeDist("changed", 3)].map(bundlePages)
    );
    expect(again.entries).toEqual(same.entries);
    expect(changed.entries).not.toEqual(same.entries);
  });

  it("shares one entry between pages of a folder that import the same modules, with their scripts", async () => {
    const dist = fakeDist("folder", 2);
    const page = (n: number) =>
      PAGE.replaceAll('"./_', '"../_').replace(
        '<script type="module">',
        '<script type="module" src="../_import/lib/b.33333333.js"></script>\n<script type="module">'
      ) + `<!-- ${n} -->`;
    mkdirSync(join(dist, "communes"));
    for (const n of [1, 2]) writeFileSync(join(dist, `communes/${n}.html`), page(n));
    rmSync(join(dist, "page.html"));
    const report = await bundlePages(dist);
    expect(report.entries).toEqual([expect.stringMatching(/^_import\/pages\/communes-pages\.[0-9a-f]{8}\.js$/)]);
    const html = readFileSync(join(dist, "communes/2.html"), "utf-8");
    expect(html).toContain(`<script type="module" src="../${report.entries[0]}"></script>`);
    expect(html).toContain(`import("../${report.entries[0]}").then(`);
    expect(html).not.toMatch(/_import\/(components|lib)\//);
  });
});
