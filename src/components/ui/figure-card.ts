// The report's passage behind a figure, as every card and table shows it (the home page's headline
// cards are in components/home/headline-card.ts).
import {el} from "./dom.js";

/** The report's passage behind a figure, one click away. */
export function sourceDetails(quote: string, label = "Source"): HTMLElement {
  return el(
    "details",
    {class: "source"},
    el("summary", {}, label),
    el("blockquote", {}, `« ${quote} »`),
    el("p", {class: "muted"}, "Passage du rapport d'activité qui publie ce chiffre.")
  );
}
