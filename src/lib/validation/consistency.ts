// Consistency rules the report implies (coherence.json): parts sum to their whole, within a tolerance.
import {EditionIndex, FormulaLookupError} from "./derivations.js";
import {type DataProblem} from "../errors.js";
import {FormulaError, parseFormula} from "./formula.js";
import {type ConsistencyRule} from "./rules.js";
import {formatNumber} from "../format.js";

export function checkConsistency(index: EditionIndex, rules: ConsistencyRule[], file: string): DataProblem[] {
  const problems: DataProblem[] = [];
  for (const rule of rules) {
    try {
      const whole = index.evaluate(parseFormula(rule.whole));
      const parts = rule.parts.reduce((total, part) => total + index.evaluate(parseFormula(part)), 0);
      const gap = Math.abs(whole - parts);
      // NaN is never greater than a tolerance: a rule whose whole or parts are not finite fails.
      if (!Number.isFinite(whole) || !Number.isFinite(parts)) {
        problems.push({
          file,
          line: rule.line,
          reason:
            `règle « ${rule.id} » : le total (${whole}) ou la somme des parties (${parts}) ` +
            "n'est pas un nombre fini"
        });
        continue;
      }
      // A tiny epsilon absorbs binary rounding of decimal sums (e.g. euros with cents).
      if (gap > rule.tolerance + 1e-6) {
        problems.push({
          file,
          line: rule.line,
          reason:
            `règle « ${rule.id} »${rule.description ? ` (${rule.description})` : ""} non respectée : ` +
            `${rule.whole} = ${formatNumber(whole, 2)} mais les parties font ${formatNumber(parts, 2)} ` +
            `(écart ${formatNumber(gap, 2)}, tolérance ${formatNumber(rule.tolerance, 2)})`
        });
      }
    } catch (error) {
      if (!(error instanceof FormulaLookupError || error instanceof FormulaError)) throw error;
      problems.push({file, line: rule.line, reason: `règle « ${rule.id} » : ${error.message}`});
    }
  }
  return problems;
}
