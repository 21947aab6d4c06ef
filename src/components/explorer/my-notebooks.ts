// « Mes carnets »: save the notebook in this browser under a name, then list, open, rename and
// delete the saved ones. Nothing leaves the browser (localStorage of this site).
import {el} from "../ui/dom.js";
import type {NotebookDocument} from "../../lib/notebook/notebook.js";
import {deleteSaved, listSaved, openSaved, renameSaved, saveNotebook} from "../../lib/notebook/saved.js";
import {uid} from "./ids.js";

export interface MyNotebooksOptions {
  current(): NotebookDocument;
  open(doc: NotebookDocument, title: string): void;
  /** The notebook on screen was saved under this title (it names the downloaded files). */
  saved(title: string): void;
  announce(message: string): void;
}

const DATE = new Intl.DateTimeFormat("fr-FR", {dateStyle: "short", timeStyle: "short"});

export function myNotebooks({current, open, saved: onSaved, announce}: MyNotebooksOptions): HTMLElement {
  const nameId = uid("carnet-nom");
  const name = el("input", {
    type: "text",
    id: nameId,
    maxlength: 120,
    placeholder: "ex. PLIE par commune",
    autocomplete: "off"
  });
  const list = el("ul", {class: "saved-list"});
  const message = el("p", {class: "saved-message", role: "status"});
  const say = (text: string) => {
    message.textContent = text;
    announce(text);
  };
  const attempt = (action: () => void) => {
    try {
      action();
    } catch (error) {
      say(`Impossible : ${(error as Error).message}.`);
    }
  };

  const render = () => {
    const saved = listSaved(localStorage);
    list.replaceChildren(
      ...(saved.length
        ? saved.map((entry) => {
            const title = el("span", {class: "saved-title"}, entry.title);
            const openButton = el(
              "button",
              {type: "button", class: "button-small", "aria-label": `Ouvrir « ${entry.title} »`},
              "Ouvrir"
            );
            const renameButton = el(
              "button",
              {type: "button", class: "button-small", "aria-label": `Renommer « ${entry.title} »`},
              "Renommer"
            );
            const deleteButton = el(
              "button",
              {type: "button", class: "button-small danger", "aria-label": `Supprimer « ${entry.title} »`},
              "Supprimer"
            );
            const item = el(
              "li",
              {},
              title,
              el("span", {class: "muted saved-date"}, DATE.format(new Date(entry.saved))),
              openButton,
              renameButton,
              deleteButton
            );
            openButton.addEventListener("click", () =>
              attempt(() => {
                const {title: t, notebook} = openSaved(localStorage, entry.id);
                name.value = t;
                open(notebook, t);
              })
            );
            renameButton.addEventListener("click", () => {
              const inputId = uid("renommer");
              const input = el("input", {type: "text", id: inputId, value: entry.title, maxlength: 120});
              const ok = el("button", {type: "button", class: "button-small"}, "Valider");
              const form = el(
                "span",
                {class: "saved-rename"},
                el("label", {for: inputId, class: "visually-hidden"}, `Nouveau nom de « ${entry.title} »`),
                input,
                ok
              );
              const done = () =>
                attempt(() => {
                  renameSaved(localStorage, entry.id, input.value);
                  if (name.value.trim() === entry.title) {
                    name.value = input.value.trim();
                    onSaved(name.value);
                  }
                  render();
                  say(`Carnet renommé « ${input.value.trim()} ».`);
                });
              ok.addEventListener("click", done);
              input.addEventListener("keydown", (e) => {
                if (e.key === "Enter") done();
                if (e.key === "Escape") render();
              });
              title.replaceWith(form);
              input.focus();
              input.select();
            });
            deleteButton.addEventListener("click", () =>
              attempt(() => {
                deleteSaved(localStorage, entry.id);
                render();
                say(`Carnet « ${entry.title} » supprimé de ce navigateur.`);
              })
            );
            return item;
          })
        : [el("li", {class: "muted"}, "Aucun carnet enregistré dans ce navigateur.")])
    );
  };

  const save = el("button", {type: "button", class: "button-secondary"}, "Enregistrer");
  save.addEventListener("click", () =>
    attempt(() => {
      const saved = saveNotebook(localStorage, name.value, current());
      onSaved(saved.title);
      render();
      say(`Carnet « ${saved.title} » enregistré dans ce navigateur.`);
    })
  );
  name.addEventListener("keydown", (e) => {
    if (e.key === "Enter") save.click();
  });
  render();
  return el(
    "details",
    {class: "my-notebooks"},
    el("summary", {}, "Mes carnets"),
    el("p", {class: "muted"}, "Enregistrés dans ce navigateur seulement : ils ne quittent pas votre ordinateur."),
    el("div", {class: "saved-form"}, el("label", {for: nameId}, "Nom du carnet"), name, save),
    message,
    list
  );
}
