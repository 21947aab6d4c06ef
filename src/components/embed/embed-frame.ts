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

/** Posts the page's height to the parent now and whenever it changes. */
export function postHeight(): void {
  if (window.parent === window) return;
  const post = () =>
    window.parent.postMessage({type: HEIGHT_MESSAGE, height: Math.ceil(document.documentElement.scrollHeight)}, "*");
  new ResizeObserver(post).observe(document.body);
  post();
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
  return el(
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
}
