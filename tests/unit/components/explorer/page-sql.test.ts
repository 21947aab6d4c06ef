// @vitest-environment jsdom
// The helpers of a page exported from the explorer: its tables and its charts' ticks in French.
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";
import {describe, expect, it, vi} from "vitest";
import {frTable} from "../../../../src/components/explorer/page-sql.js";

// The page's engine (DuckDB-WASM, Framework's stdlib) is not needed for these helpers.
vi.mock("../../../../src/components/engine/db.js", () => ({startEngine: () => new Promise(() => {})}));

describe("page-sql", () => {
  it("writes the numbers of a result table as the explorer does, a year kept whole", () => {
    const table = frTable([
      {nom: "Lambersart", participants: 1234, taux: 2.456, annee: 2022},
      {nom: "Lompret", participants: null, taux: 0.5, annee: 2022}
    ]);
    const cells = [...table.querySelectorAll("tbody tr")].map((tr) =>
      [...tr.querySelectorAll("td")].map((td) => td.textContent)
    );
    expect(cells[0]).toContain("1\u202f234");
    expect(cells[0]).toContain("2,46");
    expect(cells[0]).toContain("2022");
    expect(cells[1]).toContain("0,5");
    // No row checkboxes: a result is read, not selected.
    expect(table.querySelector("input[type=checkbox]")).toBeNull();
  });

  it("makes d3, and Plot's axis ticks, format numbers in French", () => {
    expect(d3.format(",")(1000)).toBe("1\u202f000");
    const plot = Plot.plot({x: {domain: [0, 2500]}, marks: [Plot.ruleX([0])], document});
    const ticks = [...plot.querySelectorAll('[aria-label="x-axis tick label"] text')].map((t) => t.textContent);
    expect(ticks).toContain("1\u202f000");
    expect(ticks.join(" ")).not.toMatch(/\d,\d{3}/);
  });
});
