// A value with what it counts, in French: « 108 participants », « 1 participant », « 37 829 h »,
// « 120 566,50 € », « 12,7 % ». Unit labels come from the data's rules (snapshot.units).
import {formatValue, withUnit} from "./format.js";

/** « participants », « habitants »: the unit's label. */
export function unitWord(unit: string, units: Record<string, string>): string {
  return units[unit] ?? unit;
}

/** Units whose sign is part of the formatted number (no word after it). */
const SYMBOL_UNITS = new Set(["pourcent", "evolution_pct", "euros", "heures"]);

export function formatAmount(value: number, unit: string, units: Record<string, string>): string {
  return SYMBOL_UNITS.has(unit) ? formatValue(value, unit) : withUnit(value, unitWord(unit, units));
}
