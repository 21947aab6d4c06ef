// Provenance checks: a quote must be a passage of the report that starts and ends on word and
// number boundaries, and a published value must be one of the whole numbers of its quote.
import {type NumberToken, findFrenchNumbers} from "../french-number.js";
import {normalizeWhitespace} from "../text.js";

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The report's text prepared for quote lookup (NFC, whitespace-normalised and tokenised once). */
export class ReportText {
  private readonly normalized: string;
  /** Start and end of every number of the text, in order (starts ascending, tokens never overlap). */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Rows often share a quote: each one is looked up once. */
  private readonly seen = new Map<string, "found" | "cut" | "absent">();
  /** Where the last quote was found: rows follow the report's order, so the next one is usually after it. */
  private cursor = 0;

  constructor(text: string) {
    this.normalized = normalizeWhitespace(text.normalize("NFC"));
    for (const token of findFrenchNumbers(this.normalized)) {
      this.starts.push(token.index);
      this.ends.push(token.index + token.text.length);
    }
  }

  /** Whether position `at` falls strictly inside a number of the text (« 4| 500 », « 1|44 »). */
  private insideNumber(at: number): boolean {
    let low = 0;
    let high = this.starts.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid] >= at) high = mid - 1;
      else if (this.ends[mid] <= at) low = mid + 1;
      else return true;
    }
    return false;
  }

  /** Whether a passage [start, end) of the text begins and ends on word and number boundaries. */
  private onBoundaries(start: number, end: number): boolean {
    const text = this.normalized;
    const cutsWord = (inside: string, outside: string | undefined) =>
      outside !== undefined && WORD_CHAR.test(inside) && WORD_CHAR.test(outside);
    if (cutsWord(text[start], text[start - 1]) || cutsWord(text[end - 1], text[end])) return false;
    return !this.insideNumber(start) && !this.insideNumber(end);
  }

  /** Where the quote stands in the text: on boundaries, only inside a longer word or number, or absent. */
  find(quote: string): "found" | "cut" | "absent" {
    const q = normalizeWhitespace(quote.normalize("NFC"));
    if (q === "") return "absent";
    let result = this.seen.get(q);
    if (result === undefined) {
      const after = this.search(q, this.cursor, this.normalized.length);
      const before = after === "found" ? after : this.search(q, 0, this.cursor);
      const either = (state: string) => after === state || before === state;
      result = either("found") ? "found" : either("cut") ? "cut" : "absent";
      this.seen.set(q, result);
    }
    return result;
  }

  /** Looks for `q` starting in [from, to); moves the cursor to where it is found on boundaries. */
  private search(q: string, from: number, to: number): "found" | "cut" | "absent" {
    let result: "cut" | "absent" = "absent";
    for (let at = this.normalized.indexOf(q, from); at >= 0 && at < to; at = this.normalized.indexOf(q, at + 1)) {
      if (this.onBoundaries(at, at + q.length)) {
        this.cursor = at;
        return "found";
      }
      result = "cut";
    }
    return result;
  }

  contains(quote: string): boolean {
    return this.find(quote) === "found";
  }
}

/** The numbers a quote prints, each read whole (« 4 500 » is one number, not 4 and 500). */
export function quoteNumbers(quote: string): NumberToken[] {
  return findFrenchNumbers(normalizeWhitespace(quote.normalize("NFC")));
}

/** Whether `value` is one of the numbers printed in `quote`; returns the numbers read otherwise. */
export function valueInQuote(value: number, quote: string): {found: boolean; read: string[]} {
  const tokens = quoteNumbers(quote);
  const found = tokens.some((t) => Math.abs(t.value - value) < 1e-9 * Math.max(1, Math.abs(value)));
  return {found, read: tokens.map((t) => t.text)};
}
