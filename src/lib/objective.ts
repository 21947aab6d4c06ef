// A result beside the objective the report prints for it (« 48 % pour un objectif de 50 % »). An
// objective is the indicator of the same slug with `_objectif` (plie.sorties_positives_taux and
// plie.sorties_positives_taux_objectif): the pair is found from the slugs, never from values.
import {changesInPoints, formatPoints} from "./change.js";
import {formatAmount} from "./units.js";

/** The suffix of an objective's slug. */
export const OBJECTIVE_SUFFIX = "_objectif";

/** The objective's slug of an indicator. */
export function objectiveOf(indicator: string): string {
  return `${indicator}${OBJECTIVE_SUFFIX}`;
}

/** Whether a slug is an objective (whose result is the slug without the suffix). */
export function isObjective(indicator: string): boolean {
  return indicator.endsWith(OBJECTIVE_SUFFIX) && indicator.length > OBJECTIVE_SUFFIX.length;
}

/** Pairs of (result, objective) slugs among a list of slugs: each objective whose result is there too. */
export function objectivePairs(indicators: readonly string[]): {result: string; objective: string}[] {
  const known = new Set(indicators);
  return indicators
    .filter((slug) => isObjective(slug) && known.has(slug.slice(0, -OBJECTIVE_SUFFIX.length)))
    .map((objective) => ({result: objective.slice(0, -OBJECTIVE_SUFFIX.length), objective}));
}

export interface ObjectiveWords {
  /** « 48 % pour un objectif de 50 % ». */
  summary: string;
  /** « 2 points sous l’objectif », « objectif dépassé de 3 points », « objectif atteint ». */
  gap: string;
  reached: boolean;
}

/** The gap in the figure's unit: points for a percentage, the unit's amount otherwise. */
function gapAmount(gap: number, unit: string, units: Record<string, string>): string {
  if (changesInPoints(unit)) return formatPoints(Math.abs(gap)).replace(/^[+−]/, "");
  return formatAmount(Math.abs(gap), unit, units);
}

export function objectiveWords(
  result: number,
  objective: number,
  unit: string,
  units: Record<string, string>
): ObjectiveWords {
  const summary = `${formatAmount(result, unit, units)} pour un objectif de ${formatAmount(objective, unit, units)}`;
  const gap = result - objective;
  if (Math.abs(gap) < 1e-9) return {summary, gap: "objectif atteint", reached: true};
  const amount = gapAmount(gap, unit, units);
  return gap > 0
    ? {summary, gap: `objectif dépassé de ${amount}`, reached: true}
    : {summary, gap: `${amount} sous l’objectif`, reached: false};
}
