// Each corrupted variant of the fixture edition must be rejected with the file, the line and the
// reason; each harmless variant (CRLF, BOM, quoted fields) must be accepted.
import {rmSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {formatCsv, parseCsv} from "../../../../src/lib/csv.js";
import {dataPaths, loadIndicators} from "../../../../src/lib/build/datasets.js";
import {DataError, type DataProblem} from "../../../../src/lib/errors.js";
import {type FixtureData, fixtureData} from "./fixture-editions.js";

const CSV = "2023/indicateurs.csv";
const TEXT = "2023/rapport.txt";
const RULES = "2023/coherence.json";
const FILE = `data/reports/${CSV}`;

function problemsAfter(corrupt: (data: FixtureData) => void): DataProblem[] {
  const data = fixtureData();
  corrupt(data);
  try {
    loadIndicators(dataPaths(data.root));
  } catch (error) {
    if (error instanceof DataError) return error.problems;
    throw error;
  }
  return [];
}

/** Replaces one field of the record that starts on `line` of the fixture CSV. */
function setField(data: FixtureData, line: number, column: string, value: string): void {
  const table = parseCsv(data.read(CSV), CSV);
  const record = table.records.find((r) => r.line === line);
  if (!record) throw new Error(`no record on line ${line}`);
  record.fields[table.header.indexOf(column)] = value;
  data.write(
    CSV,
    formatCsv(
      table.header,
      table.records.map((r) => r.fields),
      {neutralise: false}
    )
  );
}

/** Rewrites the fixture CSV with another set of columns (an added column is empty). */
function editColumns(data: FixtureData, columns: (header: string[]) => string[]): void {
  const table = parseCsv(data.read(CSV), CSV);
  const header = columns(table.header);
  const rows = table.records.map((r) => header.map((c) => r.fields[table.header.indexOf(c)] ?? ""));
  data.write(CSV, formatCsv(header, rows, {neutralise: false}));
}

const corrupted: [string, (data: FixtureData) => void, {file?: string; line?: number; reason: RegExp}][] = [
  ["malformed number (dot decimal)", (d) => setField(d, 2, "value", "460.0"), {file: FILE, line: 2, reason: /virgule/}],
  [
    "a word instead of a number",
    (d) => setField(d, 2, "value", "beaucoup"),
    {file: FILE, line: 2, reason: /format français/}
  ],
  [
    "unknown programme",
    (d) => setField(d, 2, "programme", "pile"),
    {file: FILE, line: 2, reason: /programme inconnu « pile »/}
  ],
  [
    "indicator outside its programme",
    (d) => setField(d, 2, "indicator", "mde.participants"),
    {line: 2, reason: /doit commencer par son programme/}
  ],
  [
    "unknown commune",
    (d) => setField(d, 3, "commune_code", "59999"),
    {file: FILE, line: 3, reason: /commune inconnue « 59999 »/}
  ],
  ["unknown unit", (d) => setField(d, 2, "unit", "kilos"), {line: 2, reason: /unité inconnue « kilos »/}],
  ["unknown status", (d) => setField(d, 2, "status", "estime"), {line: 2, reason: /statut inconnu/}],
  ["year on two digits", (d) => setField(d, 2, "year", "23"), {line: 2, reason: /année « 23 » invalide/}],
  ["dimension without category", (d) => setField(d, 7, "category", ""), {line: 7, reason: /dimension et category/}],
  [
    "quote not in the text",
    (d) => setField(d, 3, "quote", "Lambersart : 900"),
    {line: 3, reason: /citation introuvable/}
  ],
  [
    "value not in its quote",
    (d) => setField(d, 3, "value", "91"),
    {line: 3, reason: /ne se lit pas dans la citation \(nombres lus : 90\)/}
  ],
  ["published value missing", (d) => setField(d, 2, "value", ""), {line: 2, reason: /value est vide/}],
  ["empty required field", (d) => setField(d, 2, "label", ""), {line: 2, reason: /label est vide/}],
  [
    "duplicate key",
    (d) => d.write(CSV, d.read(CSV) + d.read(CSV).split("\n")[2] + "\n"),
    {line: 15, reason: /doublon de la ligne 3/}
  ],
  [
    "broken sum of communes",
    (d) => {
      d.edit(TEXT, "Lambersart : 90", "Lambersart : 91");
      setField(d, 3, "value", "91");
      setField(d, 3, "quote", "Lambersart : 91");
    },
    {file: `data/reports/${RULES}`, line: 3, reason: /plie-participants-communes.*460.*461/}
  ],
  [
    "share out of 0–100",
    (d) => {
      d.edit(TEXT, "H : 48%", "Moins de 26 ans : 152%\nH : 48%");
      setField(d, 7, "value", "152");
      setField(d, 7, "quote", "Moins de 26 ans : 152%");
    },
    {line: 7, reason: /entre 0 et 100/}
  ],
  [
    "derived row with a typed value",
    (d) => setField(d, 11, "value", "15 810"),
    {line: 11, reason: /valeur dérivée est calculée/}
  ],
  [
    "derived row without formula",
    (d) => setField(d, 11, "derivation", ""),
    {line: 11, reason: /doit avoir sa formule/}
  ],
  [
    "formula syntax error",
    (d) => setField(d, 11, "derivation", "mission_locale.entretiens[2023] / (1 +"),
    {line: 11, reason: /formule .* attendu/}
  ],
  [
    "formula refers to nothing",
    (d) => setField(d, 11, "derivation", "mission_locale.rendez_vous[2023] / 2"),
    {line: 11, reason: /ne correspond à aucune ligne/}
  ],
  [
    "formula ambiguous",
    (d) => setField(d, 11, "derivation", "plie.participants[2023; commune=*]"),
    {line: 11, reason: /correspond à 3 lignes/}
  ],
  [
    "circular derivation",
    (d) => {
      setField(d, 10, "status", "derive");
      setField(d, 10, "value", "");
      setField(d, 10, "derivation", "mission_locale.entretiens[2022] * 1");
    },
    {reason: /circulaire/}
  ],
  [
    "missing column",
    (d) => editColumns(d, (columns) => columns.filter((c) => c !== "unit")),
    {file: FILE, line: 1, reason: /colonne manquante : unit/}
  ],
  [
    "unknown column",
    (d) => editColumns(d, (columns) => [...columns, "note"]),
    {file: FILE, line: 1, reason: /colonne inconnue : « note »/}
  ],
  [
    "wrong number of fields",
    (d) => d.write(CSV, d.read(CSV) + "2023,plie,x\n"),
    {line: 15, reason: /3 champs au lieu de 13/}
  ],
  [
    "unterminated quote",
    (d) => d.write(CSV, d.read(CSV) + '2023,plie,"Participants\n'),
    {line: 15, reason: /jamais refermé/}
  ],
  ["empty file", (d) => d.write(CSV, ""), {file: FILE, reason: /fichier vide/}],
  [
    "wrong encoding (Latin-1)",
    (d) => d.write(CSV, Buffer.from(d.read(CSV), "latin1")),
    {file: FILE, line: 2, reason: /pas encodé en UTF-8/}
  ],
  ["report text missing", (d) => rmSync(d.path(TEXT)), {file: `data/reports/${TEXT}`, reason: /fichier manquant/}],
  ["consistency rules not JSON", (d) => d.write(RULES, "[{"), {file: `data/reports/${RULES}`, reason: /JSON invalide/}],
  [
    "consistency rule on a missing indicator",
    (d) => d.edit(RULES, '"plie.participants[2023]"', '"plie.inscrits[2023]"'),
    {file: `data/reports/${RULES}`, line: 3, reason: /plie\.inscrits\[2023\] ne correspond à aucune ligne/}
  ]
];

describe("a corrupted edition is rejected with file, line and reason", () => {
  it.each(corrupted)("%s", (_name, corrupt, expected) => {
    const problems = problemsAfter(corrupt);
    expect(problems).toEqual(
      expect.arrayContaining([expect.objectContaining({...expected, reason: expect.stringMatching(expected.reason)})])
    );
  });

  it("reports every problem of a file at once, not just the first", () => {
    const problems = problemsAfter((d) => {
      setField(d, 2, "programme", "pile");
      setField(d, 3, "commune_code", "59999");
    });
    expect([...new Set(problems.map((p) => p.line))]).toEqual([2, 3]);
  });
});

describe("harmless variants are accepted", () => {
  const accepted: [string, (data: FixtureData) => void][] = [
    ["CRLF line ends", (d) => d.write(CSV, d.read(CSV).replace(/\n/g, "\r\n"))],
    ["a UTF-8 byte order mark", (d) => d.write(CSV, "\uFEFF" + d.read(CSV))],
    [
      "a quoted quote with commas and a line break",
      (d) => setField(d, 9, "quote", "16 000 entretiens,\nsoit une hausse de 1,2 %")
    ],
    ["spaces around fields", (d) => setField(d, 2, "unit", " participants ")],
    ["no-break spaces in a number", (d) => setField(d, 9, "value", "16\u202f000")]
  ];
  it.each(accepted)("%s", (_name, vary) => {
    expect(problemsAfter(vary)).toEqual([]);
  });
});
