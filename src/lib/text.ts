// Text normalisation shared by quote matching and number parsing.

/** Every kind of space the report uses (ordinary, no-break, narrow no-break, thin, line breaks). */
export const SPACE_CLASS = "\\s\\u00a0\\u202f\\u2009";

const spaces = new RegExp(`[${SPACE_CLASS}]+`, "gu");

/** Collapses runs of whitespace (including line breaks and no-break spaces) to one space. */
export function normalizeWhitespace(text: string): string {
  return text.replace(spaces, " ").trim();
}

/** Lower case without accents, for search that ignores diacritics (« réseau » ~ « reseau »). */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .toLowerCase();
}
