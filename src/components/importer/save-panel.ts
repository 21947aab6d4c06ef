// The three files of data/reports/<année>/, one download each, made from the review as it stands.
import {download} from "../export/download.js";
import {el} from "../ui/dom.js";

export interface SavedFiles {
  year: number;
  indicators(): string;
  text(): string;
  coherence(): string;
}

export function savePanel(files: SavedFiles): HTMLElement {
  const button = (name: string, content: () => string, type: string) =>
    el("button", {type: "button", onclick: () => download(content(), name, type)}, `Télécharger ${name}`);
  return el(
    "div",
    {class: "importer-save"},
    el(
      "p",
      {},
      "Enregistrez les trois fichiers dans ",
      el("code", {}, `data/reports/${files.year}/`),
      ", puis lancez ",
      el("code", {}, "npm run check:data"),
      "."
    ),
    el(
      "p",
      {class: "importer-buttons"},
      button("indicateurs.csv", files.indicators, "text/csv;charset=utf-8"),
      button("rapport.txt", files.text, "text/plain;charset=utf-8"),
      button("coherence.json", files.coherence, "application/json")
    )
  );
}
