// Words for map values: what a figure counts in each mode, in French.
import {formatPercent, formatRate} from "../format.js";
import type {MapMode} from "../queries/index.js";
import {formatAmount} from "../units.js";

/** A value in a map mode: « 108 participants », « 4,9 pour 1 000 hab. », « 23,8 % ». */
export function formatMapValue(
  value: number | null,
  mode: MapMode,
  unit: string,
  units: Record<string, string>
): string {
  if (value === null) return "non publié";
  if (mode === "taux") return `${formatRate(value)} pour 1\u202f000 hab.`;
  if (mode === "part") return formatPercent(value);
  return formatAmount(value, unit, units);
}

/** The legend's title: what the colours measure. */
export function legendTitle(label: string, mode: MapMode, year: number): string {
  const suffix = mode === "taux" ? " pour 1\u202f000 habitants" : mode === "part" ? " — part du territoire (%)" : "";
  return `${label}${suffix} (${year})`;
}

/** What the reference value is, in words. */
export function averageLabel(mode: MapMode): string {
  return mode === "taux"
    ? "Taux du territoire"
    : mode === "part"
      ? "Part moyenne d'une commune"
      : "Moyenne par commune";
}
