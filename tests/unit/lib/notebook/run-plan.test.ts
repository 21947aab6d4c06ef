import {describe, expect, it} from "vitest";
import {
  MAX_BYTES,
  approximateBytes,
  rowLimit,
  rowsWithinBytes,
  cellLineNumbers,
  countSql,
  createViewSql,
  dropViewSql,
  errorHint,
  identifierForEditor,
  isCancellation,
  limitedSql,
  quoteIdentifier
} from "../../../../src/lib/notebook/run-plan.js";

describe("SQL around a cell", () => {
  it("caps the rows read one past the limit, on lines of its own", () => {
    expect(limitedSql("SELECT 1 -- fin", 50)).toBe("SELECT * FROM (\nSELECT 1 -- fin\n) LIMIT 51");
    expect(countSql("SELECT 1")).toBe("SELECT count(*) AS n FROM (\nSELECT 1\n)");
  });

  it("creates and drops named results as temporary views", () => {
    expect(createViewSql("participants", "SELECT 1")).toBe('CREATE OR REPLACE TEMP VIEW "participants" AS SELECT * FROM (\nSELECT 1\n)');
    expect(dropViewSql("participants")).toBe('DROP VIEW IF EXISTS temp.main."participants"');
  });

  it("quotes identifiers", () => {
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
    expect(identifierForEditor("commune_code")).toBe("commune_code");
    expect(identifierForEditor("Nom complet")).toBe('"Nom complet"');
  });
});

describe("DuckDB messages", () => {
  it("numbers lines as in the cell when the statement was wrapped", () => {
    expect(cellLineNumbers("Parser Error: syntax error\nLINE 3: FORM x", true)).toBe("Parser Error: syntax error\nLINE 2: FORM x");
    expect(cellLineNumbers("LINE 3: FORM x", false)).toBe("LINE 3: FORM x");
  });

  it("gives advice for known causes", () => {
    expect(errorHint("Permission Error: Scanning read_csv files is disabled through configuration")).toMatch(/réseau/);
    expect(errorHint("Invalid Error: PendingQuery can only take a single statement")).toMatch(/PIVOT/);
    expect(errorHint("Catalog Error: Table with name indicateurs does not exist!", ["communes", "indicators"])).toBe(
      "Tables disponibles : communes, indicators (voir le panneau « Tables »)."
    );
    expect(errorHint("Parser Error: syntax error")).toBeNull();
  });

  it("recognises a cancellation", () => {
    expect(isCancellation("query was canceled")).toBe(true);
    expect(isCancellation("Parser Error")).toBe(false);
  });
});

describe("result caps", () => {
  it("reads fewer rows of a wide result", () => {
    expect(rowLimit(0)).toBe(100_000);
    expect(rowLimit(20)).toBe(100_000);
    expect(rowLimit(1000)).toBe(2000);
    expect(rowLimit(3_000_000)).toBe(1);
  });

  it("keeps the first rows that fit in the byte budget", () => {
    const row = {t: "x".repeat(1000), n: 1};
    expect(approximateBytes(row.t)).toBe(2000);
    expect(rowsWithinBytes([row, row, row], 4100)).toBe(2);
    expect(rowsWithinBytes([row], MAX_BYTES)).toBe(1);
    expect(approximateBytes({a: [1, "ab"], b: null})).toBe(16 + 16 + 8 + 4 + 1);
  });
});
