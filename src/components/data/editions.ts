// The editions the data holds (editionList()), for /donnees and the explorer: which report years,
// how many figures each prints and derives, which years they describe. Any number of editions.
import {formatNumber, withUnit} from "../../lib/format.js";
import {type EditionRow, editionList} from "../../lib/queries/index.js";
import type {Engine} from "../engine/db.js";
import {asyncBlock} from "../ui/async-block.js";
import {el} from "../ui/dom.js";
import {sortableTable} from "../ui/sortable-table.js";

const latestOf = (rows: EditionRow[]) => Math.max(...rows.map((r) => r.report_year));

/** One row per edition, newest first. */
export function editionTable(rows: EditionRow[]): HTMLElement {
  const latest = latestOf(rows);
  return sortableTable<EditionRow>({
    caption: rows.length > 1 ? `Les ${rows.length} éditions du rapport` : "L’édition du rapport",
    rows,
    rowKey: (r) => String(r.report_year),
    sort: {column: 0, descending: true},
    columns: [
      {
        label: "Édition",
        value: (r) => r.report_year,
        cell: (r) =>
          r.report_year === latest && rows.length > 1
            ? el("span", {}, String(r.report_year), el("span", {class: "muted"}, " (la plus récente)"))
            : String(r.report_year)
      },
      {label: "Chiffres publiés", value: (r) => r.published, cell: (r) => formatNumber(r.published), numeric: true},
      {label: "Chiffres calculés", value: (r) => r.derived, cell: (r) => formatNumber(r.derived), numeric: true},
      {label: "Indicateurs", value: (r) => r.indicators, cell: (r) => formatNumber(r.indicators), numeric: true},
      {label: "Années décrites", value: (r) => r.years.join(", ")}
    ]
  });
}

/** « 3 éditions : 2021 (31 chiffres), 2022 (33 chiffres, dont 1 calculé), 2023 (…) », for the explorer. */
export function editionsSentence(rows: EditionRow[]): string {
  const one = (r: EditionRow) =>
    `${r.report_year} (${withUnit(r.figures, "chiffres")}` +
    (r.derived ? `, dont ${formatNumber(r.derived)} calculé${r.derived > 1 ? "s" : ""})` : ")");
  const head = rows.length > 1 ? `${rows.length} éditions du rapport` : "Une édition du rapport";
  return `${head} : ${rows.map(one).join(", ")}.`;
}

export function editionsSection(engine: Promise<Engine>): HTMLElement {
  return asyncBlock(engine.then((db) => db.run(editionList())).then(editionTable), {label: "Éditions du rapport"});
}

/** The explorer's line on the editions, with the SQL that picks the latest one. */
export function editionsNote(engine: Promise<Engine>): HTMLElement {
  return asyncBlock(
    engine
      .then((db) => db.run(editionList()))
      .then((rows) =>
        el(
          "p",
          {class: "editions-note"},
          `Les tables contiennent ${editionsSentence(rows).replace(/^U/, "u")} Chaque ligne d’`,
          el("code", {}, "indicators"),
          " dit son édition (",
          el("code", {}, "report_year"),
          ") et l’année qu’elle décrit (",
          el("code", {}, "year"),
          ") ; la dernière édition est ",
          el("code", {}, "(SELECT max(report_year) FROM indicators)"),
          "."
        )
      ),
    {label: "Éditions du rapport", loading: "Lecture des éditions…"}
  );
}
