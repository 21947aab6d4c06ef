// Reading numbers as the report prints them: « 37 829 », « 120 566,50 € », « -4,1% », « 2,8 millions »,
// « 249 K ». One function parses a number written alone; another finds every number in a passage.
import {echo} from "./errors.js";
import {SPACE_CLASS} from "./text.js";

const SPACE = `[${SPACE_CLASS}]`;
const SCALES: Record<string, number> = {
  k: 1e3,
  m: 1e6,
  million: 1e6,
  millions: 1e6,
  md: 1e9,
  milliard: 1e9,
  milliards: 1e9
};
// Sign, integer part with optional thousands groups, decimal comma, optional scale word.
const NUMBER = `([+\\-−–]?)(\\d{1,3}(?:${SPACE}\\d{3})+|\\d+)(?:,(\\d+))?(?:${SPACE}?(millions?|milliards?|Md|K|M|k)(?![\\p{L}\\d]))?`;
const WHOLE = new RegExp(`^${NUMBER}${SPACE}*(%|€|euros?)?$`, "u");
// A number in running text: not glued to a preceding letter/digit (« 18-21 ans » is 18 and 21).
const IN_TEXT = new RegExp(`(?<![\\p{L}\\d,.])${NUMBER}`, "gu");

export class FrenchNumberError extends Error {
  constructor(text: string, reason: string) {
    super(`nombre illisible « ${echo(text)} » : ${reason}`);
    this.name = "FrenchNumberError";
  }
}

function toNumber(sign: string, integer: string, decimals: string | undefined, scale: string | undefined): number {
  const digits = integer.replace(new RegExp(SPACE, "gu"), "") + (decimals ? `.${decimals}` : "");
  const magnitude = Number(digits) * (scale ? SCALES[scale.toLowerCase()] : 1);
  // Scaling 2,8 by 1e6 gives 2799999.9999999995: round away the binary noise.
  const value = scale ? Number(magnitude.toPrecision(15)) : magnitude;
  return sign && sign !== "+" ? -value : value;
}

/**
 * Parses one number written in French: thousands separated by ordinary, no-break or narrow no-break
 * spaces, decimal comma, optional sign, optional « % » or « € », optional scale (K, M, millions).
 * A percentage is returned as printed (« 12,7 % » → 12.7).
 */
export function parseFrenchNumber(text: string): number {
  const trimmed = text.trim();
  if (trimmed === "") throw new FrenchNumberError(text, "valeur vide");
  const match = WHOLE.exec(trimmed);
  if (!match) {
    if (/^\d+\.\d+$/.test(trimmed))
      throw new FrenchNumberError(text, "la virgule est le séparateur décimal en français");
    if (/\d[.,]\d{3}[.,]/.test(trimmed))
      throw new FrenchNumberError(text, "séparateur de milliers invalide (une espace attendue)");
    throw new FrenchNumberError(text, "ce n'est pas un nombre au format français (ex. « 37 829 », « 12,5 % »)");
  }
  const [, sign, integer, decimals, scale] = match;
  return toNumber(sign, integer, decimals, scale);
}

export interface NumberToken {
  text: string;
  value: number;
  index: number;
}

/** Every number in a passage of the report, read the way a person would read it. */
export function findFrenchNumbers(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const match of text.matchAll(IN_TEXT)) {
    const [whole, sign, integer, decimals, scale] = match;
    tokens.push({text: whole, value: toNumber(sign, integer, decimals, scale), index: match.index});
  }
  return tokens;
}
