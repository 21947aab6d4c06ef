// Programme pages printed (Chromium's page.pdf, read back by poppler): charts at a legible size
// (every word of the PDF, charts included, at 8 pt or more) and no page holding only leftovers
// (each page filled to a fair height but the last, which is not near-empty either).
import {execFileSync} from "node:child_process";
import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {PROGRAMMES, programmeSlug} from "../../src/lib/programmes.js";
import {type OpenedPage, openPage, useBrowser, waitForData} from "./browser.js";

useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => opened?.context.close());

/** Heights of the words' boxes (pt) that poppler reads in the PDF: about 1,16 × the font size. */
function wordHeights(pdf: string): number[] {
  const boxes = execFileSync("pdftotext", ["-bbox", pdf, "-"], {encoding: "utf8"});
  return [...boxes.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)].map(
    (m) => Number(m[2]) - Number(m[1])
  );
}

/** How far down each page its ink goes, as a share of the page's height (poppler's rendering at 20 dpi). */
function inkDepths(pdf: string, pages: number): number[] {
  const base = pdf.replace(/\.pdf$/, "");
  execFileSync("pdftoppm", ["-r", "20", "-gray", pdf, base]);
  return Array.from({length: pages}, (_, i) => {
    const name = `${base}-${String(i + 1).padStart(String(pages).length, "0")}.pgm`;
    const data = readFileSync(name);
    const header = data
      .subarray(0, 40)
      .toString("latin1")
      .match(/^P5\s+(\d+)\s+(\d+)\s+\d+\s/)!;
    const [width, height] = [Number(header[1]), Number(header[2])];
    const pixels = data.subarray(header[0].length);
    let last = 0;
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (pixels[y * width + x] < 200) last = y;
    return last / height;
  });
}

describe("a printed programme page", () => {
  const dir = mkdtempSync(join(tmpdir(), "programme-print-"));

  it.each(PROGRAMMES.map((p) => programmeSlug(p)))(
    "/programmes/%s: legible charts, no page of leftovers",
    async (slug) => {
      opened = await openPage(`/programmes/${slug}`);
      const {page} = opened;
      await waitForData(page);
      await page.emulateMedia({media: "print"});
      const file = join(dir, `${slug}.pdf`);
      await page.pdf({path: file, format: "A4", printBackground: true, preferCSSPageSize: true});
      const pages = Number(execFileSync("pdfinfo", [file], {encoding: "utf8"}).match(/^Pages:\s+(\d+)/m)![1]);
      expect(pages).toBeGreaterThan(0);
      // 8 pt type gives boxes of about 9,3 pt in DejaVu Sans, Chromium's sans-serif here.
      const heights = wordHeights(file);
      expect(heights.length).toBeGreaterThan(50);
      expect(Math.min(...heights), "le plus petit texte imprimé (pt)").toBeGreaterThanOrEqual(9);
      const depths = inkDepths(file, pages);
      // Every page but the last is filled beyond half its height; the last holds more than a scrap.
      for (const depth of depths.slice(0, -1)) expect(depth).toBeGreaterThan(0.5);
      if (pages > 1) expect(depths[pages - 1], "la dernière page n’est pas presque vide").toBeGreaterThan(0.2);
      // Each page has words of its own (not a chart's lone caption, not a table's last row only).
      for (let i = 1; i <= pages; i++) {
        const text = execFileSync("pdftotext", ["-f", String(i), "-l", String(i), file, "-"], {encoding: "utf8"});
        expect(text.split(/\s+/).filter(Boolean).length, `page ${i}`).toBeGreaterThan(15);
      }
    }
  );
});
