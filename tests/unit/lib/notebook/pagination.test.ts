import {describe, expect, it} from "vitest";
import {durationLabel, pageView, rowCountLabel} from "../../../../src/lib/notebook/pagination.js";

const NNBSP = "\u202f";

describe("pageView", () => {
  it("cuts a large result into pages of 50", () => {
    expect(pageView(1000, 1)).toMatchObject({
      page: 1,
      pages: 20,
      start: 50,
      end: 100,
      hasPrevious: true,
      hasNext: true,
      label: `Lignes 51 à 100 sur 1${NNBSP}000`
    });
  });

  it("clamps the page and handles short and empty results", () => {
    expect(pageView(120, 9)).toMatchObject({page: 2, start: 100, end: 120, hasNext: false});
    expect(pageView(3, -1)).toMatchObject({
      page: 0,
      pages: 1,
      hasPrevious: false,
      hasNext: false,
      label: "Lignes 1 à 3 sur 3"
    });
    expect(pageView(0, 0)).toMatchObject({pages: 1, start: 0, end: 0, label: "Aucune ligne"});
  });
});

describe("labels", () => {
  it("counts rows and times in French", () => {
    expect(rowCountLabel(1)).toBe("1 ligne");
    expect(rowCountLabel(37829)).toBe(`37${NNBSP}829 lignes`);
    expect(durationLabel(4.26)).toBe(`4,3${NNBSP}ms`);
    expect(durationLabel(250)).toBe(`250${NNBSP}ms`);
    expect(durationLabel(1234)).toBe(`1,2${NNBSP}s`);
  });
});
