// Search across every programme's indicators, by the words of their label or section, ignoring
// case and accents (« reseau » finds « Réseaux sociaux »).
import {programmeLabel, programmeSlug} from "../../lib/programmes.js";
import {matchesSearch} from "../../lib/text.js";
import {el} from "../ui/dom.js";
import type {IndicatorSummaryRow} from "../../lib/queries/index.js";
import {programmeHref} from "../../lib/routes.js";

export function searchIndicators(all: IndicatorSummaryRow[], query: string): IndicatorSummaryRow[] {
  if (!query.trim()) return [];
  return all.filter((s) => matchesSearch(`${s.label} ${s.section} ${programmeLabel(s.programme)}`, query));
}

export function searchBox(all: IndicatorSummaryRow[], current: string): HTMLElement {
  const results = el("div", {class: "search-results", "aria-live": "polite"});
  const input = el("input", {
    type: "search",
    id: "indicator-search",
    placeholder: "Ex. : entretiens, alternance, réseaux sociaux",
    autocomplete: "off",
    oninput: () => render()
  });
  const render = () => {
    const found = searchIndicators(all, input.value);
    if (!input.value.trim()) return results.replaceChildren();
    results.replaceChildren(
      el(
        "p",
        {class: "muted"},
        found.length ? `${found.length} indicateur${found.length > 1 ? "s" : ""}` : "Aucun indicateur ne correspond."
      ),
      el(
        "ul",
        {},
        found.slice(0, 30).map((s) => {
          const slug = programmeSlug(s.programme);
          return el(
            "li",
            {"data-indicator": s.indicator},
            el(
              "a",
              {
                href: programmeHref(s.programme, {section: s.section, indicator: s.indicator}),
                "data-drill": slug === current ? "" : null
              },
              s.label
            ),
            el("span", {class: "muted"}, ` — ${programmeLabel(s.programme)} · ${s.section}`)
          );
        })
      )
    );
  };
  return el(
    "div",
    {class: "search", role: "search"},
    el("label", {for: "indicator-search"}, "Rechercher un indicateur"),
    input,
    results
  );
}
