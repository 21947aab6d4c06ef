import {describe, expect, it} from "vitest";
import {cellName} from "../../../../src/lib/notebook/cell-name.js";

describe("cellName", () => {
  it("reads `-- name:` and `-- nom:` anywhere in the cell, lower-cased", () => {
    expect(cellName("-- name: participants\nSELECT 1")).toEqual({name: "participants"});
    expect(cellName("SELECT 1\n--nom :Par_2022  ")).toEqual({name: "par_2022"});
  });

  it("has none without the directive, or when it is inside a string", () => {
    expect(cellName("SELECT 1 -- un commentaire")).toBeNull();
    expect(cellName("SELECT '-- name: x'")).toBeNull();
  });

  it("refuses names that are not plain identifiers, base tables or reserved words", () => {
    expect(cellName("-- name: mes résultats")).toMatchObject({error: expect.stringMatching(/invalide/)});
    expect(cellName("-- name: 2022")).toMatchObject({error: expect.stringMatching(/invalide/)});
    expect(cellName("-- name: Indicators", ["indicators", "communes"])).toMatchObject({error: expect.stringMatching(/table de base/)});
    expect(cellName("-- name: select")).toMatchObject({error: expect.stringMatching(/réservé/)});
  });
});
