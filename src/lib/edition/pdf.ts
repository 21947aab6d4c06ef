// The text of a laid-out PDF in reading order. pdfjs-dist gives positioned text items; they are cut
// recursively into blocks (XY-cut: a gutter that runs the whole height of a region splits it into
// columns, read left to right; otherwise the widest horizontal gap splits it top to bottom), so that
// two columns never interleave and a key-figure box stays together. Isomorphic: the caller passes
// the pdfjs module (the legacy build in Node, the regular one in a browser).

export interface TextBox {
  str: string;
  /** Left, right, top, bottom, in points from the page's top-left corner. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  size: number;
}

/** Why a PDF cannot be read, in French (the caller names the file). */
export class PdfReadError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "PdfReadError";
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 10;
}

/** The widest empty band along one axis, at least `min` wide: [position of the cut, width]. */
function widestGap(
  boxes: TextBox[],
  lo: (b: TextBox) => number,
  hi: (b: TextBox) => number,
  min: number
): [number, number] | undefined {
  const sorted = [...boxes].sort((a, b) => lo(a) - lo(b));
  let reach = hi(sorted[0]);
  let best: [number, number] | undefined;
  for (const box of sorted.slice(1)) {
    const gap = lo(box) - reach;
    if (gap >= min && (!best || gap > best[1])) best = [reach + gap / 2, gap];
    reach = Math.max(reach, hi(box));
  }
  return best;
}

function joinLine(boxes: TextBox[]): string {
  const sorted = [...boxes].sort((a, b) => a.x0 - b.x0);
  let line = "";
  let previous: TextBox | undefined;
  for (const box of sorted) {
    if (
      previous &&
      box.x0 - previous.x1 > 0.2 * Math.min(box.size, previous.size) &&
      !/\s$/.test(line) &&
      !/^\s/.test(box.str)
    ) {
      line += " ";
    }
    line += box.str;
    previous = box;
  }
  return line.trimEnd();
}

/** Lines of one page's boxes in reading order; "" between blocks. */
export function readingOrder(boxes: TextBox[]): string[] {
  const visible = boxes.filter((b) => b.str.trim() !== "");
  if (!visible.length) return [];
  const size = median(visible.map((b) => b.size));
  const lines: string[] = [];
  const visit = (group: TextBox[]) => {
    const column = widestGap(
      group,
      (b) => b.x0,
      (b) => b.x1,
      1.5 * size
    );
    const row = widestGap(
      group,
      (b) => b.y0,
      (b) => b.y1,
      0.01
    );
    // A gutter that runs through every line of the region: columns.
    if (column) {
      const [at] = column;
      const left = group.filter((b) => b.x1 <= at);
      const right = group.filter((b) => b.x1 > at);
      if (left.length && right.length && spansRows(left, right)) {
        visit(left);
        lines.push("");
        visit(right);
        return;
      }
    }
    if (!row) {
      lines.push(joinLine(group));
      return;
    }
    // A running title or a page number across the gutter hides the columns: set the first or last
    // line apart when the rest then has its gutter (else the widest gap could cut through columns).
    const bands = lineBands(group);
    if (bands.length >= 3) {
      const [first, last] = [bands[0], bands[bands.length - 1]];
      for (const [head, tail] of [
        [first, last],
        [first, []],
        [[], last]
      ]) {
        const body = group.filter((b) => !head.includes(b) && !tail.includes(b));
        const gutter = widestGap(
          body,
          (b) => b.x0,
          (b) => b.x1,
          1.5 * size
        );
        if (
          !gutter ||
          !spansRows(
            body.filter((b) => b.x1 <= gutter[0]),
            body.filter((b) => b.x1 > gutter[0])
          )
        )
          continue;
        // Only a line that runs across the gutter is set apart (not the last line of one column).
        const [mid, width] = gutter;
        const crosses = (band: TextBox[]) => band.some((b) => b.x0 < mid + width / 2 && b.x1 > mid - width / 2);
        if (!head.every(() => crosses(head)) || !tail.every(() => crosses(tail))) continue;
        if (head.length) {
          visit(head);
          lines.push("");
        }
        visit(body);
        if (tail.length) {
          lines.push("");
          visit(tail);
        }
        return;
      }
    }
    const [at, gap] = row;
    visit(group.filter((b) => b.y1 <= at));
    if (gap > 0.8 * size) lines.push("");
    visit(group.filter((b) => b.y1 > at));
  };
  visit(visible);
  return lines;
}

/** The group's boxes in horizontal bands (separated by empty horizontal strips), top to bottom. */
function lineBands(group: TextBox[]): TextBox[][] {
  const sorted = [...group].sort((a, b) => a.y0 - b.y0);
  const bands: TextBox[][] = [];
  let reach = -Infinity;
  for (const box of sorted) {
    if (box.y0 > reach) bands.push([]);
    bands[bands.length - 1].push(box);
    reach = Math.max(reach, box.y1);
  }
  return bands;
}

/** Whether two sides of a gutter each run over more than one line (else it is a wide space in one line). */
function spansRows(left: TextBox[], right: TextBox[]): boolean {
  const height = (g: TextBox[]) => Math.max(...g.map((b) => b.y1)) - Math.min(...g.map((b) => b.y0));
  const size = median([...left, ...right].map((b) => b.size));
  return height(left) > 1.6 * size || height(right) > 1.6 * size;
}

interface PdfTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/** The subset of pdfjs-dist this module uses. */
export interface PdfJs {
  getDocument(source: {data: Uint8Array; isEvalSupported?: boolean; disableFontFace?: boolean; verbosity?: number}): {
    promise: Promise<{
      numPages: number;
      getPage(n: number): Promise<{
        getViewport(options: {scale: number}): {height: number};
        getTextContent(): Promise<{items: unknown[]}>;
      }>;
      destroy(): Promise<void>;
    }>;
  };
}

/** The text of a PDF, page after page, lines in reading order. Throws PdfReadError in French. */
export async function textFromPdf(pdfjs: PdfJs, bytes: Uint8Array): Promise<string> {
  const head = new TextDecoder("latin1").decode(bytes.slice(0, 1024));
  if (!head.includes("%PDF-")) throw new PdfReadError("ce n'est pas un PDF (l'en-tête %PDF- manque)");
  let document;
  try {
    document = await pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      verbosity: 0
    }).promise;
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === "PasswordException")
      throw new PdfReadError(
        "le PDF est chiffré (protégé par un mot de passe) : enregistrez-en une copie sans protection"
      );
    throw new PdfReadError(`PDF illisible (${(error as Error)?.message ?? error})`);
  }
  const pages: string[] = [];
  try {
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const height = page.getViewport({scale: 1}).height;
      const content = await page.getTextContent();
      const boxes: TextBox[] = [];
      for (const raw of content.items as PdfTextItem[]) {
        if (!raw.str || !raw.transform) continue;
        const size = Math.hypot(raw.transform[2], raw.transform[3]) || raw.height || 10;
        const x = raw.transform[4];
        const baseline = height - raw.transform[5];
        boxes.push({
          str: raw.str,
          x0: x,
          x1: x + (raw.width ?? 0),
          y0: baseline - size * 0.8,
          y1: baseline + size * 0.2,
          size
        });
      }
      pages.push(readingOrder(boxes).join("\n"));
    }
  } finally {
    await document.destroy();
  }
  const text = pages.join("\n\n");
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new PdfReadError(
      "le PDF ne contient aucun texte (document scanné ?) : il faut un PDF exporté depuis le logiciel de " +
        "mise en page, ou un fichier .txt"
    );
  }
  return text.replace(/\n{3,}/g, "\n\n") + "\n";
}
