// Rows from DuckDB for Node and from DuckDB-WASM (Arrow) must reach the pages in the same shape.
import {tableFromArrays} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {plainValue} from "../../../src/lib/duckdb-values.js";
import {Warehouse} from "../../../src/lib/build/warehouse.js";

describe("plainValue", () => {
  it("turns BIGINT, DECIMAL and lists into numbers and arrays, as the pages expect", async () => {
    const warehouse = await Warehouse.create();
    try {
      const [row] = await warehouse.query("SELECT 42::BIGINT AS n, 1.25::DECIMAL(5, 2) AS d, [1, 2]::BIGINT[] AS l");
      expect(row).toEqual({n: 42, d: 1.25, l: [1, 2]});
    } finally {
      warehouse.close();
    }
  });

  it("reads Arrow vectors (DuckDB-WASM's lists) as arrays", () => {
    const table = tableFromArrays({n: BigInt64Array.from([7n, 8n])});
    expect(plainValue(table.getChild("n"))).toEqual([7, 8]);
    expect(plainValue(null)).toBeNull();
    expect(plainValue("texte")).toBe("texte");
  });
});
