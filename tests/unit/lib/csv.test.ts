import {describe, expect, it} from "vitest";
import {decodeUtf8, formatCsv, parseCsv, restoreNeutralised, widthProblems} from "../../../src/lib/csv.js";
import {DataError} from "../../../src/lib/errors.js";

const problemsOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof DataError) return error.problems;
    throw error;
  }
  throw new Error("expected a DataError");
};

describe("parseCsv", () => {
  it("reads quoted fields with commas, quotes and line breaks, and remembers lines", () => {
    const table = parseCsv('a,b\n1,"x, ""y""\nz"\n2,w\n', "f.csv");
    expect(table.header).toEqual(["a", "b"]);
    expect(table.records).toEqual([
      {line: 2, fields: ["1", 'x, "y"\nz']},
      {line: 4, fields: ["2", "w"]}
    ]);
  });

  it("accepts CRLF line ends and a UTF-8 BOM", () => {
    const table = parseCsv('\uFEFFa,b\r\n1,"p\r\nq"\r\n2,r\r\n', "f.csv");
    expect(table.header).toEqual(["a", "b"]);
    expect(table.records).toEqual([
      {line: 2, fields: ["1", "p\nq"]},
      {line: 4, fields: ["2", "r"]}
    ]);
  });

  it("keeps an empty quoted field empty and skips blank lines", () => {
    expect(parseCsv('a,b\n"",x\n\n3,\n', "f.csv").records).toEqual([
      {line: 2, fields: ["", "x"]},
      {line: 4, fields: ["3", ""]}
    ]);
  });

  it("reports a record of the wrong width with its line", () => {
    const table = parseCsv("a,b\n1,2\n3,4,5\n", "f.csv");
    expect(widthProblems(table, "f.csv")).toEqual([
      {file: "f.csv", line: 3, reason: expect.stringMatching(/3 champs au lieu de 2/)}
    ]);
  });

  it("reports an unterminated quote at the line where it opens", () => {
    expect(problemsOf(() => parseCsv('a,b\n1,"oops\n2,3\n', "f.csv"))).toEqual([
      {file: "f.csv", line: 2, reason: expect.stringMatching(/jamais refermé/)}
    ]);
  });

  it("reports a stray quote", () => {
    expect(problemsOf(() => parseCsv('a,b\n1,x"y\n', "f.csv"))[0]).toMatchObject({
      line: 2,
      reason: expect.stringMatching(/guillemet/)
    });
    expect(problemsOf(() => parseCsv('a,b\n1,"x"y\n', "f.csv"))[0]).toMatchObject({
      line: 2,
      reason: expect.stringMatching(/après un champ/)
    });
  });

  it("refuses an empty file", () => {
    expect(problemsOf(() => parseCsv("", "f.csv"))[0].reason).toMatch(/fichier vide/);
    expect(problemsOf(() => parseCsv("\uFEFF\n  \n", "f.csv"))[0].reason).toMatch(/fichier vide/);
  });
});

describe("formatCsv", () => {
  it("quotes what needs quoting and reads back identically", () => {
    const rows = [
      ["1", 'x, "y"\nz', ""],
      [null, "plain", 3]
    ];
    const text = formatCsv(["a", "b", "c"], rows);
    expect(text).toBe('a,b,c\n1,"x, ""y""\nz",\n,plain,3\n');
    expect(parseCsv(text, "f.csv").records.map((r) => r.fields)).toEqual([
      ["1", 'x, "y"\nz', ""],
      ["", "plain", "3"]
    ]);
  });
});

describe("formatCsv neutralises formulas for spreadsheets", () => {
  it.each([
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ["+33 6 12", "'+33 6 12"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", '"\'\r=1"'],
    ["a=1", "a=1"],
    ["Marcq-en-Barœul", "Marcq-en-Barœul"]
  ])("text %j → %s", (value, expected) => {
    expect(formatCsv(["x"], [[value]])).toBe(`x\n${expected}\n`);
  });

  it("writes numbers as numbers, negative ones included", () => {
    expect(
      formatCsv(
        ["n", "m", "b"],
        [
          [-4.1, -0, -12n],
          [1e-7, 0, 3]
        ]
      )
    ).toBe("n,m,b\n-4.1,0,-12\n1e-7,0,3\n");
  });

  it("keeps curated text verbatim when asked (data files, not downloads)", () => {
    expect(formatCsv(["quote"], [["- 223 employeurs"]], {neutralise: false})).toBe("quote\n- 223 employeurs\n");
  });
});

describe("decodeUtf8", () => {
  it("decodes UTF-8", () => {
    expect(decodeUtf8(new TextEncoder().encode("Pérenchies"), "f.csv")).toBe("Pérenchies");
  });
  it("refuses Latin-1 with the line of the first bad byte", () => {
    const latin1 = Uint8Array.from([...new TextEncoder().encode("a,b\n1,2\n"), 0x50, 0xe9, 0x72, 0x0a]);
    expect(problemsOf(() => decodeUtf8(latin1, "f.csv"))).toEqual([
      {file: "f.csv", line: 3, reason: expect.stringMatching(/UTF-8/)}
    ]);
  });
});

describe("restoreNeutralised", () => {
  it("takes off the « ' » the writer put before a text a spreadsheet would run, and only that", () => {
    const written = ["-4,1", "=SOMME(A1)", "+3 points", "@x", "'déjà cité", "12", "l'année"];
    const csv = formatCsv(
      ["v"],
      written.map((w) => [w])
    );
    expect(csv).toContain("'-4,1");
    const read = parseCsv(csv, "f.csv").records.map((r) => restoreNeutralised(r.fields[0]));
    expect(read).toEqual(written);
  });
});
