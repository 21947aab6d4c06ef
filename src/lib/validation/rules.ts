// The rules beside the data, parsed from their text (in Node by the build, in the browser by the
// import review): data/reports/regles.json (every edition) and data/reports/<année>/coherence.json
// (sums the report implies).
import {DataError, echo} from "../errors.js";

export interface Rules {
  columns: string[];
  required: string[];
  key: string[];
  programmes: string[];
  statuses: string[];
  /** Unit slug → French label. */
  units: Record<string, string>;
  percentUnits: string[];
  percentRange: [number, number];
  /** Units whose values may be negative (evolutions); optional in regles.json, evolution_pct by default. */
  signedUnits: string[];
}

export interface ConsistencyRule {
  id: string;
  description: string;
  whole: string;
  parts: string[];
  tolerance: number;
  /** Line of the rule in its file, for error messages. */
  line: number;
}

/** Parses a JSON file, reporting a syntax error with its line. */
export function parseJson(text: string, display: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = Number(/position (\d+)/.exec(String(error))?.[1] ?? NaN);
    const line = Number.isNaN(position) ? undefined : text.slice(0, position).split("\n").length;
    throw new DataError([{file: display, line, reason: `JSON invalide : ${(error as Error).message}`}]);
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

export function parseRules(text: string, display: string): Rules {
  const rules = parseJson(text, display) as Partial<Rules>;
  const missing = (["columns", "required", "key", "programmes", "statuses", "percentUnits"] as const).filter(
    (name) => !isStringArray(rules[name])
  );
  if (typeof rules.units !== "object" || rules.units === null) missing.push("units" as never);
  if (!Array.isArray(rules.percentRange) || rules.percentRange.length !== 2) missing.push("percentRange" as never);
  if (rules.signedUnits !== undefined && !isStringArray(rules.signedUnits)) missing.push("signedUnits" as never);
  if (missing.length) {
    throw new DataError([{file: display, reason: `règles incomplètes : ${missing.join(", ")} manquant ou mal formé`}]);
  }
  const problems = Object.entries(rules.units!).flatMap(([slug, label]) => {
    // A unit named like a property every object has (constructor, __proto__, toString) would be
    // « known » to a careless lookup and print « function Object() … » on the page.
    if (!/^[a-z][a-z0-9_]*$/.test(slug) || slug in Object.prototype) {
      return [`unité « ${echo(slug)} » : un slug en minuscules ASCII, qui ne soit pas un nom réservé, est attendu`];
    }
    return typeof label === "string" && label.trim() ? [] : [`unité « ${slug} » : un libellé (texte) est attendu`];
  });
  if (!rules.percentRange!.every((n) => typeof n === "number" && Number.isFinite(n))) {
    problems.push("percentRange : deux nombres attendus");
  }
  if (problems.length) throw new DataError(problems.map((reason) => ({file: display, reason})));
  return {...rules, signedUnits: rules.signedUnits ?? ["evolution_pct"]} as Rules;
}

export function parseConsistencyRules(text: string, display: string): ConsistencyRule[] {
  const rules = parseJson(text, display);
  if (!Array.isArray(rules))
    throw new DataError([{file: display, line: 1, reason: "un tableau de règles est attendu"}]);
  const lines = text.split("\n");
  // The n-th `"id":` of the file is the n-th rule's (a duplicate id must point at its own line).
  const idLines = lines.flatMap((l, i) => (/"id"\s*:/.test(l) ? [i + 1] : []));
  const seen = new Map<string, number>();
  const parsed = rules.map((rule, index) => {
    const id = String(rule?.id ?? `#${index + 1}`);
    const found = idLines.length === rules.length ? idLines[index] - 1 : lines.findIndex((l) => l.includes(`"${id}"`));
    const line = found >= 0 ? found + 1 : undefined;
    const valid =
      typeof rule?.id === "string" &&
      typeof rule.whole === "string" &&
      isStringArray(rule.parts) &&
      rule.parts.length > 0 &&
      typeof rule.tolerance === "number" &&
      rule.tolerance >= 0;
    if (!valid) {
      throw new DataError([
        {file: display, line, reason: `règle ${id} : id, whole, parts (liste non vide) et tolerance (≥ 0) sont requis`}
      ]);
    }
    const previous = seen.get(id);
    if (previous !== undefined) {
      const reason = `règle « ${echo(id)} » en double (déjà ligne ${previous}) : chaque id est unique`;
      throw new DataError([{file: display, line, reason}]);
    }
    seen.set(id, line ?? 1);
    return {
      id,
      description: String(rule.description ?? ""),
      whole: rule.whole,
      parts: rule.parts,
      tolerance: rule.tolerance,
      line: line ?? 1
    };
  });
  return parsed;
}
