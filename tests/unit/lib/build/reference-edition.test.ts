// What the import page reads from data/: the latest edition as written, the rules, the communes.
import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {dataPaths} from "../../../../src/lib/build/datasets.js";
import {referenceEdition} from "../../../../src/lib/build/reference-edition.js";

describe("referenceEdition", () => {
  it("gives the site's latest edition with its values as printed", () => {
    const data = referenceEdition();
    expect(data.year).toBe(2022);
    expect(data.text).toBe(readFileSync("data/reports/2022/rapport.txt", "utf-8"));
    expect(data.rows).toHaveLength(
      readFileSync("data/reports/2022/indicateurs.csv", "utf-8").trim().split("\n").length - 1
    );
    expect(data.rows[0]).toMatchObject({indicator: "territoire.population", value: "27 425", commune_code: "59328"});
    expect(data.rules.columns).toContain("quote");
    expect(data.communes).toHaveLength(10);
    expect(Array.isArray(data.coherence)).toBe(true);
  });

  it("takes the newest edition folder", () => {
    const root = mkdtempSync(join(tmpdir(), "reference-edition-"));
    try {
      cpSync("data", join(root, "data"), {recursive: true});
      const next = join(root, "data/reports/2023");
      mkdirSync(next);
      writeFileSync(join(next, "rapport.txt"), "12 jeunes");
      writeFileSync(join(next, "indicateurs.csv"), "indicator,value\nmission_locale.jeunes,12\n");
      writeFileSync(join(next, "coherence.json"), "[]");
      const data = referenceEdition(dataPaths(root));
      expect(data.year).toBe(2023);
      expect(data.rows).toEqual([{indicator: "mission_locale.jeunes", value: "12"}]);
    } finally {
      rmSync(root, {recursive: true, force: true});
    }
  });
});
