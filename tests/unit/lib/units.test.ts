// How a unit prints is decided in units.ts; the data's rules must know every unit it prints as a sign.
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {
  SYMBOL_UNITS,
  formatAmount,
  formatChange,
  formatDerived,
  formatValue,
  unitCeiling,
  unitWord
} from "../../../src/lib/units.js";
import {dataPaths} from "../../../src/lib/build/datasets.js";
import {readRules} from "../../../src/lib/build/rules.js";

const NNBSP = "\u202f";
const rules = readRules(join(dataPaths().reports, "regles.json"), "data/reports/regles.json");

describe("units", () => {
  it("print a sign for the symbol units, the unit's word for the others", () => {
    expect(formatAmount(12.5, "pourcent", rules.units)).toBe(`12,5${NNBSP}%`);
    expect(formatAmount(17, "evolution_pct", rules.units)).toBe(`+17${NNBSP}%`);
    expect(formatAmount(120566.5, "euros", rules.units)).toBe(`120${NNBSP}566,50${NNBSP}€`);
    expect(formatAmount(37829, "heures", rules.units)).toBe(`37${NNBSP}829${NNBSP}h`);
    expect(formatAmount(108, "participants", rules.units)).toBe("108 participants");
    expect(formatAmount(1, "demandeurs", rules.units)).toBe("1 demandeur d’emploi");
    expect(formatValue(108, "participants")).toBe("108");
  });

  it("round a derived count, not a derived share or sum of money", () => {
    expect(formatDerived(13541.4, "entretiens")).toBe(`≈${NNBSP}13${NNBSP}541`);
    expect(formatDerived(12.54, "pourcent")).toBe(`≈${NNBSP}12,5${NNBSP}%`);
    expect(formatDerived(10.5, "euros")).toBe(`≈${NNBSP}10,50${NNBSP}€`);
  });

  it("sign changes, and mark and round those computed from a derived value", () => {
    expect(formatChange(1234, "entretiens", rules.units)).toBe(`+1${NNBSP}234 entretiens`);
    expect(formatChange(-2302.6, "entretiens", rules.units, true)).toBe(`≈${NNBSP}−2${NNBSP}303 entretiens`);
    expect(formatChange(-4.5, "pourcent", rules.units, true)).toBe(`≈${NNBSP}−4,5${NNBSP}%`);
    expect(formatChange(0, "pourcent", rules.units)).toBe(`0${NNBSP}%`);
  });

  it("are all labelled in data/reports/regles.json, percentages among the symbol units", () => {
    for (const unit of SYMBOL_UNITS) expect(rules.units).toHaveProperty(unit);
    for (const unit of rules.percentUnits) expect(SYMBOL_UNITS).toContain(unit);
    expect(unitWord("pages", rules.units)).toBe("pages vues");
    expect(unitWord("inconnue", rules.units)).toBe("inconnue");
  });

  it("bound a share's axis at 100", () => {
    expect(unitCeiling("pourcent")).toBe(100);
    expect(unitCeiling("participants")).toBeUndefined();
  });
});
