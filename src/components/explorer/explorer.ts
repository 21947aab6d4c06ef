// The SQL explorer (/explorer): the notebook, its commands, the example notebooks and the panel of
// tables, on the page's DuckDB-WASM engine. Opens the notebook of the link, else a first cell.
import {el} from "../ui/dom.js";
import {errorMessage} from "../ui/async-block.js";
import type {Engine} from "../engine/db.js";
import {DEFAULT_NOTEBOOK, EXAMPLES} from "../../lib/notebook/examples.js";
import type {NotebookDocument} from "../../lib/notebook/notebook.js";
import {formatNotebookFile, parseNotebookFile} from "../../lib/notebook/sql-file.js";
import {formatNotebookKit, parseNotebookKit} from "../../lib/notebook/notebook-kit.js";
import {notebookPage, pageFileName} from "../../lib/notebook/page-export.js";
import {myNotebooks} from "./my-notebooks.js";
import type {Territory} from "../../lib/territory.js";
import {registerRenderer} from "./chart-renderers.js";
import {communeMapRenderer} from "./commune-map.js";
import {examplesMenu} from "./examples-menu.js";
import {download} from "../export/download.js";
import {readTextFile} from "./files.js";
import {type NotebookOrigin, NotebookView} from "./notebook-view.js";
import {installFramePolicy} from "./sandbox.js";
import {Runner} from "./runner.js";
import {schemaPanel} from "./schema-panel.js";
import {toolbar} from "./toolbar.js";

export interface ExplorerOptions {
  engine: Promise<Engine>;
  /** Commune shapes: with them the commune chart is a map, without them a ranking. */
  territory?: Promise<Territory>;
}

export function explorer({engine, territory}: ExplorerOptions): HTMLElement {
  installFramePolicy();
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
      el(
        "div",
        {class: "error-box", role: "alert"},
        el("strong", {}, title),
        el("p", {}, detail),
        el("button", {type: "button", class: "button-small", onclick: () => messages.replaceChildren()}, "Fermer")
      )
    );

  const engineStatus = el(
    "p",
    {class: "engine-status", "aria-busy": "true"},
    el("span", {class: "spinner", "aria-hidden": "true"}),
    "Démarrage du moteur DuckDB (quelques secondes)…"
  );
  runner.ready.then(
    () => {
      engineStatus.replaceChildren(
        el("span", {class: "engine-dot", "aria-hidden": "true"}),
        "Moteur DuckDB prêt · données en lecture seule"
      );
      engineStatus.setAttribute("aria-busy", "false");
    },
    (error) => {
      engineStatus.replaceChildren(errorMessage(error));
      engineStatus.setAttribute("aria-busy", "false");
    }
  );

  const communeNames = new Map<string, string>();
  // The schema panel inserts into the notebook view, made below from the panel (read when clicked).
  const schema = schemaPanel({runner, onInsert: (text) => view.insert(text)});
  const schemaReady = schema.refresh().then(async (tables) => {
    // Commune names label the commune chart, when the data has a commune table with names.
    const communes = tables.find((t) => t.origin === "base" && t.name === "communes");
    if (communes && ["code", "nom"].every((c) => communes.columns.some((col) => col.name === c))) {
      for (const row of await runner.query<{code: string; nom: string}>("SELECT code, nom FROM communes"))
        communeNames.set(row.code, row.nom);
    }
  });
  const view = new NotebookView({runner, schema, schemaReady, communeNames, announce});

  const open = async (doc: NotebookDocument, what: string, origin: NotebookOrigin) => {
    messages.replaceChildren();
    announce(`${what} ouvert : ${doc.cells.length} cellule${doc.cells.length > 1 ? "s" : ""}.`);
    await view.load(doc, {history: "push", origin});
  };

  // The notebook's title, for the Notebook Kit file (the name it was saved or opened under).
  let title = "Carnet de l'Observatoire MNO";
  const bar = toolbar({
    runAll: () => void view.runAll(),
    addCell: (kind) => view.add(view.document().cells.length, kind, "", true),
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
    downloadNotebookKit: () =>
      download(formatNotebookKit(view.document(), title), "carnet-mno.html", "text/html;charset=utf-8"),
    downloadPage: () =>
      download(
        notebookPage(view.document(), {title, date: new Date().toLocaleDateString("fr-FR")}),
        pageFileName(title),
        "text/markdown;charset=utf-8"
      ),
    openFile: async (file) => {
      try {
        const text = await readTextFile(file);
        if (/\.html?$/i.test(file.name) || /<notebook[\s>]/i.test(text)) {
          const kit = parseNotebookKit(text, (html) => new DOMParser().parseFromString(html, "text/html"));
          title = kit.title;
          await open(kit.notebook, `Carnet « ${kit.title} »`, "file");
          if (kit.skipped.length) {
            showProblem(
              "Des cellules n'ont pas été reprises.",
              `${kit.skipped.length} cellule(s) de type ${[...new Set(kit.skipped)].join(", ")}, ` +
                "que l'explorateur n'exécute pas."
            );
          }
          return;
        }
        await open(parseNotebookFile(text), `Fichier « ${file.name} »`, "file");
      } catch (error) {
        showProblem("Le fichier n'a pas pu être ouvert.", `${file.name} : ${(error as Error).message}.`);
      }
    }
  });

  const restore = async () => {
    let doc: NotebookDocument | null = null;
    try {
      doc = await NotebookView.fromLocation();
    } catch (error) {
      showProblem(
        "Le lien ne contient pas un carnet lisible.",
        `${(error as Error).message} : le carnet de départ est ouvert à la place.`
      );
    }
    // A shared link's queries may be heavy: they start once the page is drawn and idle, where each
    // running cell shows its « Annuler ». The address keeps the link as it came (history "none").
    if (doc) await pageIdle();
    await view.load(doc ?? DEFAULT_NOTEBOOK, {history: "none", origin: doc ? "link" : "example"});
  };
  // Back and forward go through the notebooks opened (examples, files).
  addEventListener("popstate", () => void restore());
  void restore();

  return el(
    "div",
    {class: "explorer"},
    el("div", {class: "explorer-bar"}, engineStatus, bar),
    messages,
    myNotebooks({
      current: () => view.document(),
      open: (doc, name) => {
        title = name;
        void open(doc, `Carnet « ${name} »`, "mine");
      },
      saved: (name) => (title = name),
      announce
    }),
    examplesMenu(EXAMPLES, (example) => void open(example.notebook, `Exemple « ${example.title} »`, "example")),
    el("div", {class: "explorer-layout"}, view.element, schema.element),
    announcer
  );
}

/** Resolves when the page has nothing else to do (at the latest after one second). */
function pageIdle(): Promise<void> {
  return new Promise((resolve) => {
    if ("requestIdleCallback" in window) requestIdleCallback(() => resolve(), {timeout: 1000});
    else setTimeout(resolve, 200);
  });
}
