// Reads one edition's indicateurs.csv into typed rows, checking each row against the rules:
// columns, allowed values, numbers, provenance. Derived values are computed later (derivations.ts).
import {type DataProblem, echo} from "../errors.js";
import {parseFrenchNumber} from "../french-number.js";
import {characterProblem} from "./characters.js";
import {FormulaError, parseFormula, references} from "./formula.js";
import {ReportText, quoteNumbers, valueInQuote} from "./quotes.js";
import {type Rules} from "./rules.js";
import {type IndicatorRow, type Programme, type Status} from "../schema.js";
import {type CsvTable, duplicateColumns} from "../csv.js";
import {formatNumber} from "../format.js";

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

/** Checks the header: every column of the rules, once, and no other. */
export function checkHeader(table: CsvTable, {file, rules}: RowContext): DataProblem[] {
  const problems: DataProblem[] = duplicateColumns(table, file);
  for (const column of rules.columns) {
    if (!table.header.includes(column)) problems.push({file, line: 1, reason: `colonne manquante : ${column}`});
  }
  for (const column of table.header) {
    if (!rules.columns.includes(column)) {
      problems.push({file, line: 1, reason: `colonne inconnue : « ${echo(column)} »`});
    }
  }
  return problems;
}

/** Columns that name a thing and must not hide look-alike letters (the quote is checked against the text). */
const IDENTIFIERS = new Set([
  "year",
  "programme",
  "section",
  "indicator",
  "label",
  "commune_code",
  "dimension",
  "category",
  "unit",
  "status"
]);
/** The earliest year a figure may describe (a « 0000 » is a typing slip, not history). */
export const FIRST_YEAR = 1900;
/** The longest value as printed (« 120 566,50 € », « 2,8 millions »): longer is not a figure. */
const MAX_VALUE_LENGTH = 40;
/** A derived row's quote is the passage it was computed from: at least this long, with a number. */
const MIN_DERIVED_QUOTE = 10;

/** Whether a unit's values may be negative (evolutions); counts, amounts and shares may not. */
export function isSignedUnit(unit: string, rules: Rules): boolean {
  return rules.signedUnits.includes(unit);
}

