// A block of a page whose content arrives later (DuckDB takes a second to start): it shows a
// visible loading state, then the content, or an error in words — never a blank.
import {el} from "./dom.js";

export interface AsyncBlockOptions {
  /** Shown while waiting (« Chargement des données… »). */
  loading?: string;
  /** Content available at once (rendered at build time), replaced when the promise resolves. */
  initial?: Node | null;
  /** Accessible name of the region. */
  label?: string;
}

export function errorMessage(error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  return el(
    "div",
    {class: "error-box", role: "alert"},
    el("strong", {}, "Les données n'ont pas pu être chargées."),
    el("p", {}, message),
    el("p", {}, "Rechargez la page ; si le problème persiste, signalez-le avec ce message.")
  );
}

/** Attributes that differ each time the same content is drawn (menus number their ids). */
const GENERATED = ["id", "aria-labelledby", "aria-controls", "aria-describedby", "for"];

/** Whether two renderings are the same content, whatever ids each drawing generated. */
export function sameContent(a: Node, b: Node): boolean {
  const strip = (node: Node) => {
    const copy = node.cloneNode(true);
    const elements = copy instanceof Element ? [copy, ...copy.querySelectorAll("*")] : [];
    if (copy instanceof DocumentFragment) elements.push(...copy.querySelectorAll("*"));
    for (const element of elements) for (const name of GENERATED) element.removeAttribute(name);
    return copy;
  };
  return strip(a).isEqualNode(strip(b));
}

/** A region that shows `initial` (or a loading message), then what `content` resolves to. */
export function asyncBlock(
  content: Promise<Node>,
  {loading = "Chargement des données…", initial = null, label}: AsyncBlockOptions = {}
): HTMLElement {
  const block = el("div", {
    class: "async-block",
    "aria-busy": "true",
    "aria-label": label,
    "data-source": initial ? "build" : "pending"
  });
  // As drawn, before the reader opens a menu in it or a popover changes it.
  const pristine = initial?.cloneNode(true) ?? null;
  block.append(initial ?? el("p", {class: "loading"}, el("span", {class: "spinner", "aria-hidden": "true"}), loading));
  content.then(
    (node) => {
      // The same content rendered again is not swapped in: nothing moves under the reader's eyes, and
      // a menu the reader has opened meanwhile stays open.
      if (!pristine || !sameContent(pristine, node)) block.replaceChildren(node);
      block.dataset.source = "duckdb";
      block.setAttribute("aria-busy", "false");
    },
    (error) => {
      // A build-time view stays useful when the engine fails: keep it and say so.
      block.replaceChildren(...(initial ? [initial] : []), errorMessage(error));
      block.dataset.source = initial ? "build" : "error";
      block.setAttribute("aria-busy", "false");
    }
  );
  return block;
}
