// An accessible sortable table: column headers are buttons, the sorted column says so (aria-sort),
// cells are built from text (or nodes the caller builds safely).
import {el} from "./dom.js";

export interface Column<Row> {
  label: string;
  /** The value sorted on. */
  value: (row: Row) => number | string | null;
  /** What the cell shows (defaults to the value). */
  cell?: (row: Row) => string | Node;
  numeric?: boolean;
}

export interface SortableTableOptions<Row> {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  /** Index of the column sorted at first, and its direction. */
  sort?: {column: number; descending: boolean};
  rowKey?: (row: Row) => string;
}

export function sortableTable<Row>({
  caption,
  columns,
  rows,
  sort = {column: 0, descending: false},
  rowKey
}: SortableTableOptions<Row>): HTMLElement {
  let state = {...sort};
  const table = el("table", {class: "sortable"});
  const render = () => {
    const column = columns[state.column];
    const sorted = [...rows].sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      const c =
        x === null
          ? 1
          : y === null
            ? -1
            : typeof x === "number" && typeof y === "number"
              ? x - y
              : String(x).localeCompare(String(y), "fr");
      return x === null || y === null ? c : state.descending ? -c : c;
    });
    const head = el(
      "tr",
      {},
      columns.map((c, i) =>
        el(
          "th",
          {
            scope: "col",
            class: c.numeric ? "num" : null,
            "aria-sort": i === state.column ? (state.descending ? "descending" : "ascending") : null
          },
          el(
            "button",
            {
              type: "button",
              onclick: () => {
                state = {column: i, descending: i === state.column ? !state.descending : Boolean(c.numeric)};
                render();
              }
            },
            c.label,
            el(
              "span",
              {class: "sort-mark", "aria-hidden": "true"},
              i === state.column ? (state.descending ? " ▼" : " ▲") : " ↕"
            )
          )
        )
      )
    );
    const body = sorted.map((row) =>
      el(
        "tr",
        {"data-key": rowKey?.(row) ?? null},
        columns.map((c, i) => {
          const content = c.cell ? c.cell(row) : String(c.value(row) ?? "—");
          return i === 0 ? el("th", {scope: "row"}, content) : el("td", {class: c.numeric ? "num" : null}, content);
        })
      )
    );
    table.replaceChildren(el("caption", {}, caption), el("thead", {}, head), el("tbody", {}, body));
  };
  render();
  return el("div", {class: "table-scroll"}, table);
}
