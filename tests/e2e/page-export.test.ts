// « Exporter en page » proved by a build: the explorer exports a notebook (SQL → Arquero → Plot →
// Markdown, a slider driving an SQL parameter, an SQL cell reading a named result) as a Markdown
// page; the page is built by Framework in a minimal project — only that page under src/carnets/,
// the site's components and lib, its Parquet files and npm cache, the site's DuckDB settings — then
// opened in Chromium under the site's security headers: its cells show what the explorer's show,
// and the slider still drives the query. ~30 s, most of it Framework's build.
import {spawn} from "node:child_process";
import {cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {type Browser, chromium} from "playwright-core";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {projectRoot} from "../../src/lib/build/datasets.js";
import {jsCell, mdCell, sqlCell} from "../../src/lib/notebook/notebook.js";
import {EXAMPLES} from "../../src/lib/notebook/examples.js";
import {encodeNotebook} from "../../src/lib/notebook/url-state.js";
import {securityHeaders} from "../../scripts/security-headers.js";
import {type StaticServer, startStaticServer} from "../../scripts/static-server.js";
import {openPage, problems, useBrowser} from "./browser.js";
import {CHROMIUM_ARGS, chromiumPath} from "./chromium.js";

useBrowser();

const plie = EXAMPLES.find((e) => e.id === "plie-pour-1000")!.notebook.cells;
const CELLS = [
  ...plie,
  jsCell(`const seuil = view(Inputs.range([0, 300], {label: "Au moins", step: 1, value: 40}));`),
  sqlCell(
    "-- name: retenues\nSELECT nom, participants FROM participants\n" +
      "WHERE participants >= ${seuil} ORDER BY participants DESC"
  ),
  mdCell("${retenues.length} communes ont au moins ${seuil} participants ; la première est ${retenues[0]?.nom}."),
  // Ticks in the thousands: French (« 10 000 »), not English (« 10,000 »).
  jsCell(`Plot.plot({x: {grid: true}, marks: [Plot.barX(participants, {x: "population", y: "nom"})]})`)
];

/** The x-axis tick labels of every Plot chart in `root`. */
const TICKS = '[aria-label="x-axis tick label"] text';

/** The site's built files the page reads, under their source names (the build hashes them). */
const DATA = ["indicators.parquet", "communes.parquet", "catalog.parquet", "snapshot.json", "lignes.json"];

let work = "";
let server: StaticServer | undefined;
let browser: Browser | undefined;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "mno-page-export-"));
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work && !process.env.MNO_KEEP_EXPORTS) rmSync(work, {recursive: true, force: true});
});

