// The small formula language of derived figures and consistency rules (see data/reports/README.md):
//   mission_locale.entretiens[2022] / (1 + mission_locale.entretiens_evolution[2022] / 100)
//   sum(plie.participants[2022; commune=*; status=publie])
import {echo} from "../errors.js";

export type Filter =
  | {kind: "commune"; value: string}
  | {kind: "status"; value: string}
  | {kind: "dimension"; dimension: string; value: string};

export interface Selector {
  indicator: string;
  year: number;
  filters: Filter[];
}

export type Expr =
  | {type: "number"; value: number}
  | {type: "ref"; selector: Selector}
  | {type: "sum"; selector: Selector}
  | {type: "negate"; arg: Expr}
  | {type: "binary"; op: "+" | "-" | "*" | "/"; left: Expr; right: Expr};

export class FormulaError extends Error {
  constructor(formula: string, position: number, reason: string) {
    super(`formule « ${formula} » : ${reason} (caractère ${position + 1})`);
    this.name = "FormulaError";
  }
}

/** Longest formula accepted: the report's own are under 300 characters; a longer one is a mistake. */
export const MAX_FORMULA_LENGTH = 2000;
/** Deepest nesting of parentheses and signs (a 20 000-deep formula must be an error, not a RangeError). */
export const MAX_FORMULA_DEPTH = 50;

