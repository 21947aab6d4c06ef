// The test edition as a laid-out PDF (pdfkit, DejaVu Sans): A4 pages with a full-width running
// title, two columns of text, key figures (a number alone on its line) drawn large in a framed box
// with their label (above or below it), long lines wrapped by the layout, and a page number at the foot.
import {existsSync} from "node:fs";
import PDFDocument from "pdfkit";

const FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
const PAGE = {width: 595.28, height: 841.89, margin: 48, gutter: 22, header: 70, footer: 60};

export async function renderPdf(text: string, title: string): Promise<Uint8Array> {
  for (const font of [FONT, BOLD])
    if (!existsSync(font)) throw new Error(`police introuvable : ${font} (paquet fonts-dejavu-core)`);
  const doc = new PDFDocument({size: "A4", margin: PAGE.margin, autoFirstPage: false, info: {Title: title}});
  doc.registerFont("body", FONT);
  doc.registerFont("bold", BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on("end", () => resolve()));

  const columnWidth = (PAGE.width - 2 * PAGE.margin - PAGE.gutter) / 2;
  const top = PAGE.margin + PAGE.header;
  const bottom = PAGE.height - PAGE.footer;
  let page = 0;
  let column = 0;
  let y = top;
  let boxes = 0;
  const newPage = () => {
    doc.addPage();
    page++;
    column = 0;
    y = top;
    doc
      .font("bold")
      .fontSize(14)
      .text(title, PAGE.margin, PAGE.margin, {width: PAGE.width - 2 * PAGE.margin, lineBreak: false});
    // Below the bottom margin pdfkit would open a new page for the number: lift the margin meanwhile.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("body")
      .fontSize(8)
      .text(String(page), PAGE.width / 2 - 10, PAGE.height - PAGE.margin, {
        width: 20,
        align: "center",
        lineBreak: false
      });
    doc.page.margins.bottom = margin;
  };
  const x = () => PAGE.margin + column * (columnWidth + PAGE.gutter);
  const room = (height: number) => {
    if (y + height <= bottom) return;
    if (column === 0) {
      column = 1;
      y = top;
    } else newPage();
  };
  newPage();

  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "") {
      y += 5;
      continue;
    }
    // A key figure: a number (with « % ») alone on its line, then its label: a framed box.
    if (/^[+\-]?[\d\s\u202f]+(,\d+)?\s*%?$/u.test(line) && line.replace(/\D/g, "").length > 0) {
      const label: string[] = [];
      // Its label: the next lines (the text file may put a blank line inside a box), up to the next figure.
      let k = i + 1;
      for (; k < lines.length && label.length < 3; k++) {
        const next = lines[k].trim();
        if (next === "") {
          if (lines[k + 1]?.trim() === "" || label.length >= 2) break;
          continue;
        }
        if (/^[+\-]?\d/u.test(next)) break;
        label.push(next);
      }
      doc.font("body").fontSize(9);
      const labelHeight = label.reduce((h, l) => h + doc.heightOfString(l, {width: columnWidth - 16}), 0);
      const height = 30 + labelHeight + 10;
      room(height);
      doc.rect(x(), y, columnWidth, height).lineWidth(0.8).stroke("#2a6f97");
      // One box in three prints its label above the figure, as designers do.
      const labelFirst = ++boxes % 3 === 0;
      const figureY = labelFirst ? y + 8 + labelHeight : y + 6;
      doc
        .font("bold")
        .fontSize(20)
        .fillColor("#2a6f97")
        .text(line, x() + 8, figureY, {width: columnWidth - 16, lineBreak: false});
      doc.font("body").fontSize(9).fillColor("black");
      let ly = labelFirst ? y + 6 : y + 32;
      for (const l of label) {
        doc.text(l, x() + 8, ly, {width: columnWidth - 16});
        ly += doc.heightOfString(l, {width: columnWidth - 16});
      }
      y += height + 8;
      i = k - 1;
      continue;
    }
    doc.font("body").fontSize(9).fillColor("black");
    const height = doc.heightOfString(line, {width: columnWidth});
    room(height);
    doc.text(line, x(), y, {width: columnWidth});
    y += height + 1;
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
