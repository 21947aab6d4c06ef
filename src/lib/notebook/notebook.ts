// A notebook as data: its cells' SQL and chart choices. This is what the URL, the .sql file and
// the examples hold; results are not stored, restoring runs the cells again.

export type ChartKind = "bar" | "line" | "choropleth";

/** The chart the user asked for: the suggestion ("auto"), none, or a kind with its columns. */
export interface ChartChoice {
  kind: "auto" | "none" | ChartKind;
  x?: string;
  y?: string;
}

export interface NotebookCell {
  sql: string;
  chart: ChartChoice;
}

export interface NotebookDocument {
  cells: NotebookCell[];
}

export const AUTO: ChartChoice = {kind: "auto"};

/** Beyond this, a link or a file is refused rather than freezing the page. */
export const MAX_CELLS = 50;
export const MAX_CELL_LENGTH = 20_000;

export class NotebookFormatError extends Error {}

const KINDS = new Set(["auto", "none", "bar", "line", "choropleth"]);

function chartChoice(value: unknown): ChartChoice {
  if (!value || typeof value !== "object") return AUTO;
  const {kind, x, y} = value as Record<string, unknown>;
  if (typeof kind !== "string" || !KINDS.has(kind)) return AUTO;
  const choice: ChartChoice = {kind: kind as ChartChoice["kind"]};
  if (typeof x === "string" && x) choice.x = x;
  if (typeof y === "string" && y) choice.y = y;
  return choice;
}

/** A notebook read from untrusted JSON (a link, a file): checked, unknown fields dropped. */
export function parseNotebook(value: unknown): NotebookDocument {
  const cells = (value as {cells?: unknown})?.cells;
  if (!Array.isArray(cells)) throw new NotebookFormatError("le carnet ne contient pas de liste de cellules");
  if (cells.length > MAX_CELLS) throw new NotebookFormatError(`le carnet a ${cells.length} cellules (${MAX_CELLS} au plus)`);
  return {
    cells: cells.map((cell, i) => {
      const sql = (cell as {sql?: unknown})?.sql;
      if (typeof sql !== "string") throw new NotebookFormatError(`la cellule ${i + 1} n'a pas de texte SQL`);
      if (sql.length > MAX_CELL_LENGTH) throw new NotebookFormatError(`la cellule ${i + 1} dépasse ${MAX_CELL_LENGTH} caractères`);
      return {sql, chart: chartChoice((cell as {chart?: unknown}).chart)};
    })
  };
}

/** The compact JSON form: a chart choice only when it is not the suggestion. */
export function notebookJson(doc: NotebookDocument): {v: 1; cells: {sql: string; chart?: ChartChoice}[]} {
  return {v: 1, cells: doc.cells.map(({sql, chart}) => (chart.kind === "auto" ? {sql} : {sql, chart}))};
}

/** The list with the item at `from` moved to `to` (both clamped). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const result = items.slice();
  const target = Math.max(0, Math.min(result.length - 1, to));
  if (from < 0 || from >= result.length || target === from) return result;
  const [item] = result.splice(from, 1);
  result.splice(target, 0, item);
  return result;
}
