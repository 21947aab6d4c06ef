// Words for map values: what a figure counts in each mode, and how it moved in an évolution, in
// French. A rate or a share moves in points (src/lib/change.ts), a count in its unit.
import {computeChange, formatChangeLabel, formatPoints} from "../change.js";
import {formatNumber, formatPercent, formatRate} from "../format.js";
import type {MapMode} from "../queries/index.js";
import {formatAmount, formatChange} from "../units.js";

/** A value in a map mode: « 108 participants », « 4,9 pour 1 000 hab. », « 23,8 % ». */
export function formatMapValue(
  value: number | null,
  mode: MapMode,
  unit: string,
  units: Record<string, string>
): string {
  if (value === null) return "non publié";
  if (mode === "taux") return `${formatRate(value)} pour 1\u202f000 hab.`;
  if (mode === "part" || mode === "ratio") return formatPercent(value);
  return formatAmount(value, unit, units);
}

/** The decimals of a change of rate: as many as the rate itself shows (formatRate). */
function rateDigits(value: number): number {
  return Math.abs(value) < 10 ? 2 : 1;
}

/**
 * A change in a map mode: « +30 participants », « +1,25 point pour 1 000 hab. », « −2,4 points »;
 * « ≈ » when computed from a derived figure.
 */
export function formatMapChange(
  value: number | null,
  mode: MapMode,
  unit: string,
  units: Record<string, string>,
  derived = false
): string {
  if (value === null) return "non comparable";
  const approx = derived ? "≈\u202f" : "";
  if (mode === "taux") return `${approx}${formatPoints(value, rateDigits(value))} pour 1\u202f000 hab.`;
  if (mode === "part" || mode === "ratio") return `${approx}${formatPoints(value)}`;
  return formatChange(value, unit, units, derived);
}

/** A count's change with its relative change (« +30 participants (+30 %) »), from the two counts. */
export function formatCountChange(
  from: number,
  to: number,
  unit: string,
  units: Record<string, string>,
  derived = false
): string {
  return formatChangeLabel(computeChange(from, to, unit), unit, units, derived);
}

/** A signed number for a legend: « −20 », « 0 », « +20 » (no unit, the legend's title says it). */
export function formatSigned(value: number, digits = 1): string {
  const text = formatNumber(Math.abs(value), digits);
  if (/^[0,]+$/.test(text)) return "0";
  return `${value > 0 ? "+" : "−"}${text}`;
}

/** The legend's title: what the colours measure. */
export function legendTitle(label: string, mode: MapMode, year: number): string {
  const suffix =
    mode === "taux"
      ? " pour 1\u202f000 habitants"
      : mode === "part"
        ? " — part du territoire, en %"
        : mode === "ratio"
          ? ", en %"
          : "";
  // « en % », not « (%) »: the year's brackets follow (« … (%) (2022) » read as a slip).
  return `${label}${suffix} (${year})`;
}

/** What an évolution's colours measure: « Participants : évolution 2021 → 2023 (en points pour 1 000 habitants) ». */
export function evolutionTitle(label: string, mode: MapMode, from: number, to: number): string {
  const unit =
    mode === "taux"
      ? " (en points pour 1\u202f000 habitants)"
      : mode === "part"
        ? " (en points de part du territoire)"
        : mode === "ratio"
          ? " (en points)"
          : "";
  return `${label} : évolution ${from} → ${to}${unit}`;
}

/** What the reference value is, in words. */
export function averageLabel(mode: MapMode): string {
  return mode === "taux"
    ? "Taux du territoire"
    : mode === "part"
      ? "Part moyenne d'une commune"
      : mode === "ratio"
        ? "Ensemble du territoire"
        : "Moyenne par commune";
}

/** What the territory's change is, in words; null for a share (the mean share moves by 0). */
export function averageChangeLabel(mode: MapMode): string | null {
  return mode === "taux"
    ? "Évolution du taux du territoire"
    : mode === "part"
      ? null
      : mode === "ratio"
        ? "Évolution sur l’ensemble du territoire"
        : "Évolution moyenne par commune";
}
