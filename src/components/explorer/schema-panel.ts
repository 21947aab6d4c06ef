// The panel of tables: every table the engine holds (the site's, whatever the data adds) and the
// notebook's named results, with their columns, types, row counts and a sample. A click on a name
// writes it into the editor being used.
import {el} from "../ui/dom.js";
import {formatNumber} from "../../lib/format.js";
import {identifierForEditor} from "../../lib/notebook/run-plan.js";
import {
  SCHEMA_SQL,
  type SchemaRow,
  type SchemaTable,
  groupSchema,
  rowCountsSql,
  sampleSql
} from "../../lib/notebook/schema.js";
import type {Runner} from "./runner.js";
import {resultTable} from "./result-table.js";
import {uid} from "./ids.js";

export interface SchemaPanel {
  element: HTMLElement;
  /** Reads the schema again (after a named result changed). */
  refresh(): Promise<SchemaTable[]>;
  tables(): SchemaTable[];
}

export interface SchemaPanelOptions {
  runner: Runner;
  /** Writes `text` into the editor in use; returns where, for the announcement (« cellule 2 »). */
  onInsert(text: string): string | null;
}

export function schemaPanel({runner, onInsert}: SchemaPanelOptions): SchemaPanel {
  const titleId = uid("schema-title");
  const announce = el("p", {class: "visually-hidden", role: "status"});
  const content = el(
    "div",
    {class: "schema-content", "aria-busy": "true"},
    el("p", {class: "loading"}, el("span", {class: "spinner", "aria-hidden": "true"}), "Lecture des tables…")
  );
  const element = el(
    "aside",
    {class: "schema-panel", "aria-labelledby": titleId},
    el("h2", {id: titleId}, "Tables"),
    el("p", {class: "muted schema-help"}, "Un clic sur un nom l'insère dans la requête en cours."),
    content,
    announce
  );
  let tables: SchemaTable[] = [];
  const counts = new Map<string, number>();

  const insert = (name: string) => {
    const where = onInsert(identifierForEditor(name));
    announce.textContent = where ? `« ${name} » inséré dans la ${where}.` : "Ajoutez d'abord une cellule.";
  };

  const nameButton = (name: string, label: string, className: string) =>
    el(
      "button",
      {
        type: "button",
        class: className,
        title: `Insérer « ${name} » dans la requête`,
        "aria-label": label,
        onclick: () => insert(name)
      },
      name
    );

  const sample = (table: SchemaTable) => {
    const details = el("details", {class: "schema-sample"}, el("summary", {}, "Aperçu (5 lignes)"));
    let loaded = false;
    details.addEventListener("toggle", async () => {
      if (!details.open || loaded) return;
      loaded = true;
      const box = el("div", {"aria-busy": "true"}, el("p", {class: "loading"}, "Chargement…"));
      details.append(box);
      try {
        const {rows, columns} = await runner.result(sampleSql(table.name));
        box.replaceChildren(resultTable({columns, rows, label: `Aperçu de ${table.name}`, pageSize: 5}));
      } catch (error) {
        box.replaceChildren(el("p", {class: "error-inline"}, (error as Error).message));
      }
      box.setAttribute("aria-busy", "false");
    });
    return details;
  };

  const tableSection = (table: SchemaTable) => {
    const count = counts.get(table.name);
    return el(
      "section",
      {class: `schema-table schema-${table.origin}`, "data-table": table.name},
      el(
        "h3",
        {},
        nameButton(table.name, `Insérer la table ${table.name}`, "schema-name"),
        count === undefined
          ? null
          : el("span", {class: "schema-count"}, `${formatNumber(count)} ligne${count > 1 ? "s" : ""}`),
        table.origin === "base"
          ? el(
              "span",
              {class: "badge-protected", title: "Lecture seule : rien de ce qui est tapé ici ne la modifie"},
              "protégée"
            )
          : null
      ),
      el(
        "ul",
        {class: "schema-columns", "aria-label": `Colonnes de ${table.name}`},
        table.columns.map((c) =>
          el(
            "li",
            {},
            nameButton(c.name, `Insérer la colonne ${c.name} (${table.name})`, "schema-column"),
            el("span", {class: "col-type"}, c.type.toLowerCase())
          )
        )
      ),
      sample(table)
    );
  };

  const render = () => {
    const base = tables.filter((t) => t.origin === "base");
    const results = tables.filter((t) => t.origin === "result");
    content.replaceChildren(
      ...base.map(tableSection),
      el("h3", {class: "schema-subtitle"}, "Résultats nommés"),
      results.length
        ? el("div", {}, results.map(tableSection))
        : el(
            "p",
            {class: "muted"},
            "Aucun pour l'instant. Une cellule qui commence par « -- name: mon_resultat » " +
              "devient une table pour les cellules suivantes."
          )
    );
  };

  const refresh = async () => {
    content.setAttribute("aria-busy", "true");
    try {
      tables = groupSchema(await runner.query<SchemaRow>(SCHEMA_SQL));
      const base = tables
        .filter((t) => t.origin === "base")
        .map((t) => t.name)
        .filter((name) => !counts.has(name));
      if (base.length)
        for (const {t, n} of await runner.query<{t: string; n: number}>(rowCountsSql(base))) counts.set(t, n);
      render();
    } catch (error) {
      content.replaceChildren(
        el(
          "p",
          {class: "error-inline", role: "alert"},
          `Les tables n'ont pas pu être lues : ${(error as Error).message}`
        )
      );
    }
    content.setAttribute("aria-busy", "false");
    return tables;
  };

  return {element, refresh, tables: () => tables};
}
