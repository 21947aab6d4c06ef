// /donnees: the data dictionary (every indicator, its unit, programme, section, years and
// provenance) and the figures the data derives from the report (downloads: downloads.ts).
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
  const input = el("input", {
    type: "search",
    id: "dictionary-filter",
    placeholder: "Ex. : alternance, clause, réseaux",
    oninput: () => render()
  });
  // With one edition, a column of editions would repeat it on every row.
  const editions = new Set(rows.flatMap((r) => r.editions));
  const render = () => {
    const shown = rows.filter((r) =>
      matchesSearch(`${r.label} ${r.section} ${r.indicator} ${programmeLabel(r.programme)}`, input.value)
    );
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
            cell: (r) =>
              el("a", {href: programmeHref(r.programme, {section: r.section, indicator: r.indicator})}, r.label)
          },
          {label: "Identifiant", value: (r) => r.indicator, cell: (r) => el("code", {}, r.indicator)},
          {label: "Programme", value: (r) => programmeRank(r.programme), cell: (r) => programmeLabel(r.programme)},
          {label: "Section", value: (r) => r.section},
          {label: "Unité", value: (r) => unitWord(r.unit, units)},
          {label: "Années", value: (r) => r.years.join(", ")},
          ...(editions.size > 1 ? [{label: "Éditions", value: (r: DictionaryRow) => editionSpan(r.editions)}] : []),
          {
            label: "Détail",
            value: (r) => r.communes * 100 + r.dimensions.length,
            cell: (r) => [r.communes ? `${r.communes} communes` : "", ...r.dimensions].filter(Boolean).join(", ") || "—"
          },
          {
            label: "Valeurs",
            value: (r) => r.published + r.derived,
            cell: (r) =>
              `${r.published} publiée${r.published > 1 ? "s" : ""}` +
              (r.derived ? `, ${r.derived} calculée${r.derived > 1 ? "s" : ""}` : ""),
            numeric: true
          },
          {label: "Source", value: (r) => r.quote, cell: (r) => sourceDetails(r.quote, "Passage")}
        ]
      })
    );
  };
  render();
  return el(
    "div",
    {class: "dictionary"},
    el("div", {class: "search"}, el("label", {for: "dictionary-filter"}, "Filtrer les indicateurs"), input),
    count,
    holder
  );
}

/** « 2021, 2022, 2023 » as « 2021–2023 » when they follow each other. */
export function editionSpan(editions: number[]): string {
  const consecutive = editions.every((e, i) => i === 0 || e === editions[i - 1] + 1);
  return consecutive && editions.length > 2 ? `${editions[0]}–${editions[editions.length - 1]}` : editions.join(", ");
}

function derivedTable(rows: DerivedRow[]): HTMLElement {
  if (!rows.length) {
    return el(
      "p",
      {class: "muted"},
      "Aucune valeur calculée n’est montrée : chaque niveau qu’une édition calcule est imprimé par une autre."
    );
  }
  const editions = new Set(rows.map((r) => r.report_year));
  return sortableTable<DerivedRow>({
    caption: "Valeurs calculées à partir du rapport",
    rows,
    columns: [
      {label: "Indicateur", value: (r) => r.label},
      ...(editions.size > 1 ? [{label: "Édition", value: (r: DerivedRow) => r.report_year, numeric: true}] : []),
      {label: "Année", value: (r) => r.year, numeric: true},
      {
        label: "Commune ou catégorie",
        value: (r) => r.commune ?? r.category ?? "",
        cell: (r) => r.commune ?? (r.category ? `${r.dimension} : ${r.category}` : "Ensemble du territoire")
      },
      {label: "Valeur", value: (r) => r.value, cell: (r) => derivedValue(r.value, r.unit), numeric: true},
      {label: "Formule", value: (r) => r.derivation, cell: (r) => el("code", {class: "formula"}, r.derivation)}
    ]
  });
}

export function dictionarySection(engine: Promise<Engine>, units: Record<string, string>): HTMLElement {
  return asyncBlock(
    engine.then((db) => db.run(dictionary())).then((rows) => dictionaryTable(rows, units)),
    {label: "Dictionnaire des indicateurs"}
  );
}

export function derivedSection(engine: Promise<Engine>): HTMLElement {
  return asyncBlock(engine.then((db) => db.run(derivedFigures())).then(derivedTable), {label: "Valeurs calculées"});
}
