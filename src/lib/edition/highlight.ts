// Where a figure is in its passage, for the review page to mark it: the numbers of the quote that
// read as the value (several when the passage prints it more than once).
import {findFrenchNumbers, parseFrenchNumber} from "../french-number.js";

/** Text pieces of `quote`, those that print `value` flagged. */
export function highlightPieces(quote: string, value: string): {text: string; mark: boolean}[] {
  let target: number;
  try {
    target = parseFrenchNumber(value);
  } catch {
    return quote ? [{text: quote, mark: false}] : [];
  }
  const pieces: {text: string; mark: boolean}[] = [];
  let at = 0;
  for (const token of findFrenchNumbers(quote)) {
    if (Math.abs(token.value - target) > 1e-9 * Math.max(1, Math.abs(target))) continue;
    if (token.index > at) pieces.push({text: quote.slice(at, token.index), mark: false});
    pieces.push({text: token.text, mark: true});
    at = token.index + token.text.length;
  }
  if (at < quote.length) pieces.push({text: quote.slice(at), mark: false});
  return pieces;
}
