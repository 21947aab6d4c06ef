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
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae");
}

/** A URL-safe slug of a French heading: « Clause d’insertion » → « clause-d-insertion ». */
export function slugify(text: string): string {
  return foldForSearch(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Whether every word of `query` occurs in `text`, ignoring case and accents. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = foldForSearch(text);
  return foldForSearch(query)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** `text` cut to `max` characters, an ellipsis included, when it is longer (a letter at least). */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1)).trimEnd()}…` : text;
}
