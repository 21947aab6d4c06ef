// Search across every programme's indicators, tolerant of typos and accents (« alternace » finds
// « Alternance », « jeunes femmes » the breakdowns of young women): fuse.js token search, every word
// of the query matched, fuzzily, in the label, the section, the programme or a breakdown's category.
import Fuse from "npm:fuse.js";
import {programmeLabel} from "../programmes.js";
import type {IndicatorSummaryRow} from "../queries/index.js";
import {foldForSearch} from "../text.js";

export interface SearchHit {
  summary: IndicatorSummaryRow;
  /** The breakdowns the query matched (« sexe : femmes »), to say why the indicator is listed. */
  categories: string[];
}

/** Words too common to narrow a search (a query made of them only is kept as typed). */
const STOP_WORDS = new Set([
  "a",
  "au",
  "aux",
  "d",
  "de",
  "des",
  "du",
  "en",
  "et",
  "l",
  "la",
  "le",
  "les",
  "par",
  "pour"
]);

/** Words without accents, in lower case, stop words left out (the same for the index and the query). */
function words(text: string): string[] {
  const all = foldForSearch(text).match(/[a-z0-9]+/g) ?? [];
  const kept = all.filter((w) => !STOP_WORDS.has(w));
  return kept.length ? kept : all;
}

/** At most this share of a word's letters may differ (one typo in « alternace », none in « rsa »). */
const THRESHOLD = 0.25;

/** A search over these indicators; build it once per list, call it on every keystroke. */
export function indicatorSearch(all: IndicatorSummaryRow[]): (query: string) => SearchHit[] {
  const fuse = new Fuse(all, {
    keys: [
      {name: "label", weight: 3},
      {name: "section", weight: 1},
      {name: "programme", weight: 1, getFn: (s) => programmeLabel(s.programme)},
      {name: "categories", weight: 1}
    ],
    useTokenSearch: true,
    tokenMatch: "all",
    tokenize: words,
    threshold: THRESHOLD,
    ignoreFieldNorm: true,
    includeMatches: true
  });
  return (query) => {
    if (!words(query).length) return [];
    return fuse.search(words(query).join(" ")).map(({item, matches}) => ({
      summary: item,
      categories: [...new Set((matches ?? []).filter((m) => m.key === "categories" && m.value).map((m) => m.value!))]
    }));
  };
}
