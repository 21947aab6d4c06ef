// The notebook's commands: run everything, add a cell of each kind, share the link, save and open files.
import {el} from "../ui/dom.js";
import {uid} from "./ids.js";
import type {CellKind} from "../../lib/notebook/notebook.js";

export interface ToolbarActions {
  runAll(): void;
  copyLink(): void;
  downloadSql(): void;
  downloadNotebookKit(): void;
  /** A Markdown page of this site (Framework) with the same cells. */
  downloadPage(): void;
  openFile(file: File): void;
  addCell(kind: CellKind): void;
}

export function toolbar(actions: ToolbarActions): HTMLElement {
  const fileId = uid("notebook-file");
  const file = el("input", {
    type: "file",
    id: fileId,
    class: "visually-hidden",
    accept: ".sql,.html,text/plain,application/sql,text/html"
  });
  file.addEventListener("change", () => {
    const chosen = file.files?.[0];
    if (chosen) actions.openFile(chosen);
    file.value = ""; // the same file can be opened again
  });
  const button = (text: string, onclick: () => void, className = "button-secondary") =>
    el("button", {type: "button", class: className, onclick}, text);
  return el(
    "div",
    {class: "toolbar", role: "group", "aria-label": "Commandes du carnet"},
    button("▶ Tout exécuter", actions.runAll, "button-primary"),
    button("+ SQL", () => actions.addCell("sql")),
    button("+ JavaScript", () => actions.addCell("js")),
    button("+ Markdown", () => actions.addCell("md")),
    el("span", {class: "toolbar-gap", "aria-hidden": "true"}),
    button("Copier le lien", actions.copyLink),
    button("Télécharger le .sql", actions.downloadSql),
    button("Télécharger pour Observable", actions.downloadNotebookKit),
    button("Exporter en page", actions.downloadPage),
    // A real file input, visually replaced by its label: keyboard and screen readers reach it.
    el("span", {class: "file-button"}, file, el("label", {for: fileId, class: "button-secondary"}, "Ouvrir un fichier"))
  );
}
