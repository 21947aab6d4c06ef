// Reads one edition's indicateurs.csv into typed rows, checking each row against the rules:
// columns, allowed values, numbers, provenance. Derived values are computed later (derivations.ts).
import {type DataProblem} from "../errors.js";
import {parseFrenchNumber} from "../french-number.js";
import {FormulaError, parseFormula} from "./formula.js";
import {ReportText, valueInQuote} from "./quotes.js";
import {type Rules} from "./rules.js";
import {type IndicatorRow, type Programme, type Status} from "../schema.js";
import {type CsvTable} from "../csv.js";

/** A row with where it came from; `value` is NaN for a derived row until it is computed. */
export interface SourceRow extends IndicatorRow {
  file: string;
  line: number;
}

const SLUG = /^[a-z][a-z0-9_]*\.[a-z0-9_]+$/;

export interface RowContext {
  file: string;
  reportYear: number;
  rules: Rules;
  communeCodes: Set<string>;
  report: ReportText;
}

/** Checks the header: every column of the rules, no other. */
export function checkHeader(table: CsvTable, {file, rules}: RowContext): DataProblem[] {
  const problems: DataProblem[] = [];
  for (const column of rules.columns) {
    if (!table.header.includes(column)) problems.push({file, line: 1, reason: `colonne manquante : ${column}`});
  }
  for (const column of table.header) {
    if (!rules.columns.includes(column)) problems.push({file, line: 1, reason: `colonne inconnue : « ${column} »`});
  }
  return problems;
}

/** Reads one record; returns the row, or the problems that prevent reading it. */
export function readIndicatorRow(
  values: Record<string, string>,
  line: number,
  context: RowContext
): {row?: SourceRow; problems: DataProblem[]} {
  const {file, rules, communeCodes, report, reportYear} = context;
  const problems: DataProblem[] = [];
  const problem = (reason: string) => problems.push({file, line, reason});
  const v = Object.fromEntries(Object.entries(values).map(([k, x]) => [k, x.trim()]));
  for (const column of rules.required) if (!v[column]) problem(`${column} est vide`);

  const year = Number(v.year);
  if (v.year && !/^\d{4}$/.test(v.year)) problem(`année « ${v.year} » invalide (quatre chiffres attendus)`);
  if (v.programme && !rules.programmes.includes(v.programme)) {
    problem(`programme inconnu « ${v.programme} » (attendu : ${rules.programmes.join(", ")})`);
  }
  if (v.indicator && !SLUG.test(v.indicator)) problem(`indicateur « ${v.indicator} » : slug programme.nom en minuscules ASCII attendu`);
  else if (v.indicator && v.programme && !v.indicator.startsWith(`${v.programme}.`)) {
    problem(`l'indicateur « ${v.indicator} » doit commencer par son programme « ${v.programme}. »`);
  }
  if (v.unit && !(v.unit in rules.units)) problem(`unité inconnue « ${v.unit} » (voir regles.json)`);
  if (v.status && !rules.statuses.includes(v.status)) problem(`statut inconnu « ${v.status} » (publie ou derive)`);
  if (v.commune_code && !communeCodes.has(v.commune_code)) problem(`commune inconnue « ${v.commune_code} » (absente de communes.csv)`);
  if (Boolean(v.dimension) !== Boolean(v.category)) problem("dimension et category vont ensemble : les deux ou aucune");
  if (v.quote && !report.contains(v.quote)) problem(`citation introuvable dans le rapport : « ${v.quote.slice(0, 80)} »`);

  let value = NaN;
  if (v.status === "publie") {
    if (v.derivation) problem("une valeur publiée n'a pas de derivation");
    if (!v.value) problem("value est vide pour une valeur publiée");
    else {
      try {
        value = parseFrenchNumber(v.value);
        const check = valueInQuote(value, v.quote);
        if (v.quote && !check.found) {
          problem(`la valeur « ${v.value} » ne se lit pas dans la citation (nombres lus : ${check.read.join(" ; ") || "aucun"})`);
        }
      } catch (error) {
        problem((error as Error).message);
      }
    }
  } else if (v.status === "derive") {
    if (v.value) problem("une valeur dérivée est calculée : laissez value vide et écrivez sa formule dans derivation");
    if (!v.derivation) problem("une valeur dérivée doit avoir sa formule dans derivation");
    else {
      try {
        parseFormula(v.derivation);
      } catch (error) {
        if (!(error instanceof FormulaError)) throw error;
        problem(error.message);
      }
    }
  }
  if (problems.length) return {problems};
  return {
    problems,
    row: {
      file,
      line,
      report_year: reportYear,
      year,
      programme: v.programme as Programme,
      section: v.section,
      indicator: v.indicator,
      label: v.label,
      commune_code: v.commune_code || null,
      dimension: v.dimension || null,
      category: v.category || null,
      value,
      unit: v.unit,
      status: v.status as Status,
      derivation: v.derivation || null,
      quote: values.quote.trim()
    }
  };
}

/** Value checks that apply once a value is known (published or derived). */
export function checkRange(row: SourceRow, rules: Rules): DataProblem[] {
  const [min, max] = rules.percentRange;
  if (Number.isNaN(row.value) && row.status === "derive") return []; // its formula failed: already reported
  if (!Number.isFinite(row.value)) return [{file: row.file, line: row.line, reason: `valeur non finie (${row.value})`}];
  if (rules.percentUnits.includes(row.unit) && (row.value < min || row.value > max)) {
    return [
      {
        file: row.file,
        line: row.line,
        reason: `une part en ${row.unit} doit être entre ${min} et ${max} (lu : ${row.value}) ; une évolution a l'unité evolution_pct`
      }
    ];
  }
  return [];
}
