// /donnees: the published files — each table in Parquet and CSV, as this build's file and at its
// stable address (/donnees/indicateurs.parquet, always the latest build) — and their columns, as
// described in the schema (the same descriptions as in the Parquet files' metadata).
import {DOWNLOADS, type Download, TABLE_TITLES, stableHref} from "../../lib/downloads.js";
import {type SqlType, type TableSchema, catalogTable, communesTable, indicatorsTable} from "../../lib/schema.js";
import {el} from "../ui/dom.js";

const TABLES: Record<Download["table"], TableSchema<any>> = {
  indicators: indicatorsTable,
  communes: communesTable,
  catalog: catalogTable
};

const TYPE_WORDS: Record<SqlType, string> = {INTEGER: "entier", VARCHAR: "texte", DOUBLE: "nombre décimal"};

/** The absolute stable address, as a script would write it (this site's origin). */
export function stableAddress(download: Download, base = location.href): string {
  return new URL(stableHref(download), base).href;
}

/**
 * The download list, one item per table and one line per format. `attachments` are the page's
 * FileAttachments by name (Framework needs each written out in the page); a download the page
 * forgot is an error, not a missing line.
 */
export function downloadList(attachments: Record<string, {href: string}>, base?: string): HTMLElement {
  const file = (download: Download) => {
    const attachment = attachments[download.attachment];
    if (!attachment) throw new Error(`Fichier à télécharger non attaché par la page : ${download.attachment}`);
    return el(
      "li",
      {"data-download": download.name},
      el("a", {href: attachment.href, download: download.name}, el("strong", {}, download.name)),
      ` (${download.description}) — adresse stable : `,
      el("a", {href: stableHref(download), class: "stable-address"}, el("code", {}, stableAddress(download, base)))
    );
  };
  const tables = [...new Set(DOWNLOADS.map((d) => d.table))];
  return el(
    "ul",
    {class: "downloads"},
    tables.map((table) =>
      el(
        "li",
        {},
        el("strong", {}, TABLE_TITLES[table].title),
        ` — ${TABLE_TITLES[table].description}`,
        el("ul", {}, DOWNLOADS.filter((d) => d.table === table).map(file))
      )
    )
  );
}

/** Every column of a table: name, type, description (src/lib/schema.ts). */
export function columnTable(schema: TableSchema<any>): HTMLElement {
  // The sortable tables' look, without their buttons: a column list has one order, the schema's.
  const table = el(
    "table",
    {class: "sortable columns", "data-table": schema.name},
    el("caption", {}, "Colonnes de la table ", el("code", {}, schema.name)),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        ["Colonne", "Type", "Description"].map((h) => el("th", {scope: "col"}, h))
      )
    ),
    el(
      "tbody",
      {},
      schema.columns.map((c) =>
        el(
          "tr",
          {},
          el("th", {scope: "row"}, el("code", {}, c.name)),
          el("td", {}, TYPE_WORDS[c.type] + (c.nullable ? ", peut être vide" : "")),
          el("td", {}, c.description)
        )
      )
    )
  );
  return el(
    "div",
    {},
    el("p", {}, "Une ligne de la table ", el("code", {}, schema.name), ` : ${lowerFirst(schema.description)}`),
    el("div", {class: "table-scroll"}, table)
  );
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The columns of every published table; the indicators' open, the others one click away. */
export function columnSections(): HTMLElement {
  const [first, ...others] = Object.values(TABLES);
  return el(
    "div",
    {class: "column-docs"},
    columnTable(first),
    others.map((schema) =>
      el("details", {}, el("summary", {}, `Colonnes de la table ${schema.name}`), columnTable(schema))
    )
  );
}