/** Parses a formula into an expression tree; throws FormulaError with the position of the fault. */
export function parseFormula(formula: string): Expr {
  let i = 0;
  let depth = 0;
  const error = (reason: string): never => {
    throw new FormulaError(echo(formula), i, reason);
  };
  if (formula.length > MAX_FORMULA_LENGTH) {
    const length = `${formula.length} caractères, ${MAX_FORMULA_LENGTH} au plus`;
    error(`trop longue (${length}) : découpez-la en lignes dérivées`);
  }
  const skip = () => {
    while (/\s/.test(formula[i] ?? "")) i++;
  };
  const eat = (token: string): boolean => {
    skip();
    if (formula.startsWith(token, i)) {
      i += token.length;
      return true;
    }
    return false;
  };
  const expect = (token: string) => eat(token) || error(`« ${token} » attendu`);
  const read = (pattern: RegExp, what: string): string => {
    skip();
    const match = pattern.exec(formula.slice(i));
    if (!match) error(`${what} attendu`);
    i += match![0].length;
    return match![0];
  };
  const readValue = (): string => {
    skip();
    if (formula[i] === '"') {
      const end = formula.indexOf('"', i + 1);
      if (end < 0) error("guillemet non refermé");
      const value = formula.slice(i + 1, end);
      i = end + 1;
      return value;
    }
    return read(/^[^;\]"]+/u, "une valeur").trim();
  };
  const selector = (indicator: string): Selector => {
    expect("[");
    const year = Number(read(/^\d{4}/, "une année sur quatre chiffres"));
    const filters: Filter[] = [];
    while (eat(";")) {
      const name = read(/^[\p{L}_][\p{L}\d_ ]*?(?=\s*=)/u, "un nom de filtre (commune, status ou une dimension)");
      expect("=");
      const value = readValue();
      if (name === "commune") filters.push({kind: "commune", value});
      else if (name === "status") filters.push({kind: "status", value});
      else filters.push({kind: "dimension", dimension: name, value});
    }
    expect("]");
    return {indicator, year, filters};
  };
  const nested = <T>(parse: () => T): T => {
    if (++depth > MAX_FORMULA_DEPTH) {
      error(`trop imbriquée (plus de ${MAX_FORMULA_DEPTH} niveaux de parenthèses ou de signes)`);
    }
    const result = parse();
    depth--;
    return result;
  };
  const primary = (): Expr => {
    skip();
    if (eat("(")) {
      const inner = nested(sum);
      expect(")");
      return inner;
    }
    if (eat("-")) return {type: "negate", arg: nested(primary)};
    if (/\d/.test(formula[i] ?? "")) return {type: "number", value: Number(read(/^\d+(\.\d+)?/, "un nombre"))};
    const name = read(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*/, "un nombre, une référence ou sum(…)");
    if (name === "sum") {
      expect("(");
      const indicator = read(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+/, "un indicateur");
      const result: Expr = {type: "sum", selector: selector(indicator)};
      expect(")");
      return result;
    }
    if (!name.includes(".")) error(`« ${echo(name)} » n'est pas un indicateur (programme.nom)`);
    return {type: "ref", selector: selector(name)};
  };
  const product = (): Expr => {
    let left = primary();
    for (;;) {
      if (eat("*")) left = {type: "binary", op: "*", left, right: primary()};
      else if (eat("/")) left = {type: "binary", op: "/", left, right: primary()};
      else return left;
    }
  };
  const sum = (): Expr => {
    let left = product();
    for (;;) {
      if (eat("+")) left = {type: "binary", op: "+", left, right: product()};
      else if (eat("-")) left = {type: "binary", op: "-", left, right: product()};
      else return left;
    }
  };
  const expr = sum();
  skip();
  if (i < formula.length) error(`« ${echo(formula.slice(i))} » inattendu`);
  return expr;
}

/** A selector of a formula, with whether it may match several rows (inside sum). */
export interface Reference {
  selector: Selector;
  many: boolean;
}

/** Every selector a formula refers to, with whether it may match several rows (inside sum). */
export function references(expr: Expr, found: Reference[] = []): Reference[] {
  switch (expr.type) {
    case "number":
      break;
    case "ref":
      found.push({selector: expr.selector, many: false});
      break;
    case "sum":
      found.push({selector: expr.selector, many: true});
      break;
    case "negate":
      references(expr.arg, found);
      break;
    case "binary":
      references(expr.left, found);
      references(expr.right, found);
      break;
  }
  return found;
}

/** Evaluates a formula; `lookup` returns the values of the rows a selector matches. */
export function evaluate(expr: Expr, lookup: (selector: Selector, many: boolean) => number[]): number {
  switch (expr.type) {
    case "number":
      return expr.value;
    case "ref":
      return lookup(expr.selector, false)[0];
    case "sum":
      return lookup(expr.selector, true).reduce((a, b) => a + b, 0);
    case "negate":
      return -evaluate(expr.arg, lookup);
    case "binary": {
      const a = evaluate(expr.left, lookup);
      const b = evaluate(expr.right, lookup);
      return expr.op === "+" ? a + b : expr.op === "-" ? a - b : expr.op === "*" ? a * b : a / b;
    }
  }
}

/** The fields of a row a selector looks at. */
export interface Selectable {
  indicator: string;
  year: number;
  commune_code: string | null;
  dimension: string | null;
  category: string | null;
  status: string;
}

/**
 * Whether a row matches a selector. A selector without a commune filter matches territory rows only;
 * without a dimension filter, rows without breakdown only; `*` matches any value.
 */
export function matches(row: Selectable, selector: Selector): boolean {
  if (row.indicator !== selector.indicator || row.year !== selector.year) return false;
  const commune = selector.filters.find((f) => f.kind === "commune");
  if (
    commune
      ? row.commune_code === null || (commune.value !== "*" && row.commune_code !== commune.value)
      : row.commune_code !== null
  ) {
    return false;
  }
  const dimension = selector.filters.find((f) => f.kind === "dimension") as
    Extract<Filter, {kind: "dimension"}> | undefined;
  if (dimension) {
    if (row.dimension !== dimension.dimension || (dimension.value !== "*" && row.category !== dimension.value))
      return false;
  } else if (row.dimension !== null) {
    return false;
  }
  const status = selector.filters.find((f) => f.kind === "status");
  return !status || row.status === status.value;
}

export function formatSelector({indicator, year, filters}: Selector): string {
  const parts = filters.map((f) => {
    const value = /[\s;\]]/.test(f.value) ? `"${f.value}"` : f.value;
    return `${f.kind === "dimension" ? f.dimension : f.kind}=${value}`;
  });
  return `${indicator}[${[year, ...parts].join("; ")}]`;
}
