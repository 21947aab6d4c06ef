// The programme list is written once: the data's rules, the labels and the SQL ordering follow it.
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {
  PROGRAMMES,
  PROGRAMME_DESCRIPTIONS,
  PROGRAMME_LABELS,
  programmeFromSlug,
  programmeLabel,
  programmeOrderSql,
  programmeRank,
  programmeSlug
} from "../../../src/lib/programmes.js";
import {dataPaths} from "../../../src/lib/build/datasets.js";
import {readRules} from "../../../src/lib/build/rules.js";
import {Warehouse} from "../../../src/lib/build/warehouse.js";

describe("programmes", () => {
  it("are the programmes of data/reports/regles.json, in the same order", () => {
    const rules = readRules(join(dataPaths().reports, "regles.json"), "data/reports/regles.json");
    expect([...PROGRAMMES]).toEqual(rules.programmes);
  });

  it("have a label and a description each, listed in the report's order", () => {
    expect(Object.keys(PROGRAMME_LABELS)).toEqual([...PROGRAMMES]);
    expect(Object.keys(PROGRAMME_DESCRIPTIONS)).toEqual([...PROGRAMMES]);
    expect(programmeLabel("mission_locale")).toBe(PROGRAMME_LABELS.mission_locale);
    expect(programmeLabel("inconnu")).toBe("inconnu");
  });

  it("rank unknown programmes after the known ones", () => {
    expect(PROGRAMMES.map(programmeRank)).toEqual(PROGRAMMES.map((_, i) => i));
    expect(programmeRank("inconnu")).toBe(PROGRAMMES.length);
  });

  it("give their URL form and back", () => {
    expect(programmeSlug("mission_locale")).toBe("mission-locale");
    for (const p of PROGRAMMES) expect(programmeFromSlug(programmeSlug(p))).toBe(p);
    expect(programmeFromSlug("constructor")).toBeNull();
  });

  it("order rows in SQL as the list does", async () => {
    const warehouse = await Warehouse.create();
    try {
      const shuffled = [...PROGRAMMES]
        .reverse()
        .map((p) => `('${p}')`)
        .join(", ");
      const rows = await warehouse.query<{p: string}>(
        `SELECT p FROM (VALUES ${shuffled}) t(p) ORDER BY ${programmeOrderSql("p")}`
      );
      expect(rows.map((r) => r.p)).toEqual([...PROGRAMMES]);
    } finally {
      warehouse.close();
    }
  });
});
