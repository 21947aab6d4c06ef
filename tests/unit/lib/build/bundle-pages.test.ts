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

  it("bundles only the parts of d3 and Plot a page calls, with one d3 for the page and Plot", async () => {
    const d3 = "_npm/d3@7.9.2/77777777.js";
    const plot = "_npm/@observablehq/plot@0.6.17/88888888.js";
    const page = (module: string) => `<!DOCTYPE html>
<link rel="modulepreload" href="./_import/components/${module}.js">
<link rel="modulepreload" href="./${d3}">
<link rel="modulepreload" href="./${plot}">
<script type="module">
define({body: async () => (await import("./_import/components/${module}.js")).run()});
</script>
`;
    const dist = writeBuild(join(root, "d3"), {
      "map.html": page("map.22222222"),
      "explorer.html": page("sql.33333333"),
      [d3]: [
        "function scaleLinear() { return (x) => 2 * x; }",
        'function geoNeverCalled() { return "UNUSED_D3_CODE"; }',
        'let locale = "en";',
        "function formatDefaultLocale(l) { locale = l; }",
        "function format() { return locale; }",
        "export {scaleLinear, geoNeverCalled, formatDefaultLocale, format};"
      ].join("\n"),
      [plot]: [
        'import {format} from "../../d3@7.9.2/77777777.js";',
        'import {iso} from "../../isoformat@0.2.1/99999999.js";',
        "export const axis = () => format() + iso;",
        'export const markNeverCalled = () => "UNUSED_PLOT_CODE";'
      ].join("\n"),
      "_npm/isoformat@0.2.1/99999999.js": 'export const iso = "!";\n',
      "_import/components/map.22222222.js":
        'import * as d3 from "../../_npm/d3@7.9.2/77777777.js";\nexport const run = () => d3.scaleLinear()(21);\n',
      "_import/components/sql.33333333.js": [
        'import * as d3 from "../../_npm/d3@7.9.2/77777777.js";',
        'import * as Plot from "../../_npm/@observablehq/plot@0.6.17/88888888.js";',
        'd3.formatDefaultLocale("fr");',
        "export const run = () => Plot.axis();"
      ].join("\n")
    });
    const report = await bundlePages(dist);
    const entry = (name: string) =>
      join(
        dist,
        report.entries.find((e) => e.includes(`/${name}.`))!
      );
    const preloads = (html: string) =>
      [...readFileSync(join(dist, html), "utf-8").matchAll(/modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
    const code = (name: string) => readFileSync(entry(name), "utf-8");

    // The map's bundle holds the scale it calls and none of the rest; the page preloads neither library.
    expect(code("map")).not.toMatch(/UNUSED_D3_CODE|UNUSED_PLOT_CODE|_npm\/(d3|@observablehq)/);
    expect(evaluate(entry("map"), `m.modules["components/map"].run()`)).toBe(42);
    expect(preloads("map.html").filter((href) => href.includes("_npm"))).toEqual([]);
    // The locale the explorer sets is the one Plot formats with; Plot's other imports stay shared.
    expect(code("explorer")).not.toMatch(/UNUSED_D3_CODE|UNUSED_PLOT_CODE|_npm\/(d3|@observablehq)/);
    expect(code("explorer")).toContain("from '../../_npm/isoformat@0.2.1/99999999.js'");
    expect(evaluate(entry("explorer"), `m.modules["components/sql"].run()`)).toBe("fr!");
    // The library files stay (Framework's own code may import them).
    for (const file of [d3, plot]) expect(existsSync(join(dist, file))).toBe(true);
  });
});