function run(command: string, args: string[], cwd: string): Promise<{code: number; output: string}> {
  return new Promise((resolve) => {
    const guard = pathToFileURL(join(projectRoot, "scripts/offline-guard.mjs")).href;
    const child = spawn(command, args, {
      cwd,
      env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", NODE_OPTIONS: `--import ${guard}`}
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("exit", (code) => resolve({code: code ?? 1, output}));
  });
}

/** A Framework project with only the exported page (and what it imports), built into dist/. */
async function buildProject(page: string, name: string): Promise<string> {
  const src = join(work, "src");
  mkdirSync(join(src, "carnets"), {recursive: true});
  writeFileSync(join(src, "carnets", name), page);
  for (const folder of ["components", "lib"])
    cpSync(join(projectRoot, "src", folder), join(src, folder), {recursive: true});
  // The npm cache the site's build filled from node_modules (scripts/fill-npm-cache.ts): no CDN.
  cpSync(join(projectRoot, "src/.observablehq/cache/_npm"), join(src, ".observablehq/cache/_npm"), {recursive: true});
  const built = join(projectRoot, "dist/_file/data");
  mkdirSync(join(src, "data"));
  for (const file of DATA) {
    const [base, ext] = file.split(".");
    const hashed = readdirSync(built).find((f) => f.startsWith(`${base}.`) && f.endsWith(`.${ext}`));
    if (!hashed) throw new Error(`dist/_file/data/${file} absent : lancez « npm run build »`);
    cpSync(join(built, hashed), join(src, "data", file));
  }
  // The engine's Parquet decoder, as the site's build bundled it (src/engine/parquet-worker.js.ts).
  const worker = readdirSync(join(projectRoot, "dist/_file/engine")).find((f) => /^parquet-worker\.\w+\.js$/.test(f));
  if (!worker) throw new Error("dist/_file/engine/parquet-worker.js absent : lancez « npm run build »");
  mkdirSync(join(src, "engine"));
  cpSync(join(projectRoot, "dist/_file/engine", worker), join(src, "engine/parquet-worker.js"));
  // The site's DuckDB settings (observablehq.config.ts): the "eh" build only, no extension download.
  writeFileSync(
    join(work, "observablehq.config.js"),
    "export default {title: 'Observatoire MNO', root: 'src', globalStylesheets: [],\n" +
      "  sidebar: false, search: false, pager: false, toc: false,\n" +
      "  duckdb: {platforms: {eh: true, mvp: false}, extensions: {json: null, parquet: null}}};\n"
  );
  const tsx = join(projectRoot, "node_modules/.bin/tsx");
  const {code, output} = await run(tsx, [join(projectRoot, "scripts/framework-build.ts"), "dist"], work);
  if (code !== 0) throw new Error(`la page exportée ne se construit pas :\n${output}`);
  return join(work, "dist");
}

describe("Exporter en page", () => {
  it("writes a Framework page that builds and shows the notebook's cells, reactive", async () => {
    // 1. The explorer: the notebook's values, then « Exporter en page ».
    const opened = await openPage(`/explorer?n=${await encodeNotebook({cells: CELLS})}`);
    const {page} = opened;
    await page.getByRole("button", {name: "Exécuter le code"}).click();
    await page.waitForFunction((n) => document.querySelectorAll('.cell[data-state="ok"]').length === n, CELLS.length, {
      timeout: 40_000
    });
    const sandboxText = async (n: number) => {
      const handle = await page
        .locator(".cell")
        .nth(n - 1)
        .locator("iframe.sandbox-frame")
        .elementHandle();
      return (await (await handle!.contentFrame())!.locator("#root").innerText()).replace(/\s+/g, " ").trim();
    };
    const sentence = await sandboxText(4);
    const retained = await sandboxText(7);
    expect(sentence).toMatch(/compte le plus de participants/);
    const sandboxTicks = await (await page.locator(".cell").nth(7).locator("iframe.sandbox-frame").elementHandle())!
      .contentFrame()
      .then((f) => f!.locator(TICKS).allTextContents());
    expect(sandboxTicks).toContain("10\u202f000");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", {name: "Exporter en page"}).click()
    ]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/^[a-z0-9-]+\.md$/);
    const markdown = readFileSync((await download.path())!, "utf-8");
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
    await opened.context.close();
    expect(markdown).toContain("```sql id=participants\n");
    expect(markdown).toContain("display(frTable(participants));");
    expect(markdown).toContain("-- lit : ${participants}");

    // 2. Framework builds it.
    const start = performance.now();
    const dist = await buildProject(markdown, name);
    console.error(`page-export: build ${Math.round(performance.now() - start)} ms`);
    server = await startStaticServer({root: dist, headers: securityHeaders});

    // 3. The built page, in Chromium, with the site's policy.
    browser = await chromium.launch({executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true});
    const context = await browser.newContext({viewport: {width: 1280, height: 900}, locale: "fr-FR"});
    const errors: string[] = [];
    const off: string[] = [];
    await context.route("**/*", (route) =>
      route.request().url().startsWith(server!.origin)
        ? route.continue()
        : (off.push(route.request().url()), route.abort())
    );
    const built = await context.newPage();
    built.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    built.on("pageerror", (e) => errors.push(e.message));
    await built.goto(`${server.origin}/carnets/${name.replace(/\.md$/, "")}`);
    const paragraphs = () =>
      built
        .locator("#observablehq-main p")
        .evaluateAll((ps) => ps.map((p) => p.textContent!.replace(/\s+/g, " ").trim()));
    await expect.poll(paragraphs, {timeout: 40_000}).toContain(sentence);
    await expect.poll(paragraphs, {timeout: 10_000}).toContain(retained);
    // The SQL results as tables, the Plot chart at the page's width.
    expect(
      await built.locator("#observablehq-main form.inputs-3a86ea-table, #observablehq-main table").count()
    ).toBeGreaterThan(0);
    // …in French: « 37 829 » and « 2022 », not Framework's « 37,829 » and « 2,022 ».
    const participantsTable = built.locator("#observablehq-main form.inputs-3a86ea-table").first();
    const rowText = (await participantsTable.locator("tbody tr").first().innerText()).replace(/[\t\n]+/g, " ");
    expect(rowText).toMatch(/ \d{1,3}\u202f\d{3}\b/);
    expect(rowText).toContain("2022");
    expect(rowText).not.toMatch(/\d,\d{3}/);
    // Plot's ticks in French too.
    await built.locator(TICKS).first().waitFor();
    const ticks = await built.locator(TICKS).allTextContents();
    expect(ticks).toContain("10\u202f000");
    expect(ticks.join(" ")).not.toMatch(/\d,\d{3}/);
    const plot = built.locator('#observablehq-main svg[class^="plot"]').first();
    const main = await built.locator("#observablehq-main").evaluate((e) => e.clientWidth);
    expect(Number(await plot.getAttribute("width"))).toBeGreaterThan(main * 0.8);
    // The slider still drives the SQL block and the sentence below it.
    const slider = built.locator('input[type="number"]').first();
    await slider.fill("300");
    await slider.dispatchEvent("input");
    await expect
      .poll(paragraphs, {timeout: 10_000})
      .toContain("0 communes ont au moins 300 participants ; la première est .");
    expect(errors).toEqual([]);
    expect(off).toEqual([]);
  }, 240_000);
});
