// Computes derived figures from their formulas, and evaluates consistency rules, over the rows of
// one edition. A derived row may depend on other derived rows; a cycle is an error.
import {type DataProblem} from "../errors.js";
import {type Expr, FormulaError, type Selector, evaluate, formatSelector, matches, parseFormula} from "./formula.js";
import {type SourceRow} from "./indicator-rows.js";

export class FormulaLookupError extends Error {}

/** Resolves formula references against the rows of one edition, computing derived values on demand. */
export class EditionIndex {
  private readonly byIndicator = new Map<string, SourceRow[]>();
  private readonly visiting = new Set<SourceRow>();

  constructor(rows: SourceRow[]) {
    for (const row of rows) {
      const list = this.byIndicator.get(row.indicator);
      if (list) list.push(row);
      else this.byIndicator.set(row.indicator, [row]);
    }
  }

  select(selector: Selector, many: boolean): SourceRow[] {
    const found = (this.byIndicator.get(selector.indicator) ?? []).filter((row) => matches(row, selector));
    const where = formatSelector(selector);
    if (found.length === 0) throw new FormulaLookupError(`${where} ne correspond à aucune ligne`);
    if (!many && found.length > 1) {
      throw new FormulaLookupError(
        `${where} correspond à ${found.length} lignes (${found.map((r) => `l. ${r.line}`).join(", ")}) : précisez-la`
      );
    }
    return found;
  }

  /** The value of a row, computing it first when it is derived. */
  valueOf(row: SourceRow): number {
    if (row.status !== "derive" || !Number.isNaN(row.value)) return row.value;
    if (this.visiting.has(row)) throw new FormulaLookupError(`dépendance circulaire via la ligne ${row.line}`);
    this.visiting.add(row);
    try {
      const value = this.evaluate(parseFormula(row.derivation!));
      // NaN would be taken for « not computed yet » and would pass every range check: refuse it here.
      if (!Number.isFinite(value)) {
        throw new FormulaLookupError(
          `le calcul donne ${value} (une division par zéro ?) : une valeur doit être un nombre fini`
        );
      }
      row.value = value;
      return row.value;
    } finally {
      this.visiting.delete(row);
    }
  }

  evaluate(expr: Expr): number {
    return evaluate(expr, (selector, many) => this.select(selector, many).map((row) => this.valueOf(row)));
  }
}

/** Fills in the value of every derived row; returns the rows whose formula cannot be computed. */
export function computeDerived(rows: SourceRow[]): DataProblem[] {
  const index = new EditionIndex(rows);
  const problems: DataProblem[] = [];
  for (const row of rows) {
    if (row.status !== "derive") continue;
    try {
      index.valueOf(row);
    } catch (error) {
      if (!(error instanceof FormulaLookupError || error instanceof FormulaError)) throw error;
      problems.push({file: row.file, line: row.line, reason: `derivation : ${error.message}`});
    }
  }
  return problems;
}