/** Whether a unit is a percentage (a share or an evolution), so that its value may print « % ». */
function isPercentUnit(unit: string, rules: Rules): boolean {
  return rules.percentUnits.includes(unit) || (Object.hasOwn(rules.units, unit) && rules.units[unit].includes("%"));
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
  // NFC first: « é » typed as e + combining accent is the same letter as « é ».
  const v: Record<string, string> = {};
  for (const column of rules.columns) {
    v[column] = (values[column] ?? "").trim().normalize("NFC");
    const refused = characterProblem(v[column], column, IDENTIFIERS.has(column));
    if (refused) problem(refused);
  }
  if (problems.length) return {problems};
  for (const column of rules.required) if (!v[column]) problem(`${column} est vide`);

  const year = Number(v.year);
  if (v.year && !/^\d{4}$/.test(v.year)) problem(`année « ${echo(v.year)} » invalide (quatre chiffres attendus)`);
  else if (v.year && year < FIRST_YEAR) problem(`année « ${v.year} » invalide (avant ${FIRST_YEAR})`);
  else if (v.year && year > reportYear) {
    problem(`année ${v.year} postérieure à l'édition ${reportYear} : un rapport ne décrit que le passé`);
  }
  if (v.programme && !rules.programmes.includes(v.programme)) {
    problem(`programme inconnu « ${echo(v.programme)} » (attendu : ${rules.programmes.join(", ")})`);
  }
  if (v.indicator && !SLUG.test(v.indicator)) {
    problem(`indicateur « ${echo(v.indicator)} » : slug programme.nom en minuscules ASCII attendu`);
  } else if (v.indicator && v.programme && !v.indicator.startsWith(`${v.programme}.`)) {
    problem(`l'indicateur « ${v.indicator} » doit commencer par son programme « ${echo(v.programme)}. »`);
  }
  // Object.hasOwn: a unit named « constructor » or « __proto__ » is not a unit of the rules.
  const knownUnit = Boolean(v.unit) && Object.hasOwn(rules.units, v.unit);
  if (v.unit && !knownUnit) problem(`unité inconnue « ${echo(v.unit)} » (voir regles.json)`);
  if (v.status && !rules.statuses.includes(v.status)) {
    problem(`statut inconnu « ${echo(v.status)} » (publie ou derive)`);
  }
  if (v.commune_code && !communeCodes.has(v.commune_code)) {
    problem(`commune inconnue « ${echo(v.commune_code)} » (absente de communes.csv)`);
  }
  if (Boolean(v.dimension) !== Boolean(v.category)) problem("dimension et category vont ensemble : les deux ou aucune");
  if (v.dimension && v.dimension !== v.dimension.toLowerCase()) {
    const lower = echo(v.dimension.toLowerCase());
    problem(`dimension « ${echo(v.dimension)} » : en minuscules (« ${lower} »), comme le veut la règle`);
  }
  if (v.quote) {
    const where = report.find(v.quote);
    if (where === "cut") {
      problem(
        `citation coupée au milieu d'un mot ou d'un nombre du rapport : « ${echo(v.quote)} » ` +
          "(citez le nombre entier)"
      );
    } else if (where === "absent") problem(`citation introuvable dans le rapport : « ${echo(v.quote)} »`);
  }

  let value = NaN;
  if (v.status === "publie") {
    if (v.derivation) problem("une valeur publiée n'a pas de derivation");
    if (!v.value) problem("value est vide pour une valeur publiée");
    else if (v.value.length > MAX_VALUE_LENGTH) {
      const value = `valeur « ${echo(v.value, 30)} » trop longue (${v.value.length} caractères)`;
      problem(`${value} : ce n'est pas un nombre imprimé`);
    } else {
      try {
        value = parseFrenchNumber(v.value);
        const check = valueInQuote(value, v.quote);
        if (v.quote && !check.found) {
          const read = check.read.map((t) => echo(t, 30)).join(" ; ") || "aucun";
          problem(`la valeur « ${v.value} » ne se lit pas dans la citation (nombres lus : ${read})`);
        }
        if (knownUnit && /%/.test(v.value) && !isPercentUnit(v.unit, rules)) {
          const counts = `l'unité « ${v.unit} » compte des ${rules.units[v.unit]}`;
          problem(`la valeur « ${v.value} » est un pourcentage mais ${counts}`);
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
        if (references(parseFormula(v.derivation)).length === 0) {
          problem(
            `formule « ${echo(v.derivation)} » sans référence à une autre ligne : ` +
              "une valeur dérivée se calcule " +
              "à partir de chiffres du rapport (un nombre imprimé est publie)"
          );
        }
      } catch (error) {
        if (!(error instanceof FormulaError)) throw error;
        problem(error.message);
      }
    }
    if (v.quote && (v.quote.length < MIN_DERIVED_QUOTE || quoteNumbers(v.quote).length === 0)) {
      problem(
        `citation « ${echo(v.quote)} » trop courte pour une valeur dérivée : ` +
          "citez le passage dont elle est calculée " +
          `(au moins ${MIN_DERIVED_QUOTE} caractères et un nombre)`
      );
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
      quote: v.quote
    }
  };
}

/** Value checks that apply once a value is known (published or derived). */
export function checkRange(row: SourceRow, rules: Rules): DataProblem[] {
  const [min, max] = rules.percentRange;
  const problem = (reason: string): DataProblem[] => [{file: row.file, line: row.line, reason}];
  const printed = Number.isFinite(row.value) ? formatNumber(row.value, 2) : String(row.value);
  // A derived value that is NaN or infinite (0 / 0, a division by zero) is refused here: NaN would
  // pass every comparison below.
  if (!Number.isFinite(row.value)) return problem(`valeur non finie (${printed}) : vérifiez la formule ou le nombre`);
  if (rules.percentUnits.includes(row.unit) && (row.value < min || row.value > max)) {
    return problem(
      `une part en ${row.unit} doit être entre ${min} et ${max} (lu : ${printed}) ; ` +
        "une évolution a l'unité evolution_pct"
    );
  }
  if (row.value < 0 && !isSignedUnit(row.unit, rules)) {
    const what = row.status === "derive" ? "calculée" : "publiée";
    return problem(
      `valeur ${what} négative (${printed}) pour l'unité « ${row.unit} » : ` + "seule une évolution peut être négative"
    );
  }
  return [];
}
