// Values crossing between the page and a cell's sandbox (postMessage, structured clone): plain
// data as it is; an Arquero table as its rows, rebuilt as a table on the other side; anything
// else that cannot be cloned (a chart, a function) as a marker that says what it was, so that a
// cell reading it is told why instead of receiving something broken.

export type Transferred = {__mno: "table"; rows: Record<string, unknown>[]} | {__mno: "opaque"; what: string};

export function isMarker(value: unknown): value is Transferred {
  return typeof value === "object" && value !== null && "__mno" in value;
}

/** An SQL result as its `_aq` name carries it: the rows, a table once in the sandbox. */
export function tableMarker(rows: Record<string, unknown>[]): Transferred {
  return {__mno: "table", rows};
}

/** Words for what a value is, in French (« une fonction », « un élément de page »). */
export function describeValue(value: unknown): string {
  if (typeof value === "function") return "une fonction";
  if (typeof value === "symbol") return "un symbole";
  const name = (value as {constructor?: {name?: string}})?.constructor?.name ?? "";
  if (/Element|Node|Document|Window/.test(name)) return "un élément de page";
  if (value instanceof Promise) return "une promesse";
  return name ? `un objet ${name}` : "un objet";
}

/** A value ready for postMessage; `isTable` recognises an Arquero table (the sandbox knows how). */
export function toTransfer(
  value: unknown,
  isTable: (v: unknown) => v is {objects(): Record<string, unknown>[]}
): unknown {
  if (isTable(value)) return {__mno: "table", rows: value.objects()};
  try {
    return structuredClone(value);
  } catch {
    return {__mno: "opaque", what: describeValue(value)};
  }
}
