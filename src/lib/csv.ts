// An RFC 4180 CSV reader that remembers on which line each record starts, so that a problem in
// curated data can be reported as « file:line: reason ». Accepts a UTF-8 BOM and CRLF line ends.
import {DataError, type DataProblem, echo} from "./errors.js";

export interface CsvRecord {
  /** 1-based line on which the record starts (a quoted field may span several lines). */
  line: number;
  fields: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

function fail(file: string, line: number | undefined, reason: string): never {
  throw new DataError([{file, line, reason}]);
}

/** Decodes bytes as UTF-8, refusing anything else with the line of the first invalid byte. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder("utf-8", {fatal: true}).decode(bytes);
  } catch {
    const lossy = new TextDecoder("utf-8").decode(bytes);
    const line = lossy.slice(0, lossy.indexOf("\uFFFD")).split("\n").length;
    return fail(file, line, "le fichier n'est pas encodé en UTF-8 (octet invalide) : enregistrez-le en UTF-8");
  }
}

/** Splits CSV text into records; a syntax error stops reading and names its line. */
function readRecords(input: string, file: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false; // the current field was written between quotes
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const plain = /[",\r\n]/g; // where an unquoted field's run of characters ends
  const endField = () => {
    fields.push(field);
    field = "";
    quoted = false;
  };
  const endRecord = () => {
    const blank = fields.length === 0 && field === "" && !quoted;
    endField();
    if (!blank) records.push({line: recordLine, fields});
    fields = [];
    recordLine = line;
  };
  while (i < input.length) {
    const c = input[i];
    if (c === '"' && field === "" && !quoted) {
      const start = line;
      quoted = true;
      // Copy the runs between quotes and line breaks with slice: appending one character at a time
      // builds millions of string fragments on a large file, and the garbage collector pays for them.
      const run = /["\r\n]/g;
      for (i++; ;) {
        run.lastIndex = i;
        const stop = run.exec(input);
        if (!stop) fail(file, start, "guillemet ouvert jamais refermé");
        field += input.slice(i, stop!.index);
        i = stop!.index;
        const q = input[i];
        if (q === '"' && input[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (q === '"') {
          i++;
          break;
        } else if (q === "\r" && input[i + 1] === "\n") {
          i++; // CRLF inside a field is a line break, kept as "\n"
        } else {
          if (q === "\n") line++;
          field += q;
          i++;
        }
      }
      const next = input[i];
      if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
        fail(
          file,
          line,
          `caractère « ${next} » après un champ entre guillemets (un « " » intérieur se double : « "" »)`
        );
      }
    } else if (c === ",") {
      endField();
      i++;
    } else if (c === "\n" || c === "\r") {
      i += c === "\r" && input[i + 1] === "\n" ? 2 : 1;
      line++;
      endRecord();
    } else {
      if (c === '"') fail(file, line, "guillemet au milieu d'un champ qui n'est pas entre guillemets");
      plain.lastIndex = i;
      const end = plain.exec(input)?.index ?? input.length;
      field += input.slice(i, end);
      i = end;
    }
  }
  if (field !== "" || quoted || fields.length) endRecord();
  return records;
}

/** Parses CSV text with a header line. Record widths are checked apart (see widthProblems). */
export function parseCsv(text: string, file: string): CsvTable {
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (input.trim() === "") fail(file, undefined, "fichier vide : une ligne d'en-tête est attendue");
  const [head, ...records] = readRecords(input, file);
  return {header: head.fields.map((h) => h.trim()), records};
}

/** Header columns written twice (the last copy would silently win in recordsToObjects). */
export function duplicateColumns(table: CsvTable, file: string): DataProblem[] {
  const seen = new Set<string>();
  const problems: DataProblem[] = [];
  for (const [i, name] of table.header.entries()) {
    const reason = `colonne « ${echo(name)} » en double (colonne ${i + 1}) : gardez-en une`;
    if (seen.has(name)) problems.push({file, line: 1, reason});
    seen.add(name);
  }
  return problems;
}

/** Records whose number of fields differs from the header's. */
export function widthProblems(table: CsvTable, file: string): DataProblem[] {
  return table.records
    .filter((record) => record.fields.length !== table.header.length)
    .map((record) => ({
      file,
      line: record.line,
      reason:
        `${record.fields.length} champs au lieu de ${table.header.length} ` +
        "(un texte qui contient une virgule doit être entre guillemets)"
    }));
}

/** Turns records into objects keyed by header name. */
export function recordsToObjects(table: CsvTable): {line: number; values: Record<string, string>}[] {
  return table.records.map(({line, fields}) => ({
    line,
    values: Object.fromEntries(table.header.map((name, i) => [name, fields[i]]))
  }));
}

export interface CsvFormatOptions {
  /**
   * Prefix with « ' » a text cell that a spreadsheet would run as a formula (starting with = + - @,
   * a tab or a carriage return): on by default, every download is opened in a spreadsheet. Off only
   * for writing curated data files, whose text must stay verbatim.
   */
  neutralise?: boolean;
}

/** Text that Excel, LibreOffice or Sheets would take for a formula (« =HYPERLINK(…) », « @SUM »). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text field read back from a CSV written with `neutralise` (propositions.csv): the « ' » put
 * before « -4,1 » or « =… » taken off, so that the value is the one printed again.
 */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/**
 * One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). A number is
 * written as a number (« -4.1 » stays a negative number); only text is neutralised.
 */
export function formatCsvField(value: unknown, {neutralise = true}: CsvFormatOptions = {}): string {
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  let text = value === null || value === undefined ? "" : String(value);
  if (neutralise && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text with a header line, LF line ends and a final newline. */
export function formatCsv(header: string[], rows: unknown[][], options: CsvFormatOptions = {}): string {
  return [header, ...rows].map((row) => row.map((value) => formatCsvField(value, options)).join(",")).join("\n") + "\n";
}
