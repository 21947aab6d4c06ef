import {describe, expect, it} from "vitest";
import {checkStatement} from "../../../../src/lib/notebook/guard.js";

const allowed = (sql: string) => checkStatement(sql).ok;
const reason = (sql: string) => {
  const r = checkStatement(sql);
  return r.ok ? "" : r.reason;
};

describe("checkStatement", () => {
  it.each([
    "SELECT count(*) AS n FROM indicators",
    "select 1;",
    "  -- name: x\nSELECT 1 ;  \n -- fin",
    "FROM communes",
    "VALUES (1, 2)",
    "TABLE communes",
    "DESCRIBE indicators",
    "SHOW TABLES",
    "SUMMARIZE communes",
    "PIVOT communes ON population_year USING sum(population)",
    "UNPIVOT communes ON population INTO NAME k VALUE v",
    "(SELECT 1) UNION ALL (SELECT 2)",
    "WITH x AS (SELECT 1) SELECT * FROM x",
    "WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM x WHERE n < 3), y AS MATERIALIZED (FROM x) FROM y",
    "SELECT 'DROP TABLE indicators; DELETE' AS texte",
    "EXPLAIN SELECT 1",
    "EXPLAIN ANALYZE SELECT 1"
  ])("runs %s", (sql) => expect(allowed(sql)).toBe(true));

  it.each([
    ["DROP TABLE indicators", "DROP"],
    ["delete from communes", "DELETE"],
    ["UPDATE indicators SET value = 0", "UPDATE"],
    ["INSERT INTO communes VALUES ('x')", "INSERT"],
    ["ALTER TABLE communes RENAME TO c", "ALTER"],
    ["CREATE TABLE t AS SELECT 1", "CREATE"],
    ["CREATE OR REPLACE TABLE indicators AS SELECT 1", "CREATE"],
    ["TRUNCATE indicators", "TRUNCATE"],
    ["COPY indicators TO 'x.csv'", "COPY"],
    ["ATTACH 'x.db'", "ATTACH"],
    ["INSTALL spatial", "INSTALL"],
    ["LOAD httpfs", "LOAD"],
    ["SET enable_external_access = true", "SET"],
    ["PRAGMA enable_profiling", "PRAGMA"],
    ["CALL pragma_version()", "CALL"],
    ["BEGIN", "BEGIN"],
    ["WITH x AS (SELECT 1) DELETE FROM communes", "DELETE"],
    ["WITH x(a) AS (SELECT 1) INSERT INTO communes SELECT * FROM x", "INSERT"],
    ["EXPLAIN ANALYZE DELETE FROM communes", "DELETE"],
    ["(DELETE FROM communes)", "DELETE"]
  ])("refuses %s", (sql, word) => {
    expect(reason(sql)).toContain(`« ${word} »`);
    expect(reason(sql)).toMatch(/lecture seule/);
  });

  it("refuses a second statement, even a harmless one", () => {
    expect(reason("SELECT 1; DROP TABLE indicators")).toMatch(/2 instructions/);
    expect(reason("SELECT 1; SELECT 2;")).toMatch(/une seule requête/);
  });

  it("ends a -- comment at a carriage return, as DuckDB does", () => {
    expect(reason("-- commentaire\rDROP TABLE indicators")).toContain("« DROP »");
    expect(reason("SELECT 1 -- commentaire\r; DROP TABLE indicators")).toMatch(/2 instructions/);
    expect(allowed("-- name: x\r\nSELECT 1")).toBe(true);
  });

  it("says when a cell is empty", () => {
    expect(reason("  -- name: x\n /* rien */ ;")).toMatch(/vide/);
  });

  it("drops the final semicolon, keeps the leading comments, tells what can be wrapped", () => {
    expect(checkStatement("-- name: x\nSELECT 1; -- fin")).toEqual({ok: true, sql: "-- name: x\nSELECT 1", kind: "query", wrappable: true});
    expect(checkStatement("EXPLAIN SELECT 1")).toMatchObject({kind: "explain", wrappable: false});
  });
});
