// /donnees: the data dictionary (every indicator, its unit, programme, section, years and
// provenance), the figures the data derives from the report, downloads, sources and licences.
import {formatNumber} from "../../lib/format.js";
import {programmeLabel, programmeRank} from "../../lib/programmes.js";
import {matchesSearch} from "../../lib/text.js";
import type {Engine} from "../engine/db.js";
import {el} from "../ui/dom.js";
import {sourceDetails} from "../ui/figure-card.js";
import {derivedValue} from "../ui/figure-value.js";
import {programmeHref} from "../../lib/routes.js";
import {type DerivedRow, type DictionaryRow, derivedFigures, dictionary} from "../../lib/queries/index.js";
import {sortableTable} from "../ui/sortable-table.js";
import {unitWord} from "../../lib/units.js";
import {asyncBlock} from "../ui/async-block.js";

function dictionaryTable(rows: DictionaryRow[], units: Record<string, string>): HTMLElement {
  const count = el("p", {class: "muted", "aria-live": "polite"});
  const holder = el("div", {});
  const input = el("input", {type: "search", id: "dictionary-filter", placeholder: "Ex. : alternance, clause, réseaux", oninput: () => render()});
  const render = () => {
    const shown = rows.filter((r) => matchesSearch(`${r.label} ${r.section} ${r.indicator} ${programmeLabel(r.programme)}`, input.value));
    count.textContent = `${formatNumber(shown.length)} indicateurs sur ${formatNumber(rows.length)}`;
    holder.replaceChildren(
      sortableTable<DictionaryRow>({
        caption: "Dictionnaire des indicateurs",
        rows: shown,
        rowKey: (r) => r.indicator,
        sort: {column: 2, descending: false},
        columns: [
          {
            label: "Indicateur",
            value: (r) => r.label,
            cell: (r) => el("a", {href: programmeHref(r.programme, {section: r.section, indicator: r.indicator})}, r.label)
          },
          {label: "Identifiant", value: (r) => r.indicator, cell: (r) => el("code", {}, r.indicator)},
          {label: "Programme", value: (r) => programmeRank(r.programme), cell: (r) => programmeLabel(r.programme)},
          {label: "Section", value: (r) => r.section},
          {label: "Unité", value: (r) => unitWord(r.unit, units)},
          {label: "Années", value: (r) => r.years.join(", ")},
          {label: "Détail", value: (r) => r.communes * 100 + r.dimensions.length, cell: (r) => [r.communes ? `${r.communes} communes` : "", ...r.dimensions].filter(Boolean).join(", ") || "—"},
          {label: "Valeurs", value: (r) => r.published + r.derived, cell: (r) => `${r.published} publiée${r.published > 1 ? "s" : ""}${r.derived ? `, ${r.derived} calculée${r.derived > 1 ? "s" : ""}` : ""}`, numeric: true},
          {label: "Source", value: (r) => r.quote, cell: (r) => sourceDetails(r.quote, "Passage")}
        ]
      })
    );
  };
  render();
  return el("div", {class: "dictionary"}, el("div", {class: "search"}, el("label", {for: "dictionary-filter"}, "Filtrer les indicateurs"), input), count, holder);
}

function derivedTable(rows: DerivedRow[]): HTMLElement {
  return sortableTable<DerivedRow>({
    caption: "Valeurs calculées à partir du rapport",
    rows,
    columns: [
      {label: "Indicateur", value: (r) => r.label},
      {label: "Année", value: (r) => r.year, numeric: true},
      {label: "Commune ou catégorie", value: (r) => r.commune ?? r.category ?? "", cell: (r) => r.commune ?? (r.category ? `${r.dimension} : ${r.category}` : "Ensemble du territoire")},
      {label: "Valeur", value: (r) => r.value, cell: (r) => derivedValue(r.value, r.unit), numeric: true},
      {label: "Formule", value: (r) => r.derivation, cell: (r) => el("code", {class: "formula"}, r.derivation)}
    ]
  });
}

export function dictionarySection(engine: Promise<Engine>, units: Record<string, string>): HTMLElement {
  return asyncBlock(engine.then((db) => db.run(dictionary())).then((rows) => dictionaryTable(rows, units)), {label: "Dictionnaire des indicateurs"});
}

export function derivedSection(engine: Promise<Engine>): HTMLElement {
  return asyncBlock(engine.then((db) => db.run(derivedFigures())).then(derivedTable), {label: "Valeurs calculées"});
}

/** Download links for the published files: [file, name, description]. */
export function downloadList(files: [{href: string}, string, string][]): HTMLElement {
  return el(
    "ul",
    {class: "downloads"},
    files.map(([file, name, description]) => el("li", {}, el("a", {href: file.href, download: name}, el("strong", {}, name)), ` — ${description}`))
  );
}
