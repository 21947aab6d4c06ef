// Finding a commune by what a reader types: accents, case, hyphens and apostrophes ignored, « st »
// and « ste » read as « saint » and « sainte », each word the start of a word of the name (or of
// the INSEE code): « marcq », « st andre », « quesnoy deule », « 59636 ».
import {foldForSearch} from "../text.js";

const ABBREVIATIONS: Record<string, string> = {st: "saint", ste: "sainte"};

/** The words of a name or a query, folded: « Saint-André-lez-Lille » → saint, andre, lez, lille. */
export function searchWords(text: string): string[] {
  return foldForSearch(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((word) => ABBREVIATIONS[word] ?? word);
}

/** Whether every word typed starts a word of the commune's name, or its code. */
export function communeMatches(query: string, commune: {code: string; nom: string}): boolean {
  const typed = searchWords(query);
  const words = [...searchWords(commune.nom), commune.code];
  return typed.every((t) => words.some((w) => w.startsWith(t)));
}

/**
 * Orders communes by name as a French reader would (« Éperlecques » among the E): names folded as
 * for the search, then compared. Not `localeCompare(…, "fr")`: its first call builds ICU's collator,
 * 20–40 ms of main thread on a page's first view (bench/PERFORMANCE.md, decision 18).
 */
export function byCommuneName(a: {nom: string}, b: {nom: string}): number {
  const [x, y] = [foldForSearch(a.nom), foldForSearch(b.nom)];
  return x < y ? -1 : x > y ? 1 : a.nom < b.nom ? -1 : a.nom > b.nom ? 1 : 0;
}

/** The communes matching `query`, those whose name starts with it first, then by name. */
export function searchCommunes<C extends {code: string; nom: string}>(communes: C[], query: string): C[] {
  const typed = searchWords(query);
  const starts = (c: C) => (typed.length > 0 && searchWords(c.nom)[0]?.startsWith(typed[0]) ? 0 : 1);
  return communes.filter((c) => communeMatches(query, c)).sort((a, b) => starts(a) - starts(b) || byCommuneName(a, b));
}
