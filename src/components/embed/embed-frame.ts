// What every /embed/… page shares: no site chrome, a light or dark appearance (?apparence=sombre),
// a title, a link back to the full view, and its height posted to the parent page so that an
// iframe can size itself.
import {el} from "../ui/dom.js";
import {latestSourceLine} from "../ui/edition.js";
import {HEIGHT_MESSAGE} from "../export/embed-code.js";

export function applyAppearance(params = new URLSearchParams(location.search)): "clair" | "sombre" {
  const appearance = params.get("apparence") === "sombre" ? "sombre" : "clair";
  document.documentElement.dataset.appearance = appearance;
  return appearance;
}

/**
 * The content's own height: the document's scrollHeight never drops below the iframe's, so an
 * iframe sized from it could grow but never shrink.
 */
export function contentHeight(): number {
  const style = getComputedStyle(document.body);
  return Math.ceil(
    document.body.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom)
  );
}

let posting = false;

/** Posts the content's height to the parent now and whenever it changes, up or down. */
export function postHeight(): void {
  if (window.parent === window || posting) return;
  posting = true;
  let last = -1;
  const post = () => {
    const height = contentHeight();
    if (height === last) return;
    last = height;
    window.parent.postMessage({type: HEIGHT_MESSAGE, height}, "*");
  };
  new ResizeObserver(post).observe(document.body);
  post();
}

/**
 * Every link of the embed, now and later (a map redrawn), opens in a new tab; `data-embed` on the
 * root tells components that navigate by script (the map's circles) to do the same.
 */
function linksInNewTab(root: HTMLElement): void {
  document.documentElement.dataset.embed = "true";
  const mark = () => {
    for (const a of root.querySelectorAll("a[href]")) {
      a.setAttribute("target", "_blank");
      a.setAttribute("rel", "noopener");
    }
  };
  new MutationObserver(mark).observe(root, {childList: true, subtree: true});
  mark();
}

/** What an embed shows instead of its figure when the URL asks for one the data lacks. */
export function embedError(message: string): HTMLElement {
  queueMicrotask(postHeight);
  return el("p", {class: "error-box", role: "alert"}, message);
}

export interface EmbedFrameOptions {
  title: string;
  subtitle?: string;
  content: Node;
  /** The same figure on the site. */
  fullHref: string;
}

export function embedFrame({title, subtitle, content, fullHref}: EmbedFrameOptions): HTMLElement {
  queueMicrotask(postHeight);
  const frame = el(
    "div",
    {class: "embed-frame"},
    el("h1", {class: "embed-title"}, title),
    subtitle ? el("p", {class: "embed-subtitle"}, subtitle) : null,
    content,
    el(
      "p",
      {class: "embed-footer"},
      `${latestSourceLine()} · `,
      el("a", {href: fullHref, target: "_blank", rel: "noopener"}, "Voir sur l’Observatoire MNO")
    )
  );
  linksInNewTab(frame);
  return frame;
}
