// Which rows of propositions.csv become indicateurs.csv: decisions, absent proposals, the columns.
import {describe, expect, it} from "vitest";
import {formatCsv, parseCsv} from "../../../../src/lib/csv.js";
import {acceptPropositions} from "../../../../src/lib/edition/accept.js";

const COLUMNS = ["year", "indicator", "value", "status", "derivation", "quote"];
const HEADER = [...COLUMNS, "confidence", "match", "reference_value", "reference_quote", "decision"];

function table(rows: string[][]) {
  return parseCsv(formatCsv(HEADER, rows), "propositions.csv");
}

describe("acceptPropositions", () => {
  it("keeps proposals unless rejected, absent ones only when accepted with a value, columns of indicateurs.csv", () => {
    const result = acceptPropositions(
      table([
        ["2023", "mde.a", "12", "publie", "", "12 jeunes", "1.00", "exact", "10", "10 jeunes", ""],
        ["2023", "mde.b", "-4,1", "publie", "", "-4,1 %", "0.80", "reformule", "-3", "-3 %", "Accepte"],
        ["2023", "mde.c", "5", "publie", "", "5 jeunes", "1.00", "exact", "4", "4 jeunes", "rejete"],
        ["2023", "mde.d", "", "publie", "", "", "0.00", "absent", "3", "3 jeunes", ""],
        ["2023", "mde.e", "", "publie", "", "", "0.00", "absent", "3", "3 jeunes", "accepte"],
        ["2023", "mde.f", "8", "publie", "", "8 jeunes", "0.00", "absent", "3", "3 jeunes", "accepte"],
        ["2023", "mde.g", "", "derive", "mde.a[2023] * 2", "", "0.00", "absent", "", "", "accepte"]
      ]),
      "propositions.csv",
      COLUMNS
    );
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => r.indicator)).toEqual(["mde.a", "mde.b", "mde.f", "mde.g"]);
    expect(Object.keys(result.rows[0])).toEqual(COLUMNS);
    // The spreadsheet guard of the CSV writer (« '-4,1 ») is taken off.
    expect(result.rows[1].value).toBe("-4,1");
    expect(result.rows[1].quote).toBe("-4,1 %");
    expect(result.lines).toEqual([2, 3, 7, 8]);
    expect(result.dropped).toEqual({rejected: 1, absent: 2});
  });

  it("refuses an unknown decision, a missing column and a short line, each with its line", () => {
    const bad = acceptPropositions(
      table([["2023", "mde.a", "12", "publie", "", "12 jeunes", "1.00", "exact", "10", "10 jeunes", "ok"]]),
      "p.csv",
      COLUMNS
    );
    expect(bad.problems).toEqual([
      {file: "p.csv", line: 2, reason: "décision « ok » inconnue : accepte, rejete ou vide"}
    ]);
    const missing = acceptPropositions(parseCsv("year,indicator\n2023,mde.a\n", "p.csv"), "p.csv", COLUMNS);
    expect(missing.problems[0]).toMatchObject({line: 1, reason: expect.stringMatching(/manquantes : value, status/)});
    const short = acceptPropositions(parseCsv(`${HEADER.join(",")}\n2023,mde.a\n`, "p.csv"), "p.csv", COLUMNS);
    expect(short.problems[0]).toMatchObject({line: 2, reason: expect.stringMatching(/2 champs au lieu de 11/)});
  });
});
