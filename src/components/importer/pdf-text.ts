// The text of a dropped PDF, read in the page by pdfjs-dist (loaded on the first PDF only). Its
// worker is served from the site (scripts/fill-npm-cache.ts copies it into Framework's npm cache):
// nothing is uploaded, nothing is fetched from elsewhere.
import {type PdfJs, textFromPdf} from "../../lib/edition/pdf.js";

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await import("npm:pdfjs-dist");
  pdfjs.GlobalWorkerOptions.workerSrc = import.meta.resolve("npm:pdfjs-dist/build/pdf.worker.min.js");
  return textFromPdf(pdfjs as unknown as PdfJs, bytes);
}
