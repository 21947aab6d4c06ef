// The SQL explorer (/explorer): the notebook, its commands, the example notebooks and the panel of
// tables, on the page's DuckDB-WASM engine. Opens the notebook of the link, else a first cell.
import {el} from "../ui/dom.js";
import {errorMessage} from "../ui/async-block.js";
import type {Engine} from "../engine/db.js";
import {DEFAULT_NOTEBOOK, EXAMPLES} from "../../lib/notebook/examples.js";
import type {NotebookDocument} from "../../lib/notebook/notebook.js";
import {formatNotebookFile, parseNotebookFile} from "../../lib/notebook/sql-file.js";
import type {Territory} from "../../lib/territory.js";
import {registerRenderer} from "./chart-renderers.js";
import {communeMapRenderer} from "./commune-map.js";
import {examplesMenu} from "./examples-menu.js";
import {download} from "../export/download.js";
import {readTextFile} from "./files.js";
import {NotebookView} from "./notebook-view.js";
import {Runner} from "./runner.js";
import {schemaPanel} from "./schema-panel.js";
import {toolbar} from "./toolbar.js";

export interface ExplorerOptions {
  engine: Promise<Engine>;
  /** Commune shapes: with them the commune chart is a map, without them a ranking. */
  territory?: Promise<Territory>;
}

export function explorer({engine, territory}: ExplorerOptions): HTMLElement {
  const runner = new Runner(engine);
  if (territory) registerRenderer("choropleth", communeMapRenderer(territory));
  const announcer = el("p", {class: "visually-hidden", role: "status"});
  const announce = (text: string) => {
    // Same text twice in a row must be heard twice.
    announcer.textContent = "";
    requestAnimationFrame(() => (announcer.textContent = text));
  };
  const messages = el("div", {class: "explorer-messages"});
  const showProblem = (title: string, detail: string) =>
    messages.replaceChildren(
      el("div", {class: "error-box", role: "alert"}, el("strong", {}, title), el("p", {}, detail), el("button", {type: "button", class: "button-small", onclick: () => messages.replaceChildren()}, "Fermer"))
    );

  const engineStatus = el("p", {class: "engine-status", "aria-busy": "true"}, el("span", {class: "spinner", "aria-hidden": "true"}), "Démarrage du moteur DuckDB (quelques secondes)…");
  runner.ready.then(
    () => {
      engineStatus.replaceChildren(el("span", {class: "engine-dot", "aria-hidden": "true"}), "Moteur DuckDB prêt · données en lecture seule");
      engineStatus.setAttribute("aria-busy", "false");
    },
    (error) => {
      engineStatus.replaceChildren(errorMessage(error));
      engineStatus.setAttribute("aria-busy", "false");
    }
  );

  const communeNames = new Map<string, string>();
  let view: NotebookView;
  const schema = schemaPanel({runner, onInsert: (text) => view.insert(text)});
  const schemaReady = schema.refresh().then(async (tables) => {
    // Commune names label the commune chart, when the data has a commune table with names.
    const communes = tables.find((t) => t.origin === "base" && t.name === "communes");
    if (communes && ["code", "nom"].every((c) => communes.columns.some((col) => col.name === c))) {
      for (const row of await runner.query<{code: string; nom: string}>("SELECT code, nom FROM communes")) communeNames.set(row.code, row.nom);
    }
  });
  view = new NotebookView({runner, schema, schemaReady, communeNames, announce});

  const open = async (doc: NotebookDocument, what: string) => {
    messages.replaceChildren();
    announce(`${what} ouvert : ${doc.cells.length} cellule${doc.cells.length > 1 ? "s" : ""}.`);
    await view.load(doc, {history: "push"});
  };

  const bar = toolbar({
    runAll: () => void view.runAll(),
    addCell: () => view.add(view.document().cells.length, "", true),
    copyLink: async () => {
      await view.writeUrl();
      try {
        await navigator.clipboard.writeText(location.href);
        announce("Lien du carnet copié : il rouvre ces cellules et les exécute.");
      } catch {
        // No clipboard (permissions, http): the link is in the address bar; say so.
        announce("Copie impossible ici : le lien du carnet est dans la barre d'adresse.");
      }
    },
    downloadSql: () => download(formatNotebookFile(view.document()), "carnet-mno.sql", "application/sql;charset=utf-8"),
    openFile: async (file) => {
      try {
        await open(parseNotebookFile(await readTextFile(file)), `Fichier « ${file.name} »`);
      } catch (error) {
        showProblem("Le fichier n'a pas pu être ouvert.", `${file.name} : ${(error as Error).message}.`);
      }
    }
  });

  const restore = async () => {
    let doc: NotebookDocument = DEFAULT_NOTEBOOK;
    try {
      doc = (await NotebookView.fromLocation()) ?? DEFAULT_NOTEBOOK;
    } catch (error) {
      showProblem("Le lien ne contient pas un carnet lisible.", `${(error as Error).message} : le carnet de départ est ouvert à la place.`);
    }
    await view.load(doc, {history: "none"});
  };
  // Back and forward go through the notebooks opened (examples, files).
  addEventListener("popstate", () => void restore());
  restore();

  return el(
    "div",
    {class: "explorer"},
    el("div", {class: "explorer-bar"}, engineStatus, bar),
    messages,
    examplesMenu(EXAMPLES, (example) => void open(example.notebook, `Exemple « ${example.title} »`)),
    el("div", {class: "explorer-layout"}, view.element, schema.element),
    announcer
  );
}
