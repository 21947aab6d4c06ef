// French number formats, used everywhere a number is shown or exported: « 37 829 », « 12,5 % »,
// « +17 % », « 120 566,50 € », « 2,8 M€ ». Thousands are separated by a narrow no-break space.
// Which format a figure takes from its unit is decided in units.ts.
import {formatDecimal} from "./decimal-format.js";

/** The narrow no-break space between a number and its sign (« 12,5 % », « 37 829 h »). */
export const NNBSP = "\u202f";
/**
 * d3-format's locale for French (d3.formatDefaultLocale), for code that formats with d3 — Plot's
 * axis ticks among others: « 1 000 », « 2,5 », « 12 % ».
 */
export const FR_D3_LOCALE = {
  decimal: ",",
  thousands: NNBSP,
  grouping: [3],
  currency: ["", `${NNBSP}€`] as [string, string],
  percent: `${NNBSP}%`
};
/** « 37 829 », « 517,5 » (up to `digits` decimals, none shown when not needed, at least `least`). */
export function formatNumber(value: number, digits = 1, least = 0): string {
  return formatDecimal(value, Math.min(least, digits), digits);
}

/** « 12,5 % » for a share printed as 0–100 (« 17,0 % » with `least` = 1, beside « 18,8 % »). */
export function formatPercent(value: number, digits = 1, least = 0): string {
  return `${formatNumber(value, digits, least)}${NNBSP}%`;
}

/**
 * The decimals a column of numbers shows, the same on every row (« 17,0 » under « 18,8 »): `digits`
 * when one of them needs any at that precision, none when all are whole.
 */
export function columnDigits(values: (number | null)[], digits = 1): number {
  const needs = values.some((v) => v !== null && Math.abs(Math.round(v * 10 ** digits) % 10 ** digits) > 0);
  return needs ? digits : 0;
}

/** « +17 % », « −4,1 % »: an evolution always shows its sign. */
export function formatEvolution(value: number, digits = 1): string {
  const sign = value > 0 ? "+" : value < 0 ? "−" : "";
  return `${sign}${formatPercent(Math.abs(value), digits)}`;
}

/** « 120 566,50 € », « 20 892 € »: cents only when there are some. */
export function formatEuros(value: number): string {
  const cents = Math.round(value * 100) % 100 !== 0;
  return `${formatDecimal(value, cents ? 2 : 0, cents ? 2 : 0)}${NNBSP}€`;
}

/** « 2,8 M€ », « 249 k€ »: a sum of money at a glance. */
export function formatCompactEuros(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${formatNumber(value / 1e6, 1)}${NNBSP}M€`;
  if (abs >= 1e4) return `${formatNumber(value / 1e3, 0)}${NNBSP}k€`;
  return formatEuros(value);
}

/** « 1er », « 2e », « 10e »; « 1re » for a feminine noun (« 1re commune »). */
export function formatRank(rank: number, feminine = false): string {
  return rank === 1 ? (feminine ? "1re" : "1er") : `${rank}e`;
}

/** « 1 participant », « 2 participants »: French takes the singular below two. */
export function withUnit(value: number, label: string): string {
  const singular = Math.abs(value) < 2 ? label.replace(/(^|\s)([\p{L}’']+?)s(?=\s|$)/gu, "$1$2") : label;
  return `${formatNumber(value, 2)} ${singular}`;
}

/** A rate per 1 000 inhabitants: two decimals below ten (« 0,31 »), one above (« 12,4 »). */
export function formatRate(value: number): string {
  return formatNumber(value, Math.abs(value) < 10 ? 2 : 1);
}

/** A signed difference of rates, never « −0 ». */
export function formatGap(value: number): string {
  const text = formatRate(Math.abs(value));
  return /^[0,]+$/.test(text) ? "0" : `${value > 0 ? "+" : "−"}${text}`;
}

const MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(" ");

/**
 * « 1er décembre 2026 », « 3 décembre 2026 »: a date in words, the first of the month as an
 * ordinal. Months as data rather than `Intl.DateTimeFormat`, whose first use costs a page tens of
 * milliseconds of main thread (bench/PERFORMANCE.md, decision 18).
 */
export function formatLongDate(date: Date): string {
  const day = date.getDate();
  return `${day === 1 ? "1er" : day} ${MONTHS[date.getMonth()]} ${date.getFullYear()}`;
}
