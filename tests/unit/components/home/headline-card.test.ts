// @vitest-environment jsdom
// The home page's headline cards: the change since the previous year in points for a share, in %
// for a count, from a printed level when an edition prints it, marked « ≈ » / « calculé » otherwise.
import {beforeAll, describe, expect, it} from "vitest";
import {join} from "node:path";
import {figureCard, headlineChange} from "../../../../src/components/home/headline-card.js";
import {type HeadlineRow, headlines} from "../../../../src/lib/queries/index.js";
import {dataPaths, loadTables, projectRoot, tableList} from "../../../../src/lib/build/datasets.js";
import {Warehouse} from "../../../../src/lib/build/warehouse.js";
import {readRules} from "../../../../src/lib/build/rules.js";

const units = readRules(join(projectRoot, "data/reports/regles.json"), "regles.json").units;
const text = (node: Element | null) => (node?.textContent ?? "").replace(/[\u202f\u00a0]/g, " ");

async function rows(root: string | undefined, indicators: string[]): Promise<HeadlineRow[]> {
  const warehouse = await Warehouse.create(tableList(loadTables(root ? dataPaths(root) : undefined)));
  try {
    return await warehouse.run(headlines(indicators));
  } finally {
    warehouse.close();
  }
}

let editions: HeadlineRow[];
let real: HeadlineRow[];
beforeAll(async () => {
  editions = await rows(join(projectRoot, "tests/fixtures/editions"), [
    "plie.sorties_positives_taux",
    "mission_locale.entretiens",
    "mde.forum_visiteurs"
  ]);
  real = await rows(undefined, ["territoire.demandeurs_emploi", "plie.participants"]);
});

describe("headline cards across editions", () => {
  it("says a share's change in points", () => {
    const card = figureCard(editions[0], units);
    expect(text(card.querySelector(".comparison"))).toBe("+7 points par rapport à 2022 (45 %)");
    expect(card.querySelector(".comparison .up")).not.toBeNull();
  });

  it("compares a count with the printed level of the previous edition, not the derived one", () => {
    const card = figureCard(editions[1], units);
    const comparison = card.querySelector(".comparison")!;
    expect(comparison.getAttribute("data-edition")).toBe("2022");
    expect(comparison.querySelector(".derived")).toBeNull();
    expect(comparison.querySelector("data")?.getAttribute("value")).toBe("16000");
    // 16 000 → 17 000 is +6,25 %; the report prints +6,2 %: both are said.
    expect(text(comparison)).toBe("+6,3 % par rapport à 2022 (16 000) ; le rapport imprime +6,2 %");
  });

  it("shows no comparison for a figure no earlier edition has", () => {
    expect(headlineChange(editions[2], units)).toBeNull();
    expect(figureCard(editions[2], units).querySelector(".comparison")).toBeNull();
  });
});

describe("headline cards on the one real edition", () => {
  it("says the printed evolution beside the derived previous level, marked « calculé »", () => {
    const comparison = figureCard(real[0], units).querySelector(".comparison")!;
    expect(text(comparison.querySelector(".down"))).toBe("−4,1 %");
    expect(text(comparison)).toMatch(/^−4,1 % par rapport à 2021 \(≈ 9 119 calculé\)$/);
    expect(comparison.querySelector(".derived .badge-derive")).not.toBeNull();
  });

  it("shows no comparison when the edition has no previous level", () => {
    expect(figureCard(real[1], units).querySelector(".comparison")).toBeNull();
  });
});

describe("headlineChange", () => {
  const row = (over: Partial<HeadlineRow>): HeadlineRow => ({...editions[1], ...over});

  it("marks a change computed from a derived level when no evolution is printed", () => {
    const change = headlineChange(row({evolution: null, previous: 16007.5, previous_status: "derive"}), units);
    expect(change?.label.replace(/\u202f/g, " ")).toBe("≈ +6,2 %");
    expect(change?.printed).toBeNull();
  });

  it("says the printed evolution alone when no previous level exists", () => {
    expect(headlineChange(row({previous: null, previous_status: null}), units)).toMatchObject({
      direction: "hausse",
      printed: null
    });
  });
});
