// A quoted passage with its figure marked: text nodes and <mark> elements only, so that whatever
// the report (or a hostile file) holds renders as text.
import {highlightPieces} from "../../lib/edition/highlight.js";
import {el} from "../ui/dom.js";

export function passage(quote: string, value: string): HTMLElement {
  if (!quote) return el("p", {class: "importer-passage importer-none"}, "aucun passage trouvé");
  const pieces = highlightPieces(quote, value).map((p) => (p.mark ? el("mark", {}, p.text) : p.text));
  return el("blockquote", {class: "importer-passage"}, ...pieces);
}
