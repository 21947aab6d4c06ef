// A commune selector: a text field that proposes the communes matching what is typed (accents,
// hyphens and « st » ignored, see lib/commune/search), as an ARIA 1.2 combobox with a listbox
// (arrows, Enter, Escape, a click). Used by /carte (highlight a commune), the comparison page, and
// any page that wants to send a reader to a commune.
import {searchCommunes} from "../../lib/commune/search.js";
import {el} from "../ui/dom.js";

export interface PickerCommune {
  code: string;
  nom: string;
}

export interface CommunePickerOptions {
  communes: PickerCommune[];
  label: string;
  /** Called with the chosen commune's code. */
  onSelect: (code: string) => void;
  /** The commune shown at first. */
  value?: string | null;
  placeholder?: string;
  /** Makes the ids unique when a page has several pickers. */
  id?: string;
}

export interface CommunePicker {
  element: HTMLElement;
  /** Shows a commune (or none) without calling onSelect. */
  set(code: string | null): void;
  input: HTMLInputElement;
}

let pickers = 0;

export function communePicker(options: CommunePickerOptions): CommunePicker {
  const {communes, label, onSelect, placeholder = "Nom ou code INSEE"} = options;
  const id = options.id ?? `commune-picker-${++pickers}`;
  const nameOf = (code: string | null | undefined) => communes.find((c) => c.code === code)?.nom ?? "";
  const list = el("ul", {id: `${id}-liste`, role: "listbox", class: "commune-picker-list", "aria-label": label});
  list.hidden = true;
  const status = el("span", {class: "visually-hidden", role: "status", "aria-live": "polite"});
  const input = el("input", {
    id,
    type: "text",
    role: "combobox",
    autocomplete: "off",
    spellcheck: "false",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": list.id,
    placeholder,
    value: nameOf(options.value)
  });
  let matches: PickerCommune[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (index: number) => {
    active = index;
    for (const [i, option] of [...list.children].entries()) option.setAttribute("aria-selected", String(i === index));
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", `${id}-${matches[index].code}`);
      (list.children[index] as HTMLElement).scrollIntoView?.({block: "nearest"});
    } else input.removeAttribute("aria-activedescendant");
  };
  const choose = (commune: PickerCommune) => {
    input.value = commune.nom;
    close();
    status.textContent = `${commune.nom} choisie`;
    onSelect(commune.code);
  };
  const open = () => {
    matches = searchCommunes(communes, input.value);
    list.replaceChildren(
      ...matches.map((c) =>
        el(
          "li",
          {
            id: `${id}-${c.code}`,
            role: "option",
            "aria-selected": "false",
            "data-code": c.code,
            // Before the field's blur, so that the click reaches the option.
            onmousedown: (e: Event) => e.preventDefault(),
            onclick: () => choose(c)
          },
          c.nom
        )
      )
    );
    if (matches.length === 0)
      list.append(el("li", {class: "commune-picker-empty", "aria-disabled": "true"}, "Aucune commune"));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    highlight(matches.length > 0 && input.value.trim() ? 0 : -1);
    status.textContent =
      matches.length === 0
        ? "Aucune commune ne correspond"
        : `${matches.length} commune${matches.length > 1 ? "s" : ""} proposée${matches.length > 1 ? "s" : ""}`;
  };

  input.addEventListener("input", open);
  input.addEventListener("focus", () => input.select());
  input.addEventListener("blur", close);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (list.hidden) open();
      if (matches.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      highlight((active + step + matches.length) % matches.length);
    } else if (event.key === "Enter") {
      if (!list.hidden && active >= 0) {
        event.preventDefault();
        choose(matches[active]);
      }
    } else if (event.key === "Escape") {
      if (!list.hidden) {
        event.preventDefault();
        close();
      }
    }
  });

  const element = el(
    "div",
    {class: "commune-picker"},
    el("label", {for: id}, label),
    el("div", {class: "commune-picker-box"}, input, list),
    status
  );
  return {
    element,
    input,
    set: (code) => {
      input.value = nameOf(code);
      close();
    }
  };
}
