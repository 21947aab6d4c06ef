// The glossary in pages: every term of src/lib/glossary.ts found in a page's text (headings, cards,
// tables, the map's page, commune pages) becomes a button — once per card, table, figure or heading
// — that opens its definition in a popover: on a click or a tap, and on keyboard focus; Escape or a
// click elsewhere closes it. Loaded on every page but embeds (src/lib/site-chrome.ts). Only text
// nodes are cut (the term's text stays the button's text, nothing is parsed as HTML), never inside
// SVG (charts and maps, which the exports copy), links, buttons, form fields, code, quotes of the
// report or menus; the one popover lives at the end of <body>, so no definition enters a card's,
// a table's or an export's text.
import {type GlossaryEntry, findTerms} from "../../lib/glossary.js";

/** Where terms are not marked. */
const SKIP =
  "svg, a, button, input, select, textarea, label, legend, summary, option, script, style, code, pre, " +
  "blockquote, details, [role=option], [role=listbox], [role=menu], [role=img], [contenteditable], .map-tooltip, " +
  ".commune-picker, .explorer, .notebook, .importer, .no-glossary, .cm-editor";

/** Each term is marked once per such block (else once per page). */
const SCOPE = "article, table, figure, header, h1, h2, h3, .hero, .figure-card, .map-view";

const POPOVER_ID = "glossary-popover";

let popover: HTMLElement | null = null;
let openedBy: HTMLButtonElement | null = null;
/** Focus given back by Escape: it must not reopen the popover. */
let refocusing = false;
const marked = new WeakMap<Element, Map<GlossaryEntry, HTMLElement>>();

function popoverElement(): HTMLElement {
  if (popover) return popover;
  popover = document.createElement("div");
  popover.id = POPOVER_ID;
  popover.className = "glossary-popover";
  popover.setAttribute("role", "tooltip");
  popover.hidden = true;
  document.body.append(popover);
  return popover;
}

function fill(entry: GlossaryEntry): void {
  const box = popoverElement();
  const title = document.createElement("strong");
  title.textContent = entry.expansion ? `${entry.term} : ${entry.expansion}` : `« ${entry.term} »`;
  const text = document.createElement("p");
  text.textContent = entry.definition;
  box.replaceChildren(title, text);
}

function place(button: HTMLElement): void {
  const box = popoverElement();
  const rect = button.getBoundingClientRect();
  const margin = 8;
  const width = Math.min(320, document.documentElement.clientWidth - 2 * margin);
  box.style.width = `${width}px`;
  const left = Math.min(
    Math.max(margin, rect.left + rect.width / 2 - width / 2),
    document.documentElement.clientWidth - width - margin
  );
  box.style.left = `${left + scrollX}px`;
  box.style.top = `${rect.bottom + scrollY + 6}px`;
}

function open(button: HTMLButtonElement, entry: GlossaryEntry): void {
  if (openedBy && openedBy !== button) close();
  fill(entry);
  const box = popoverElement();
  box.hidden = false;
  place(button);
  openedBy = button;
  button.setAttribute("aria-expanded", "true");
  button.setAttribute("aria-describedby", POPOVER_ID);
}

function close(): void {
  if (!openedBy) return;
  openedBy.setAttribute("aria-expanded", "false");
  openedBy.removeAttribute("aria-describedby");
  openedBy = null;
  if (popover) popover.hidden = true;
}

function termButton(text: string, entry: GlossaryEntry): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "glossary-term";
  button.textContent = text;
  button.dataset.term = entry.term;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", POPOVER_ID);
  button.title = entry.expansion ?? "Définition";
  button.addEventListener("click", (event) => {
    event.stopPropagation();
    if (openedBy === button && button.dataset.openedOnFocus !== "now") close();
    else open(button, entry);
    delete button.dataset.openedOnFocus;
  });
  button.addEventListener("focus", () => {
    // Opened on keyboard focus; a click's own focus is followed by the click, which must not close it.
    if (!refocusing && button.matches(":focus-visible")) {
      open(button, entry);
      button.dataset.openedOnFocus = "now";
      setTimeout(() => delete button.dataset.openedOnFocus, 400);
    }
  });
  button.addEventListener("blur", () => {
    if (openedBy === button) close();
  });
  return button;
}

/** Marks the terms of one text node (the first of each term in its block only). */
function markText(node: Text, root: Element): void {
  const parent = node.parentElement;
  if (!parent || parent.closest(SKIP)) return;
  const text = node.data;
  if (!/\p{L}/u.test(text)) return;
  const pieces = findTerms(text);
  if (!pieces.some((p) => p.entry)) return;
  const scope = parent.closest(SCOPE) ?? root;
  let done = marked.get(scope);
  if (!done) marked.set(scope, (done = new Map()));
  const parts: Node[] = [];
  const here = new Set<GlossaryEntry>();
  let changed = false;
  for (const piece of pieces) {
    const previous = piece.entry ? done.get(piece.entry) : undefined;
    const shown = piece.entry && (here.has(piece.entry) || (previous?.isConnected && scope.contains(previous)));
    if (piece.entry && !shown) {
      here.add(piece.entry);
      const button = termButton(piece.text, piece.entry);
      done.set(piece.entry, button);
      parts.push(button);
      changed = true;
    } else parts.push(document.createTextNode(piece.text));
  }
  if (changed) node.replaceWith(...parts);
}

/** Marks the glossary's terms under `root`. */
export function markGlossaryTerms(root: Element): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) markText(node, root);
}

/** Marks the page's terms now and whenever the page draws more (cards, tables, a new view). */
export function watchGlossary(root: Element): void {
  let pending = false;
  const run = () => {
    pending = false;
    observer.disconnect();
    markGlossaryTerms(root);
    observer.observe(root, {childList: true, subtree: true, characterData: true});
  };
  const observer = new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(run);
  });
  run();
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && openedBy) {
      const button = openedBy;
      close();
      refocusing = true;
      button.focus({preventScroll: true});
      refocusing = false;
    }
  });
  document.addEventListener("click", (event) => {
    if (openedBy && !popover?.contains(event.target as Node)) close();
  });
  addEventListener("resize", () => openedBy && place(openedBy));
}

if (typeof document !== "undefined" && !document.documentElement.dataset.noGlossary) {
  const start = () => {
    const main = document.getElementById("observablehq-main") ?? document.querySelector("main");
    if (main) watchGlossary(main);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
