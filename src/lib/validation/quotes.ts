// Provenance checks: a quote must be a passage of the report, and a published value must be
// readable in its quote.
import {findFrenchNumbers} from "../french-number.js";
import {normalizeWhitespace} from "../text.js";

/** The report's text prepared for quote lookup (whitespace-normalised once). */
export class ReportText {
  private readonly normalized: string;
  constructor(text: string) {
    this.normalized = normalizeWhitespace(text);
  }
  contains(quote: string): boolean {
    const q = normalizeWhitespace(quote);
    return q !== "" && this.normalized.includes(q);
  }
}

/** Whether `value` is one of the numbers printed in `quote`; returns the numbers read otherwise. */
export function valueInQuote(value: number, quote: string): {found: boolean; read: string[]} {
  const tokens = findFrenchNumbers(normalizeWhitespace(quote));
  const found = tokens.some((t) => Math.abs(t.value - value) < 1e-9 * Math.max(1, Math.abs(value)));
  return {found, read: tokens.map((t) => t.text)};
}
