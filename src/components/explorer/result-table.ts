// A result as a table, a page at a time (50 rows): a large result never puts thousands of rows
// into the page. Values are text (markup in the data stays inert), numbers in French.
import {el} from "../ui/dom.js";
import type {Column} from "../../lib/notebook/column-types.js";
import {columnKind} from "../../lib/notebook/column-types.js";
import {PAGE_SIZE, pageView} from "../../lib/notebook/pagination.js";
import {formatResultValue} from "../../lib/notebook/values.js";

type Row = Record<string, unknown>;

export interface ResultTableOptions {
  columns: Column[];
  rows: Row[];
  /** Accessible name of the scrollable region (« Résultat de la cellule 2 »). */
  label: string;
  pageSize?: number;
}

/** « Float64 » → « nombre »: the engine's types in words a reader knows. */
function typeLabel(type: string): string {
  switch (columnKind(type)) {
    case "number":
      return "nombre";
    case "text":
      return "texte";
    case "date":
      return "date";
    case "boolean":
      return "booléen";
    default:
      return /^List/i.test(type) ? "liste" : /^Struct/i.test(type) ? "structure" : type;
  }
}

export function resultTable({columns, rows, label, pageSize = PAGE_SIZE}: ResultTableOptions): HTMLElement {
  const numeric = columns.map((c) => columnKind(c.type) === "number");
  const body = el("tbody");
  const status = el("span", {class: "pager-status", "aria-live": "polite"});
  const previous = el("button", {type: "button", class: "button-small"}, "‹ Précédent");
  const next = el("button", {type: "button", class: "button-small"}, "Suivant ›");
  let page = 0;

  const render = () => {
    const view = pageView(rows.length, page, pageSize);
    page = view.page;
    body.replaceChildren(
      ...rows.slice(view.start, view.end).map((row) =>
        el(
          "tr",
          {},
          columns.map((column, i) => {
            const value = row[column.name];
            return el(
              "td",
              {
                class:
                  [numeric[i] ? "num" : "", value === null || value === undefined ? "null" : ""].join(" ").trim() ||
                  null
              },
              formatResultValue(value, column)
            );
          })
        )
      )
    );
    status.textContent = view.pages > 1 ? `${view.label} · page ${view.page + 1} sur ${view.pages}` : view.label;
    previous.disabled = !view.hasPrevious;
    next.disabled = !view.hasNext;
  };
  previous.addEventListener("click", () => {
    page--;
    render();
  });
  next.addEventListener("click", () => {
    page++;
    render();
  });
  render();

  const table = el(
    "table",
    {class: "result-table"},
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        columns.map((column, i) =>
          el(
            "th",
            {scope: "col", class: numeric[i] ? "num" : null, title: column.type},
            el("span", {class: "col-name"}, column.name),
            el("span", {class: "col-type"}, typeLabel(column.type))
          )
        )
      )
    ),
    body
  );
  const pager =
    rows.length > pageSize
      ? el("nav", {class: "pager", "aria-label": `Pages — ${label}`}, previous, status, next)
      : el("p", {class: "pager"}, status);
  return el(
    "div",
    {class: "result"},
    // Scrollable, so focusable: keyboard users can scroll wide results.
    el("div", {class: "result-scroll", tabindex: 0, role: "region", "aria-label": label}, table),
    pager
  );
}
