// What a result column holds, from the Arrow type name the engine reports ("Int32", "Float64",
// "Utf8", "Date32<DAY>", "Timestamp<MICROSECOND, UTC>", "List<Utf8>", …).

export interface Column {
  name: string;
  type: string;
}

export type ColumnKind = "number" | "text" | "date" | "boolean" | "other";

export function columnKind(type: string): ColumnKind {
  if (/^(Int|Uint|Float|Decimal)/i.test(type)) return "number";
  if (/^(Utf8|LargeUtf8|Dictionary)/i.test(type)) return "text";
  if (/^(Date|Timestamp)/i.test(type)) return "date";
  if (/^Bool/i.test(type)) return "boolean";
  return "other";
}

/** A column that holds years: its name says so (year, annee, report_year…). */
export function isYearName(name: string): boolean {
  return /(^|_)(year|years|annee|année|an|millesime|millésime)$/i.test(name);
}

/** A column of INSEE commune codes. */
export function isCommuneCodeName(name: string): boolean {
  return /^(commune_code|code_commune|code_insee|insee)$/i.test(name);
}
