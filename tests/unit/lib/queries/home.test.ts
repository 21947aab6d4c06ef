// The home page's headlines across editions: the previous year's level from whichever edition
// prints it (the three-edition fixture, fake values), and on the real data's one edition.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {join} from "node:path";
import {headlines} from "../../../../src/lib/queries/index.js";
import {dataPaths, loadTables, projectRoot, tableList} from "../../../../src/lib/build/datasets.js";
import {Warehouse} from "../../../../src/lib/build/warehouse.js";

let editions: Warehouse;
let real: Warehouse;
beforeAll(async () => {
  editions = await Warehouse.create(tableList(loadTables(dataPaths(join(projectRoot, "tests/fixtures/editions")))));
  real = await Warehouse.create(tableList(loadTables()));
});
afterAll(() => {
  editions.close();
  real.close();
});

describe("headlines across editions", () => {
  it("compares the latest edition's figure with the previous year's printed level", async () => {
    const [entretiens, taux] = await editions.run(
      headlines(["mission_locale.entretiens", "plie.sorties_positives_taux"])
    );
    // 2022 is printed by the 2022 edition (16 000) and derived by the 2023 one (≈ 16 008).
    expect(entretiens).toMatchObject({
      year: 2023,
      value: 17000,
      evolution: 6.2,
      previous: 16000,
      previous_status: "publie",
      previous_report_year: 2022
    });
    expect(taux).toMatchObject({year: 2023, value: 52, previous: 45, previous_report_year: 2022});
  });

  it("gives no previous level to a figure the earlier editions do not have", async () => {
    const [forum] = await editions.run(headlines(["mde.forum_visiteurs"]));
    expect(forum).toMatchObject({year: 2023, previous: null, previous_status: null, previous_report_year: null});
  });

  it("keeps the one edition's derived previous levels on the real data", async () => {
    const [demandeurs, participants] = await real.run(headlines(["territoire.demandeurs_emploi", "plie.participants"]));
    expect(demandeurs).toMatchObject({
      year: 2022,
      evolution: -4.1,
      previous_status: "derive",
      previous_report_year: 2022
    });
    expect(demandeurs.previous).toBeCloseTo(demandeurs.value / (1 - 0.041), 6);
    expect(participants).toMatchObject({previous: null, evolution: null});
  });
});
