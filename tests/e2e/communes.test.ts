// Communes side by side (/communes/comparer) and the printed commune sheet (one A4 page each).
import {execFileSync} from "node:child_process";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {loadCommunes} from "../../src/lib/build/datasets.js";
import {seriousViolations} from "./a11y.js";
import {type OpenedPage, openPage, problems, useBrowser} from "./browser.js";

useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => opened?.context.close());

describe("/communes/comparer", () => {
  it("puts two communes side by side, each figure a small chart with the territory", async () => {
    opened = await openPage("/communes/comparer?communes=59636,59378");
    const {page} = opened;
    await page.waitForSelector(".compare-figure");
    const figures = page.locator(".compare-figure");
    expect(await figures.count()).toBe(3);
    for (const figure of await figures.all()) {
      expect(
        await figure.locator(".compare-lines li").evaluateAll((lis) => lis.map((li) => li.getAttribute("data-code")))
      ).toEqual(["59636", "59378"]);
      expect(await figure.locator("svg").count()).toBe(1);
      // Two communes and the territory: three bars.
      expect(await figure.locator("svg rect").count()).toBeGreaterThanOrEqual(3);
      expect(await figure.textContent()).toMatch(/écart au territoire : [+−]?[\d,]+ pour 1\u202f000 habitants/);
    }
    expect(await page.locator(".compare-chosen li").allTextContents()).toEqual(["Wambrechies×", "Marcq-en-Barœul×"]);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("adds a commune from the selector and removes one", async () => {
    opened = await openPage("/communes/comparer?communes=59636,59378");
    const {page} = opened;
    await page.fill("#compare-add", "ST-ANDRE");
    await page.keyboard.press("Enter");
    await page.waitForURL(/communes=59636,59378,59527$/);
    await page.waitForSelector(".compare-figure");
    expect(await page.locator(".compare-figure").first().locator(".compare-lines li").count()).toBe(3);
    await page.click('button[aria-label="Retirer Marcq-en-Barœul de la comparaison"]');
    await page.waitForURL(/communes=59636,59527$/);
  });

  it.each([
    ["59636", /Choisissez au moins 2 communes à comparer \(une seule choisie\)/],
    ["59636,99999", /Code inconnu : « 99999 »\. Les codes INSEE des dix communes sont/],
    ["59636,59378,59386,59527,59611", /On compare au plus 4 communes à la fois \(5 demandées\)/],
    ["", /aucune choisie/]
  ])("says in French what is wrong with ?communes=%s", async (codes, message) => {
    opened = await openPage(`/communes/comparer?communes=${codes}`);
    const {page} = opened;
    await page.waitForSelector('[role="alert"]');
    expect(await page.textContent('[role="alert"]')).toMatch(message);
    expect(await page.locator(".compare-figure").count()).toBe(0);
    expect(await page.isVisible("#compare-add")).toBe(codes.split(",").length <= 4);
  });

  it("is linked from every commune page", async () => {
    for (const {code} of loadCommunes()) {
      opened = await openPage(`/communes/${code}`);
      const href = await opened.page.getAttribute(".commune-actions a[href^='/communes/comparer']", "href");
      const codes = new URL(href!, opened.origin).searchParams.get("communes")!.split(",");
      expect(codes[0]).toBe(code);
      expect(codes).toHaveLength(2);
      await opened.context.close();
      opened = undefined;
    }
  });

  it("fits a phone, one figure under the other, and has no serious accessibility violation", async () => {
    opened = await openPage("/communes/comparer?communes=59636,59378,59386,59527", {
      width: 390,
      height: 844,
      touch: true
    });
    const {page} = opened;
    await page.waitForSelector(".compare-figure");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const lefts = await page.$$eval(".compare-figure", (els) =>
      els.map((e) => Math.round(e.getBoundingClientRect().left))
    );
    expect(new Set(lefts).size).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe("the printed commune sheet", () => {
  const dir = mkdtempSync(join(tmpdir(), "fiche-"));

  it.each(loadCommunes().map((c) => [c.code, c.nom] as const))(
    "/communes/%s (%s) prints on one A4 page",
    async (code, nom) => {
      opened = await openPage(`/communes/${code}`);
      const {page} = opened;
      await page.waitForSelector(".commune-figure");
      expect(await page.isVisible("button.print-button")).toBe(true);
      await page.emulateMedia({media: "print"});
      const pdf = await page.pdf({format: "A4", printBackground: true, preferCSSPageSize: true});
      const file = join(dir, `${code}.pdf`);
      writeFileSync(file, pdf);
      const info = execFileSync("pdfinfo", [file], {encoding: "utf8"});
      expect(info).toMatch(/^Pages:\s+1$/m);
      expect(info).toMatch(/^Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/m);
      // pdftotext keeps the printed words; no-break spaces become ordinary ones.
      const text = execFileSync("pdftotext", ["-layout", file, "-"], {encoding: "utf8"}).replace(
        /[\u00a0\u202f]/g,
        " "
      );
      expect(text).toContain(nom);
      // Headers wrap over lines in their narrow columns.
      for (const header of ["Indicateur", "Valeur", "Territoire", "Écart", "Rang", "Part du"])
        expect(text).toContain(header);
      expect(text).toMatch(/Pour\s+1 000/);
      expect(text).toContain("hab.");
      expect(text).toMatch(/Source : rapport d.activité 2022/);
      expect(text).toMatch(/Imprimée le \d{1,2}(er)? \p{L}+ \d{4}/u);
      expect(text).toContain(`/communes/${code}`);
      expect(text).toMatch(/habitants/);
      // No navigation, no way back, no buttons on paper.
      expect(text).not.toMatch(/Retour à la carte|Imprimer la fiche|Explorateur SQL|Les autres communes/);
    }
  );
});
