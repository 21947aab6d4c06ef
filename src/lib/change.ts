// How a figure moved between two years, said in the unit of the figure: a share or rate moves in
// points (56 % → 69 % is « +13 points », never « +23 % »), a count in its unit and in % (« +50
// participants (+12,5 %) »). Decided here once for the home, programme, map and commune views.
import {NNBSP, formatEvolution, formatNumber} from "./format.js";
import {formatChange} from "./units.js";

/** Units whose change is a difference in points. */
const POINT_UNITS = new Set(["pourcent"]);

export type Direction = "hausse" | "baisse" | "stable";

export interface Change {
  /** `to − from`, in the figure's unit (points for a share). */
  absolute: number;
  /** `to / from − 1`, in %; null for a share (said in points) or from 0. */
  relative: number | null;
  inPoints: boolean;
  direction: Direction;
}

/** Whether a change of this unit is said in points. */
export function changesInPoints(unit: string): boolean {
  return POINT_UNITS.has(unit);
}

export function computeChange(from: number, to: number, unit: string): Change {
  const absolute = to - from;
  const inPoints = changesInPoints(unit);
  const relative = inPoints || from === 0 ? null : (to / from - 1) * 100;
  const direction: Direction = absolute > 0 ? "hausse" : absolute < 0 ? "baisse" : "stable";
  return {absolute, relative, inPoints, direction};
}

/** « +13 points », « −0,5 point », « 0 point » (French: plural from 2). */
export function formatPoints(delta: number, digits = 1): string {
  const sign = delta > 0 ? "+" : delta < 0 ? "−" : "";
  const magnitude = Math.abs(delta);
  const shown = Number(magnitude.toFixed(digits));
  return `${sign}${formatNumber(magnitude, digits)}${NNBSP}${shown >= 2 ? "points" : "point"}`;
}

/**
 * The change's amount alone, in the figure's unit: « +13 points », « +50 participants » (a table's
 * column beside its change in %). `derived` marks a change computed from a derived value (« ≈ »).
 */
export function formatChangeAmount(
  change: Change,
  unit: string,
  units: Record<string, string>,
  derived = false
): string {
  if (change.inPoints) return `${derived ? `≈${NNBSP}` : ""}${formatPoints(change.absolute)}`;
  return formatChange(change.absolute, unit, units, derived);
}

/**
 * The change as a short label: « +13 points », « +50 participants (+12,5 %) ». `derived` marks a
 * change computed from a derived value (« ≈ »).
 */
export function formatChangeLabel(
  change: Change,
  unit: string,
  units: Record<string, string>,
  derived = false
): string {
  const amount = formatChangeAmount(change, unit, units, derived);
  return change.relative === null ? amount : `${amount} (${formatEvolution(change.relative)})`;
}

/**
 * The change in one short term, as a headline card says it: a share in points (« +7 points »), a
 * count in % (« +6,3 % »); from 0, where no % exists, in the count's unit (« +5 participants »).
 * `derived` marks a change computed from a derived value (« ≈ »).
 */
export function formatChangeShort(
  change: Change,
  unit: string,
  units: Record<string, string>,
  derived = false
): string {
  if (change.inPoints || change.relative === null) return formatChangeLabel(change, unit, units, derived);
  return `${derived ? `≈${NNBSP}` : ""}${formatEvolution(change.relative)}`;
}

/**
 * « en hausse de 13 points depuis 2021 », « en baisse de 50 participants (−10 %) depuis 2022 »,
 * « stable depuis 2022 ».
 */
export function changeSentence(
  change: Change,
  unit: string,
  units: Record<string, string>,
  since: number,
  derived = false
): string {
  if (change.direction === "stable") return `stable depuis ${since}`;
  // The direction is said in words: the amount goes without its sign, the % keeps it.
  const label = formatChangeLabel({...change, absolute: Math.abs(change.absolute)}, unit, units, derived);
  return `en ${change.direction} de ${label.replace(/^(≈\u202f)?\+/, "$1")} depuis ${since}`;
}
