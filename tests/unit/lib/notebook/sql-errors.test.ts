import {describe, expect, it} from "vitest";
import {DuckDBInstance} from "@duckdb/node-api";
import {closest, frenchDuckDbError, unknownStatement} from "../../../../src/lib/notebook/sql-errors.js";

/** DuckDB's own message for a statement (DuckDB for Node: the same engine as the page's). */
async function duckdbError(sql: string): Promise<string> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run("CREATE TABLE communes AS SELECT 'Lambersart' AS nom, 28000 AS population");
  try {
    await connection.run(sql);
    return "";
  } catch (error) {
    return (error as Error).message;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe("frenchDuckDbError", () => {
  it("names an unknown column and the close one, keeping DuckDB's words", async () => {
    const original = await duckdbError("SELECT populaton FROM communes");
    const french = frenchDuckDbError(original);
    expect(french.message).toBe("Colonne inconnue « populaton » : vouliez-vous dire « population » ? (ligne 1)");
    expect(french.original).toBe(original.trim());
  });

  it("names an unknown table, a syntax error and a GROUP BY mistake", async () => {
    expect(frenchDuckDbError(await duckdbError("SELECT * FROM commune"), ["communes", "indicators"]).message).toMatch(
      /^Table inconnue « commune » : vouliez-vous dire « communes » \?/
    );
    expect(frenchDuckDbError(await duckdbError("SELECT nom population FROM communes WHERE")).message).toMatch(
      /^Erreur de syntaxe/
    );
    expect(frenchDuckDbError(await duckdbError("SELECT nom, sum(population) FROM communes")).message).toMatch(
      /« nom » doit figurer dans GROUP BY/
    );
  });

  it("still says something in French for a message it does not know", () => {
    expect(frenchDuckDbError("Out of Range Error: something new").message).toBe(
      "DuckDB a refusé la requête (valeur hors limites) : voir son message ci-dessous."
    );
  });
});

describe("unknownStatement", () => {
  it("reports SELEC as a syntax error with a suggestion, and leaves real statements to the guard", () => {
    expect(unknownStatement("SELEC * FROM communes")).toMatchObject({
      message: "Erreur de syntaxe : « SELEC » ne commence aucune instruction SQL.",
      hint: "Vouliez-vous dire « SELECT » ?"
    });
    expect(unknownStatement("-- name: x\nSELECT 1")).toBeNull();
    expect(unknownStatement("DROP TABLE communes")).toBeNull();
    expect(closest("indicatrs", ["communes", "indicators"])).toBe("indicators");
    expect(closest("zzz", ["communes"])).toBeNull();
  });
});
