import {DuckDBInstance} from "@duckdb/node-api";
import {describe, expect, it} from "vitest";
import {bindSqlParameters, bindableValue, setVariableSql, sqlWords} from "../../../../src/lib/notebook/sql-params.js";

describe("bindSqlParameters", () => {
  it("replaces ${name} outside strings and comments, and lists the names once, in order", () => {
    const bound = bindSqlParameters(
      "SELECT * FROM t -- ${pas_ici}\nWHERE a >= ${ seuil } AND b = '${texte}' AND c < ${seuil} + ${autre}"
    );
    expect(bound).toEqual({
      ok: true,
      sql:
        "SELECT * FROM t -- ${pas_ici}\nWHERE a >= getvariable('seuil') AND b = '${texte}' " +
        "AND c < getvariable('seuil') + getvariable('autre')",
      params: ["seuil", "autre"]
    });
  });

  it("refuses anything but a name inside ${…}, naming the line", () => {
    expect(bindSqlParameters("SELECT 1\nWHERE x = ${1 + 1}")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Ligne 2/)
    });
    expect(bindSqlParameters("SELECT ${a.b}")).toMatchObject({ok: false});
  });

  it("binds a value as a prepared parameter: a hostile text stays a value, in DuckDB itself", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    await connection.run("CREATE TABLE t AS SELECT * FROM (VALUES ('a'), ('b')) AS v(x)");
    await connection.run("SET lock_configuration = true");
    const bound = bindSqlParameters("SELECT count(*) AS n FROM t WHERE x = ${choix}");
    if (!bound.ok) throw new Error(bound.message);
    const count = async (value: string) => {
      await connection.run(setVariableSql("choix"), [value]);
      return Number((await connection.runAndReadAll(bound.sql)).getRowObjects()[0].n);
    };
    expect(await count("a")).toBe(1);
    expect(await count("a' OR '1'='1")).toBe(0);
    expect(await count("'; DROP TABLE t; --")).toBe(0);
    expect(Number((await connection.runAndReadAll("SELECT count(*) AS n FROM t")).getRowObjects()[0].n)).toBe(2);
    connection.closeSync();
    instance.closeSync();
  });
});

describe("bindableValue and sqlWords", () => {
  it("accepts numbers, texts, booleans, dates and null; says why not for the rest", () => {
    expect(bindableValue("x", 3)).toEqual({ok: true, value: 3});
    expect(bindableValue("x", undefined)).toEqual({ok: true, value: null});
    expect(bindableValue("d", new Date("2022-01-02T00:00:00Z"))).toEqual({ok: true, value: "2022-01-02T00:00:00.000Z"});
    expect(bindableValue("x", [1])).toMatchObject({ok: false, message: expect.stringContaining("une liste")});
    expect(() => setVariableSql("x; DROP")).toThrow();
  });

  it("lists the words and quoted names an SQL text may use as tables", () => {
    expect(sqlWords("SELECT * FROM Participants JOIN \"Autre nom\" ON 1 -- commentaire\nWHERE x = 'texte'")).toEqual([
      "select",
      "from",
      "participants",
      "join",
      "autre nom",
      "on",
      "where",
      "x"
    ]);
  });
});
