// Years of a new edition: read from the passage where it names one (« RP2021 », « au 31/12/2023 »,
// « (51 % en 2022) »), else shifted by the gap between editions; the same shift for formulas,
// labels and consistency rules carried over from the last edition.
import type {Token} from "./tokens.js";

const YEAR_MIN = 1990;
const YEAR_MAX = 2100;

/** Whether a number token is printed as a year (four digits, no separator). */
export function isYearToken(token: Token): boolean {
  return (
    token.kind === "number" &&
    /^\d{4}$/.test(token.printed ?? "") &&
    token.value! >= YEAR_MIN &&
    token.value! <= YEAR_MAX
  );
}

/** Every « [2022 » of a formula or selector moved by `gap` years. */
export function shiftSelectorYears(text: string, gap: number): string {
  return text.replace(/\[(\d{4})(?=[;\]])/g, (_, year: string) => `[${Number(year) + gap}`);
}

/** Four-digit years in a label (« Population municipale (RP2020) ») moved by `gap`. */
export function shiftLabelYears(text: string, gap: number): string {
  return text.replace(/(?<!\d)(19\d\d|20\d\d)(?!\d)/g, (year) => String(Number(year) + gap));
}

/**
 * The year a figure describes, read in its passage: a year right after the figure (« 51 % en 2022 »),
 * a census (« RP2021 ») or a stock date (« au 31/12/2023 », « au 31 décembre 2023 ») in the passage.
 * Undefined when the passage names none; « par rapport à 2022 » names the comparison, not the figure.
 */
export function yearInPassage(
  tokens: Token[],
  text: string,
  slot: number,
  from: number,
  to: number
): number | undefined {
  let k = slot + 1;
  if (tokens[k]?.key === "%") k++;
  if (tokens[k]?.key === "en" && tokens[k + 1] && isYearToken(tokens[k + 1])) return tokens[k + 1].value;
  for (let i = from; i <= to; i++) {
    const census = /^rp(\d{4})$/.exec(tokens[i].key);
    if (census) return Number(census[1]);
  }
  for (let i = from; i <= to; i++) {
    const t = tokens[i];
    if (!isYearToken(t)) continue;
    const before = text.slice(Math.max(0, t.start - 24), t.start);
    if (/31\/12\/$/.test(before) || /31 d[ée]cembre\s*$/iu.test(before)) return t.value;
  }
  return undefined;
}
