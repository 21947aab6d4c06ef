// The rules beside the data, parsed from their text (in Node by the build, in the browser by the
// import review): data/reports/regles.json (every edition) and data/reports/<année>/coherence.json
// (sums the report implies).
import {DataError} from "../errors.js";

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
  if (missing.length) {
    throw new DataError([{file: display, reason: `règles incomplètes : ${missing.join(", ")} manquant ou mal formé`}]);
  }
  return rules as Rules;
}

export function parseConsistencyRules(text: string, display: string): ConsistencyRule[] {
  const rules = parseJson(text, display);
  if (!Array.isArray(rules)) throw new DataError([{file: display, line: 1, reason: "un tableau de règles est attendu"}]);
  const lines = text.split("\n");
  return rules.map((rule, index) => {
    const id = String(rule?.id ?? `#${index + 1}`);
    const found = lines.findIndex((l) => l.includes(`"${id}"`));
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
    return {id, description: String(rule.description ?? ""), whole: rule.whole, parts: rule.parts, tolerance: rule.tolerance, line: line ?? 1};
  });
}
