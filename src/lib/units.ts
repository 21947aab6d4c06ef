// How a figure prints from its unit, in French, decided here only: « 108 participants »,
// « 1 participant », « 37 829 h », « 120 566,50 € », « 12,7 % », « +17 % ». A unit with a sign
// prints it after the number; any other unit prints its word, from the data's rules
// (data/reports/regles.json `units`, passed to pages as snapshot.units).
import {
  NNBSP,
  formatCompactEuros,
  formatEuros,
  formatEvolution,
  formatNumber,
  formatPercent,
  withUnit
} from "./format.js";

/** Units whose sign is part of the formatted number (no word after it), and how each prints. */
const SYMBOLS = new Map<string, (value: number) => string>([
  ["pourcent", (value) => formatPercent(value)],
  ["evolution_pct", (value) => formatEvolution(value)],
  ["euros", formatEuros],
  ["heures", (value) => `${formatNumber(value, 2)}${NNBSP}h`]
]);

/** Units whose decimals mean something: a derived value keeps them (a count is rounded). */
const PRECISE = new Set(["pourcent", "evolution_pct", "euros"]);

/** The units printed as a sign (« % », « € », « h »). */
export const SYMBOL_UNITS: readonly string[] = [...SYMBOLS.keys()];

/** « participants », « habitants »: the unit's label. */
export function unitWord(unit: string, units: Record<string, string>): string {
  return units[unit] ?? unit;
}

/** A value with its unit's sign, the way the report would print it; a bare number for other units. */
export function formatValue(value: number, unit: string): string {
  return SYMBOLS.get(unit)?.(value) ?? formatNumber(value, 2);
}

/** A value with what it counts: its unit's sign, or its unit's word agreed in number. */
export function formatAmount(value: number, unit: string, units: Record<string, string>): string {
  return SYMBOLS.has(unit) ? formatValue(value, unit) : withUnit(value, unitWord(unit, units));
}

/** A derived (computed) value: rounded to what the report could have printed, marked « ≈ ». */
export function formatDerived(value: number, unit: string): string {
  return `≈${NNBSP}${formatValue(PRECISE.has(unit) ? value : Math.round(value), unit)}`;
}

/**
 * A signed change between two years (« +1 234 entretiens », « −4,5 % »). A change computed from a
 * derived value is itself approximate: marked « ≈ », rounded as a derived value is.
 */
export function formatChange(change: number, unit: string, units: Record<string, string>, derived = false): string {
  const magnitude = derived && !PRECISE.has(unit) ? Math.round(Math.abs(change)) : Math.abs(change);
  const sign = change > 0 ? "+" : change < 0 ? "−" : "";
  return `${derived ? `≈${NNBSP}` : ""}${sign}${formatAmount(magnitude, unit, units)}`;
}

/** A headline value: large sums of money at a glance (« 2,8 M€ »), everything else as printed. */
export function formatHeadline(value: number, unit: string): string {
  return unit === "euros" && Math.abs(value) >= 1e6 ? formatCompactEuros(value) : formatValue(value, unit);
}

/** The top of a chart's value axis that the unit implies: a share is out of 100. */
export function unitCeiling(unit: string): number | undefined {
  return unit === "pourcent" ? 100 : undefined;
}
