// Search across every programme's indicators, as an ARIA combobox (the APG « list autocomplete »
// pattern): typing lists the matches (tolerant of typos and accents, src/lib/programme/search.ts),
// ↓ and ↑ move through them while the focus stays in the field, Enter opens the one chosen, Escape
// closes the list (a second Escape empties the field), and the list closes after a choice.
import {programmeLabel} from "../../lib/programmes.js";
import {indicatorSearch, type SearchHit} from "../../lib/programme/search.js";
import {el} from "../ui/dom.js";
import {withUnit} from "../../lib/format.js";
import type {IndicatorSummaryRow} from "../../lib/queries/index.js";
import {programmeHref} from "../../lib/routes.js";

export interface SearchBoxOptions {
  /** The programme of the page: its indicators open in place. */
  current: string;
  /** Opens a result (`sameProgramme`: a level of this page, else another programme's page). */
  navigate: (href: string, sameProgramme: boolean) => void;
}

/** Results listed at most; the count says how many match. */
const SHOWN = 30;
const ID = "indicator-search";

export function searchBox(all: IndicatorSummaryRow[], {current, navigate}: SearchBoxOptions): HTMLElement {
  const search = indicatorSearch(all);
  let hits: SearchHit[] = [];
  let active = -1;

  const status = el("p", {class: "search-status muted", role: "status", "aria-live": "polite"});
  const list = el("ul", {
    id: `${ID}-results`,
    class: "search-results",
    role: "listbox",
    "aria-label": "Indicateurs trouvés",
    hidden: true
  });
  const input = el("input", {
    type: "search",
    id: ID,
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": list.id,
    placeholder: "Ex. : entretiens, alternance, jeunes femmes",
    autocomplete: "off",
    spellcheck: "false"
  });

  const options = () => [...list.querySelectorAll<HTMLElement>('[role="option"]')];
  /** Marks the option at `index` (wrapping round), or none. */
  const setActive = (index: number | null) => {
    const all = options();
    active = index === null || !all.length ? -1 : (index + all.length) % all.length;
    all.forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView?.({block: "nearest"});
    } else input.removeAttribute("aria-activedescendant");
  };
  const open = (shown: boolean) => {
    list.hidden = !shown;
    input.setAttribute("aria-expanded", String(shown));
    if (!shown) setActive(null);
  };

  const choose = (hit: SearchHit) => {
    const {summary} = hit;
    input.value = summary.label;
    open(false);
    status.textContent = "";
    navigate(
      programmeHref(summary.programme, {section: summary.section, indicator: summary.indicator}),
      summary.programme === current
    );
  };

  const render = () => {
    hits = input.value.trim() ? search(input.value) : [];
    list.replaceChildren(
      ...hits.slice(0, SHOWN).map((hit, i) => {
        const {summary, categories} = hit;
        const option = el(
          "li",
          {id: `${ID}-option-${i}`, role: "option", "aria-selected": "false", "data-indicator": summary.indicator},
          el("span", {class: "search-label"}, summary.label),
          categories.length ? el("span", {class: "search-match"}, ` — ${categories.slice(0, 2).join(", ")}`) : null,
          el("span", {class: "muted"}, ` — ${programmeLabel(summary.programme)} · ${summary.section}`)
        );
        // The field keeps the focus (and the list stays open) until the click has chosen.
        option.addEventListener("mousedown", (e) => e.preventDefault());
        option.addEventListener("click", () => choose(hit));
        return option;
      })
    );
    if (!input.value.trim()) {
      status.textContent = "";
      return open(false);
    }
    const more = hits.length > SHOWN ? ` (les ${SHOWN} premiers affichés)` : "";
    status.textContent = hits.length
      ? `${withUnit(hits.length, "indicateurs trouvés")}${more}`
      : "Aucun indicateur ne correspond.";
    open(hits.length > 0);
  };

  input.addEventListener("input", render);
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (list.hidden) render();
      // ↓ from the field goes to the first result, ↑ to the last; both wrap round.
      if (!list.hidden)
        setActive(active < 0 && event.key === "ArrowUp" ? -1 : active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter") {
      if (!list.hidden && active >= 0) {
        event.preventDefault();
        choose(hits[active]);
      }
    } else if (event.key === "Escape") {
      // The browser would empty a search field at once: first the list closes, then the field empties.
      event.preventDefault();
      if (!list.hidden) open(false);
      else {
        input.value = "";
        render();
      }
    }
  });
  input.addEventListener("blur", () => open(false));
  input.addEventListener("focus", () => {
    if (input.value.trim() && hits.length) open(true);
  });

  return el(
    "div",
    {class: "search", role: "search"},
    el("label", {for: ID}, "Rechercher un indicateur"),
    input,
    status,
    list
  );
}
