// What the review saves for data/reports/<année>/ (indicateurs.csv, rapport.txt, coherence.json) and
// the build's own validation run on it, each problem traced back to the reviewed row or the
// consistency rule it is about, so that the page can name it.
import {formatCsv, parseCsv} from "../csv.js";
import {DataError, type DataProblem} from "../errors.js";
import {validateEdition} from "../validation/edition.js";
import {type Rules, parseConsistencyRules} from "../validation/rules.js";
import type {RowSource} from "./review.js";

/** indicateurs.csv as the build reads it: the columns of regles.json, values verbatim (no neutralising). */
export function indicatorsCsv(rows: Record<string, string>[], columns: string[]): string {
  return formatCsv(
    columns,
    rows.map((row) => columns.map((c) => row[c] ?? "")),
    {neutralise: false}
  );
}

/** coherence.json without the rules the analyst dropped. */
export function keptCoherence(rules: unknown, dropped: string[]): unknown {
  if (!Array.isArray(rules)) return rules;
  const out = new Set(dropped);
  return rules.filter((rule) => !(typeof rule === "object" && rule !== null && out.has(String(rule.id))));
}

export function coherenceText(rules: unknown): string {
  return JSON.stringify(rules, null, 2) + "\n";
}

export interface ReviewProblem {
  reason: string;
  file: string;
  line?: number;
  /** The reviewed row the problem is about. */
  row?: RowSource;
  /** The consistency rule it is about. */
  rule?: {id: string; description: string};
}

export interface ReviewCheckInput {
  year: number;
  text: string;
  rows: {values: Record<string, string>; source: RowSource}[];
  coherence: unknown;
  rules: Rules;
  communeCodes: Set<string>;
}

export const FILES = (year: number) => ({
  text: `data/reports/${year}/rapport.txt`,
  rows: `data/reports/${year}/indicateurs.csv`,
  consistency: `data/reports/${year}/coherence.json`
});

/** The build's validation of the files the review would save, every problem traced to its row or rule. */
export function checkReview(input: ReviewCheckInput): ReviewProblem[] {
  const files = FILES(input.year);
  const csv = indicatorsCsv(
    input.rows.map((r) => r.values),
    input.rules.columns
  );
  const consistency = coherenceText(input.coherence);
  let problems: DataProblem[];
  try {
    problems = validateEdition(
      {reportYear: input.year, text: input.text, csv, consistency, files},
      input.rules,
      input.communeCodes
    ).problems;
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    problems = error.problems;
  }
  // Record n of the CSV is row n: its line says which (a quoted field may span lines).
  const sourceAt = new Map<number, RowSource>();
  parseCsv(csv, files.rows).records.forEach((record, i) => sourceAt.set(record.line, input.rows[i].source));
  const ruleAt = new Map<number, {id: string; description: string}>();
  try {
    for (const rule of parseConsistencyRules(consistency, files.consistency))
      ruleAt.set(rule.line, {id: rule.id, description: rule.description});
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
  }
  return problems.map((p) => {
    const traced: ReviewProblem = {reason: p.reason, file: p.file, line: p.line};
    if (p.file === files.rows && p.line !== undefined && sourceAt.has(p.line)) traced.row = sourceAt.get(p.line);
    if (p.file === files.consistency && p.line !== undefined && ruleAt.has(p.line)) traced.rule = ruleAt.get(p.line);
    return traced;
  });
}
