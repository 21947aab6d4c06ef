// A menu button (WAI-ARIA « menu button » pattern): one « Exporter » button per figure opens a list
// of actions. Enter, Space or ↓ open it on the first item, ↑ on the last; ↑ ↓ Home End move;
// Escape closes it and gives the focus back to the button; Tab or a click elsewhere closes it.
import {el} from "../ui/dom.js";

export interface MenuItem {
  label: string;
  /** For tests and styles (`data-export`). */
  id: string;
  /** A longer description (tooltip). */
  title?: string;
  action: () => void;
}

let menus = 0;

export interface MenuButton {
  root: HTMLElement;
  button: HTMLButtonElement;
  menu: HTMLElement;
  close(returnFocus?: boolean): void;
}

/** `name`: the button's accessible name, read when it gets the focus or the pointer (it may follow the view). */
export function menuButton(label: string, items: MenuItem[], {name}: {name?: () => string} = {}): MenuButton {
  const n = ++menus;
  const button = el(
    "button",
    {
      type: "button",
      class: "export-menu-button",
      id: `export-menu-button-${n}`,
      "aria-haspopup": "menu",
      "aria-expanded": "false",
      "aria-controls": `export-menu-${n}`
    },
    label
  ) as HTMLButtonElement;
  if (name) {
    const rename = () => {
      try {
        button.setAttribute("aria-label", name());
      } catch {
        // The view is not ready yet: the visible label names the button meanwhile.
      }
    };
    button.addEventListener("focus", rename);
    button.addEventListener("pointerenter", rename);
    queueMicrotask(rename);
  }
  const entries = items.map(
    (item) =>
      el(
        "button",
        {type: "button", role: "menuitem", tabindex: "-1", "data-export": item.id, title: item.title ?? null},
        item.label
      ) as HTMLButtonElement
  );
  const menu = el(
    "div",
    {class: "export-menu", id: `export-menu-${n}`, role: "menu", "aria-labelledby": button.id, hidden: true},
    entries
  );
  const root = el("div", {class: "export-menu-wrap"}, button, menu);

  const isOpen = () => !menu.hidden;
  const focusItem = (index: number) => entries[(index + entries.length) % entries.length]?.focus();
  const onOutside = (event: Event) => {
    if (!root.contains(event.target as Node)) close(false);
  };
  function open(index: number): void {
    if (!isOpen()) {
      menu.hidden = false;
      button.setAttribute("aria-expanded", "true");
      document.addEventListener("pointerdown", onOutside, true);
      document.addEventListener("focusin", onOutside, true);
    }
    focusItem(index);
  }
  function close(returnFocus = true): void {
    if (!isOpen()) return;
    menu.hidden = true;
    button.setAttribute("aria-expanded", "false");
    document.removeEventListener("pointerdown", onOutside, true);
    document.removeEventListener("focusin", onOutside, true);
    if (returnFocus) button.focus();
  }

  button.addEventListener("click", () => (isOpen() ? close() : open(0)));
  button.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      open(event.key === "ArrowDown" ? 0 : entries.length - 1);
    } else if (event.key === "Escape" && isOpen()) {
      event.preventDefault();
      close();
    }
  });
  menu.addEventListener("keydown", (event) => {
    const index = entries.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = {ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: entries.length - 1};
    if (event.key in moves) {
      event.preventDefault();
      focusItem(moves[event.key]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      close(false);
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      // Type-ahead: the next item starting with that letter.
      const letter = event.key.toLowerCase();
      const next = entries.findIndex((e, i) => i > index && e.textContent!.toLowerCase().startsWith(letter));
      const first = entries.findIndex((e) => e.textContent!.toLowerCase().startsWith(letter));
      if (next >= 0 || first >= 0) focusItem(next >= 0 ? next : first);
    }
  });
  entries.forEach((entry, i) =>
    entry.addEventListener("click", () => {
      // The menu closes first, so that an action that moves the focus (the embed code) keeps it.
      close();
      items[i].action();
    })
  );
  return {root, button, menu, close};
}
