// data/reports/alias.csv: an indicator whose identifier changed from one edition to the next keeps
// its history. Each line `ancien,nouveau` renames the old identifier in the editions before the
// latest, so that every edition's figures of that indicator share the latest edition's identifier.
// No file, no alias. Every problem is said as « file:line: reason », in French.
import {existsSync, readFileSync} from "node:fs";
import {decodeUtf8, parseCsv, widthProblems} from "../csv.js";
import {type DataProblem, echo} from "../errors.js";
import type {IndicatorRow, Programme} from "../schema.js";

export const ALIAS_FILE = "alias.csv";
export const ALIAS_HEADER = ["ancien", "nouveau"] as const;

export interface Alias {
  /** The identifier the older editions use. */
  from: string;
  /** The identifier it becomes. */
  to: string;
  line: number;
}

const SLUG = /^[a-z][a-z0-9_]*\.[a-z0-9_]+$/;

/** Reads the alias lines (header, widths, identifiers); an absent file is no alias. */
export function readAliases(path: string, file: string): {aliases: Alias[]; problems: DataProblem[]} {
  if (!existsSync(path)) return {aliases: [], problems: []};
  const table = parseCsv(decodeUtf8(readFileSync(path), file), file);
  if (table.header.join(",") !== ALIAS_HEADER.join(",")) {
    const reason = `en-tête « ${echo(table.header.join(","))} » : attendu « ${ALIAS_HEADER.join(",")} »`;
    return {aliases: [], problems: [{file, line: 1, reason}]};
  }
  const problems = widthProblems(table, file);
  const aliases: Alias[] = [];
  for (const {line, fields} of table.records) {
    if (fields.length !== ALIAS_HEADER.length) continue;
    const [from, to] = fields.map((f) => f.trim());
    const bad = [from, to].filter((slug) => !SLUG.test(slug));
    for (const slug of bad) {
      problems.push({file, line, reason: `identifiant « ${echo(slug)} » : slug programme.nom en minuscules attendu`});
    }
    if (!bad.length) aliases.push({from, to, line});
  }
  return {aliases, problems};
}

/** The identifier each old one ends as, following chains (a → b, b → c: a ends as c). */
function resolve(aliases: Alias[]): Map<string, string> {
  const next = new Map(aliases.map((a) => [a.from, a.to]));
  const final = new Map<string, string>();
  for (const from of next.keys()) {
    let to = next.get(from)!;
    for (let steps = 0; next.has(to) && steps <= next.size; steps++) to = next.get(to)!;
    final.set(from, to);
  }
  return final;
}

/**
 * Checks the aliases against the editions' identifiers (`used`: edition → identifiers it uses):
 * no old identifier given twice, no cycle, no new identifier that no edition uses, no old one the
 * latest edition still uses, no edition that uses both an old identifier and the one it becomes.
 */
export function checkAliases(aliases: Alias[], used: Map<number, Set<string>>, file: string): DataProblem[] {
  const problems: DataProblem[] = [];
  const editions = [...used.keys()].sort((a, b) => a - b);
  const latest = editions[editions.length - 1];
  const anywhere = (slug: string) => editions.filter((e) => used.get(e)!.has(slug));
  const next = new Map<string, Alias>();
  for (const alias of aliases) {
    const first = next.get(alias.from);
    if (first) {
      problems.push({
        file,
        line: alias.line,
        reason: `« ${alias.from} » a déjà un alias ligne ${first.line} : un ancien identifiant n'a qu'un nouveau`
      });
    } else next.set(alias.from, alias);
  }
  for (const alias of next.values()) {
    const problem = (reason: string) => problems.push({file, line: alias.line, reason});
    // Follow the chain from this line: coming back to its start is a cycle.
    const chain = [alias.from];
    for (let to: string | undefined = alias.to; to !== undefined; to = next.get(to)?.to) {
      chain.push(to);
      if (to === alias.from || chain.indexOf(to) < chain.length - 1) break;
    }
    if (chain[chain.length - 1] === alias.from) {
      problem(`cycle d'alias : ${chain.join(" → ")} (un identifiant ne peut pas redevenir lui-même)`);
      continue;
    }
    if (!anywhere(alias.to).length && !next.has(alias.to)) {
      problem(`nouvel identifiant inconnu : aucune édition ne publie « ${alias.to} »`);
    }
    const olds = anywhere(alias.from);
    if (!olds.length) problem(`ancien identifiant inconnu : aucune édition n'emploie « ${alias.from} »`);
    if (latest !== undefined && used.get(latest)!.has(alias.from)) {
      problem(
        `« ${alias.from} » est encore employé par la dernière édition (${latest}) : ` +
          "un alias renomme les éditions précédentes ; retirez la ligne ou renommez l'indicateur dans cette édition"
      );
    }
  }
  if (problems.length) return problems;
  for (const [from, to] of resolve([...next.values()])) {
    const both = editions.filter((e) => e !== latest && used.get(e)!.has(from) && used.get(e)!.has(to));
    for (const edition of both) {
      problems.push({
        file,
        line: next.get(from)!.line,
        reason: `l'édition ${edition} emploie « ${from} » et « ${to} » : l'alias en ferait des doublons`
      });
    }
  }
  return problems;
}

/** The identifiers each edition uses. */
export function identifiersByEdition(
  rows: Pick<IndicatorRow, "report_year" | "indicator">[]
): Map<number, Set<string>> {
  const used = new Map<number, Set<string>>();
  for (const row of rows) {
    if (!used.has(row.report_year)) used.set(row.report_year, new Set());
    used.get(row.report_year)!.add(row.indicator);
  }
  return used;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The rows with the editions before the latest renamed (checked aliases only): identifier, its
 * programme (the new identifier's) and the references of derivation formulas.
 */
export function applyAliases(rows: IndicatorRow[], aliases: Alias[]): IndicatorRow[] {
  if (!aliases.length) return rows;
  const final = resolve(aliases);
  const latest = Math.max(...rows.map((r) => r.report_year));
  const programmes = new Map<string, Programme>();
  for (const row of rows) programmes.set(row.indicator, row.programme);
  const references = [...final].map(
    ([from, to]) => [new RegExp(`(^|[^a-z0-9_.])${escapeRegExp(from)}(?=\\s*\\[)`, "g"), `$1${to}`] as const
  );
  return rows.map((row) => {
    if (row.report_year === latest) return row;
    const to = final.get(row.indicator);
    const derivation =
      row.derivation &&
      references.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), row.derivation);
    if (!to && derivation === row.derivation) return row;
    return to
      ? {...row, indicator: to, programme: programmes.get(to) ?? row.programme, derivation}
      : {...row, derivation};
  });
}
