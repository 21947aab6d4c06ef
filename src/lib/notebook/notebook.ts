// A notebook as data: its cells (SQL, JavaScript or Markdown) with their text and, for SQL, the
// chart choice. This is what the URL, the files, « Mes carnets » and the examples hold; results
// are not stored, restoring runs the cells again.

export type ChartKind = "bar" | "line" | "choropleth";

/** The chart the user asked for: the suggestion ("auto"), none, or a kind with its columns. */
export interface ChartChoice {
  kind: "auto" | "none" | ChartKind;
  x?: string;
  y?: string;
}

/** SQL on the engine; JavaScript in the sandbox; Markdown with `${…}` values (also in the sandbox). */
export type CellKind = "sql" | "js" | "md";

export const CELL_KINDS: readonly CellKind[] = ["sql", "js", "md"];

export const CELL_KIND_LABELS: Record<CellKind, string> = {sql: "SQL", js: "JavaScript", md: "Markdown"};

export interface NotebookCell {
  kind: CellKind;
  /** The cell's text: SQL, JavaScript or Markdown. */
  source: string;
  /** SQL cells only (others keep "auto"). */
  chart: ChartChoice;
}

export interface NotebookDocument {
  cells: NotebookCell[];
}

export const AUTO: ChartChoice = {kind: "auto"};

/** Beyond this, a link or a file is refused rather than freezing the page. */
export const MAX_CELLS = 50;
export const MAX_CELL_LENGTH = 20_000;

/**
 * The format's version. v1 (links made before JavaScript and Markdown cells): `{v: 1, cells:
 * [{sql, chart?}]}`. v2: each cell is `{sql, chart?}`, `{js}` or `{md}`. Both are read.
 */
export const FORMAT_VERSION = 2;

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

export function sqlCell(source: string, chart: ChartChoice = AUTO): NotebookCell {
  return {kind: "sql", source, chart};
}

export function jsCell(source: string): NotebookCell {
  return {kind: "js", source, chart: AUTO};
}

export function mdCell(source: string): NotebookCell {
  return {kind: "md", source, chart: AUTO};
}

/** One cell of untrusted JSON: the field present says its kind (v1 cells have only `sql`). */
function parseCell(cell: unknown, i: number, version: number): NotebookCell {
  const fields = (cell ?? {}) as Record<string, unknown>;
  const kind: CellKind | undefined = version >= 2 ? CELL_KINDS.find((k) => typeof fields[k] === "string") : "sql";
  const source = kind ? fields[kind] : undefined;
  if (!kind || typeof source !== "string") {
    throw new NotebookFormatError(`la cellule ${i + 1} n'a pas de texte ${version >= 2 ? "(sql, js ou md)" : "SQL"}`);
  }
  if (source.length > MAX_CELL_LENGTH)
    throw new NotebookFormatError(`la cellule ${i + 1} dépasse ${MAX_CELL_LENGTH} caractères`);
  return {kind, source, chart: kind === "sql" ? chartChoice(fields.chart) : AUTO};
}

/** A notebook read from untrusted JSON (a link, a file, the browser's storage): checked, unknown fields dropped. */
export function parseNotebook(value: unknown): NotebookDocument {
  const cells = (value as {cells?: unknown})?.cells;
  const v = (value as {v?: unknown})?.v;
  // A link without a version is a v1 link (the first links carried `v: 1`; tests and files may omit it).
  const version = v === undefined ? 1 : v;
  if (version !== 1 && version !== 2) {
    throw new NotebookFormatError(`le carnet est au format ${String(version)}, que cette version du site ne lit pas`);
  }
  if (!Array.isArray(cells)) throw new NotebookFormatError("le carnet ne contient pas de liste de cellules");
  if (cells.length > MAX_CELLS)
    throw new NotebookFormatError(`le carnet a ${cells.length} cellules (${MAX_CELLS} au plus)`);
  return {cells: cells.map((cell, i) => parseCell(cell, i, version))};
}

export type CellJson = {sql: string; chart?: ChartChoice} | {js: string} | {md: string};

/** The compact JSON form (v2): a chart choice only when it is not the suggestion. */
export function notebookJson(doc: NotebookDocument): {v: 2; cells: CellJson[]} {
  return {
    v: FORMAT_VERSION,
    cells: doc.cells.map(({kind, source, chart}): CellJson => {
      if (kind === "js") return {js: source};
      if (kind === "md") return {md: source};
      return chart.kind === "auto" ? {sql: source} : {sql: source, chart};
    })
  };
}

/** Whether opening the notebook would run code (JavaScript, or Markdown with `${…}`). */
export function hasCode(doc: NotebookDocument): boolean {
  return doc.cells.some(
    (c) => (c.kind === "js" && c.source.trim() !== "") || (c.kind === "md" && c.source.includes("${"))
  );
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
