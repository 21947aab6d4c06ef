import {describe, expect, it} from "vitest";
import {
  formatCompactEuros,
  formatEuros,
  formatEvolution,
  formatLongDate,
  formatNumber,
  formatPercent,
  formatRank,
  withUnit
} from "../../../src/lib/format.js";
import {formatDerived, formatHeadline, formatValue} from "../../../src/lib/units.js";

const NNBSP = "\u202f";

describe("French formats", () => {
  it("groups thousands with a narrow no-break space and uses the decimal comma", () => {
    expect(formatNumber(37829)).toBe(`37${NNBSP}829`);
    expect(formatNumber(517.5, 2)).toBe("517,5");
    expect(formatNumber(2791287.49, 2)).toBe(`2${NNBSP}791${NNBSP}287,49`);
  });

  it("writes shares, evolutions and money as the report does", () => {
    expect(formatPercent(12.5)).toBe(`12,5${NNBSP}%`);
    expect(formatEvolution(17)).toBe(`+17${NNBSP}%`);
    expect(formatEvolution(-4.1)).toBe(`−4,1${NNBSP}%`);
    expect(formatEuros(120566.5)).toBe(`120${NNBSP}566,50${NNBSP}€`);
    expect(formatEuros(20892)).toBe(`20${NNBSP}892${NNBSP}€`);
    expect(formatCompactEuros(2791287.49)).toBe(`2,8${NNBSP}M€`);
    expect(formatHeadline(2791287.49, "euros")).toBe(`2,8${NNBSP}M€`);
    expect(formatValue(37829, "heures")).toBe(`37${NNBSP}829${NNBSP}h`);
  });

  it("marks and rounds derived values", () => {
    expect(formatDerived(13541.0256, "entretiens")).toBe(`≈${NNBSP}13${NNBSP}541`);
  });

  it("agrees in number and ranks in French", () => {
    expect(withUnit(1, "participants")).toBe("1 participants".replace("participants", "participant"));
    expect(withUnit(0, "demandeurs d’emploi")).toBe("0 demandeur d’emploi");
    expect(withUnit(4, "participants")).toBe("4 participants");
    expect(withUnit(1, "rendez-vous")).toBe("1 rendez-vous");
    expect(formatRank(1)).toBe("1er");
    expect(formatRank(3)).toBe("3e");
    expect(formatRank(1, true)).toBe("1re");
    expect(formatRank(2, true)).toBe("2e");
  });
});

describe("rates", () => {
  it("keeps two decimals for small rates and never writes −0", async () => {
    const {formatRate, formatGap} = await import("../../../src/lib/format.js");
    expect(formatRate(0.312)).toBe("0,31");
    expect(formatRate(12.44)).toBe("12,4");
    expect(formatGap(-0.001)).toBe("0");
    expect(formatGap(-0.4)).toBe("−0,4");
    expect(formatGap(0.25)).toBe("+0,25");
  });
});

describe("formatLongDate", () => {
  it("writes a date in words, the first of the month as an ordinal", () => {
    expect(formatLongDate(new Date(2026, 11, 1))).toBe("1er décembre 2026");
    expect(formatLongDate(new Date(2026, 11, 3))).toBe("3 décembre 2026");
    expect(formatLongDate(new Date(2027, 7, 15))).toBe("15 août 2027");
    // The same words as the browser's own long French date, but for the ordinal.
    const date = new Date(2026, 1, 28);
    expect(formatLongDate(date)).toBe(new Intl.DateTimeFormat("fr-FR", {dateStyle: "long"}).format(date));
  });
});
