// The new edition's file and year: a file input inside a drop zone (.pdf or .txt), and the year of
// the edition (by default the reference's next). The file is read here, in the page.
import {decodeUtf8} from "../../lib/csv.js";
import {DataError} from "../../lib/errors.js";
import {PdfReadError} from "../../lib/edition/pdf.js";
import {el} from "../ui/dom.js";
import {pdfText} from "./pdf-text.js";

/** A file the page cannot read, said in French. */
export class SourceError extends Error {}

/** The text of a dropped .pdf or .txt file. */
export async function readSource(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new SourceError(`${file.name} : fichier vide`);
  const isPdf = /\.pdf$/i.test(file.name) || new TextDecoder("latin1").decode(bytes.slice(0, 5)) === "%PDF-";
  if (isPdf) {
    try {
      return await pdfText(bytes);
    } catch (error) {
      if (error instanceof PdfReadError) throw new SourceError(`${file.name} : ${error.message}`);
      throw error;
    }
  }
  if (!/\.txt$/i.test(file.name))
    throw new SourceError(`${file.name} : format non pris en charge : .pdf ou .txt attendu`);
  let text: string;
  try {
    text = decodeUtf8(bytes, file.name);
  } catch (error) {
    if (error instanceof DataError)
      throw new SourceError(error.problems.map((p) => `${p.file} : ${p.reason}`).join("\n"));
    throw error;
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  if (!/[\p{L}\p{N}]/u.test(text)) throw new SourceError(`${file.name} : le fichier ne contient aucun texte`);
  return text;
}

export interface SourceInput {
  element: HTMLElement;
  year(): number | undefined;
  setYear(year: number): void;
}

/** The form; calls `onFile` with a chosen or dropped file, `onYear` when the year changes. */
export function sourceInput(
  defaultYear: number,
  onFile: (file: File) => void,
  onYear: (year: number | undefined) => void
): SourceInput {
  const year = el("input", {
    type: "number",
    id: "importer-year",
    min: 1990,
    max: 2100,
    step: 1,
    value: defaultYear,
    inputmode: "numeric"
  });
  const file = el("input", {type: "file", id: "importer-file", accept: ".pdf,.txt,application/pdf,text/plain"});
  const readYear = () => (/^\d{4}$/.test(year.value) ? Number(year.value) : undefined);
  year.addEventListener("change", () => onYear(readYear()));
  file.addEventListener("change", () => {
    if (file.files?.[0]) onFile(file.files[0]);
  });
  const zone = el(
    "div",
    {class: "importer-drop"},
    el("label", {for: "importer-file"}, "Déposez ici le rapport (PDF ou texte), ou choisissez-le : "),
    file,
    el("p", {class: "importer-hint"}, "Le fichier est lu dans ce navigateur : rien n'est envoyé.")
  );
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("importer-drop-over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("importer-drop-over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("importer-drop-over");
    const dropped = e.dataTransfer?.files?.[0];
    if (dropped) onFile(dropped);
  });
  const element = el(
    "div",
    {class: "importer-source"},
    el("p", {class: "importer-year"}, el("label", {for: "importer-year"}, "Année de la nouvelle édition "), year),
    zone
  );
  return {element, year: readYear, setYear: (y) => (year.value = String(y))};
}
