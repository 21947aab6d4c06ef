// The pages' named queries, run in DuckDB for Node on the real data.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {
  communeIndicators,
  communeProfile,
  headlines,
  indicatorRows,
  indicatorSummaries,
  mapValues,
  programmeCounts
} from "../../../../src/lib/queries/index.js";
import {loadTables, tableList} from "../../../../src/lib/build/datasets.js";
import {Warehouse} from "../../../../src/lib/build/warehouse.js";

let warehouse: Warehouse;
const tables = loadTables();
beforeAll(async () => {
  warehouse = await Warehouse.create(tableList(tables));
});
afterAll(() => warehouse.close());

describe("headlines", () => {
  it("returns the asked indicators in order, with evolution and previous level", async () => {
    const rows = await warehouse.run(headlines(["mission_locale.entretiens", "plie.participants"]));
    expect(rows.map((r) => r.indicator)).toEqual(["mission_locale.entretiens", "plie.participants"]);
    expect(rows[0]).toMatchObject({value: 15843, year: 2022, evolution: 17, previous_status: "derive"});
    expect(rows[0].previous).toBeCloseTo(15843 / 1.17, 6);
    expect(rows[1]).toMatchObject({value: 453, evolution: null, previous: null});
  });

  it("treats an indicator name as data, not SQL", async () => {
    expect(await warehouse.run(headlines(["x' OR '1'='1"]))).toEqual([]);
  });
});

describe("communeIndicators", () => {
  it("lists every indicator published by commune, with its years", async () => {
    const rows = await warehouse.run(communeIndicators());
    expect(rows.map((r) => r.indicator)).toEqual(
      expect.arrayContaining([
        "territoire.population",
        "plie.participants",
        "plie.nouvelles_entrees",
        "plie.sorties_positives"
      ])
    );
    expect(rows.find((r) => r.indicator === "plie.participants")?.years).toEqual([2022]);
    expect(rows[0].programme).toBe("territoire");
  });
});

describe("mapValues", () => {
  it("gives counts, ranks and the mean per commune", async () => {
    const rows = await warehouse.run(mapValues("plie.participants", 2022, "nombre"));
    expect(rows).toHaveLength(10);
    const marcq = rows.find((r) => r.code === "59378")!;
    expect(marcq).toMatchObject({nom: "Marcq-en-Barœul", raw: 108, value: 108, rank: 1, status: "publie"});
    expect(marcq.average).toBeCloseTo(45.3, 6);
  });

  it("gives rates per 1 000 inhabitants against the territory's rate", async () => {
    const rows = await warehouse.run(mapValues("plie.participants", 2022, "taux"));
    const madeleine = rows.find((r) => r.code === "59368")!;
    expect(madeleine.value).toBeCloseTo((106 * 1000) / 22214, 6);
    expect(madeleine.rank).toBe(1);
    expect(rows[0].average).toBeCloseTo((453 * 1000) / 143439, 6);
  });

  it("gives shares of the territory that sum to 100", async () => {
    const rows = await warehouse.run(mapValues("plie.nouvelles_entrees", 2022, "part"));
    expect(rows.reduce((s, r) => s + (r.value ?? 0), 0)).toBeCloseTo(100, 6);
    expect(rows.find((r) => r.code === "59356")).toMatchObject({raw: 0, value: 0, rank: 10});
  });

  it("marks derived zeros as derived", async () => {
    const rows = await warehouse.run(mapValues("plie.sorties_positives", 2022, "nombre"));
    expect(rows.find((r) => r.code === "59611")).toMatchObject({raw: 0, status: "derive"});
  });
});

describe("communeProfile", () => {
  it("gives each commune-level figure with rate, ranks, territory references and shares", async () => {
    const rows = await warehouse.run(communeProfile("59378"));
    const participants = rows.find((r) => r.indicator === "plie.participants")!;
    expect(participants).toMatchObject({value: 108, rank: 1, communes: 10, total: 453, population: 38604});
    expect(participants.rate).toBeCloseTo(108000 / 38604, 6);
    expect(participants.territory_rate).toBeCloseTo(453000 / 143439, 6);
    expect(participants.share).toBeCloseTo(10800 / 453, 6);
    expect(participants.population_share).toBeCloseTo(3860400 / 143439, 6);
    expect(rows.map((r) => r.indicator)).toContain("territoire.population");
  });
});

describe("indicatorSummaries", () => {
  it("lists a programme's indicators in the report's order, evolutions with their level", async () => {
    const rows = await warehouse.run(indicatorSummaries("mission_locale"));
    const interviews = rows.find((r) => r.indicator === "mission_locale.entretiens")!;
    expect(interviews).toMatchObject({
      value: 15843,
      evolution: 17,
      evolution_indicator: "mission_locale.entretiens_evolution",
      previous_status: "derive"
    });
    expect(rows.some((r) => r.indicator === "mission_locale.entretiens_evolution")).toBe(false);
    // An evolution without a printed level stays on its own.
    expect(rows.some((r) => r.indicator === "mission_locale.contrats_evolution")).toBe(true);
    const positions = rows.map((r) => [r.section_position, r.position]);
    expect(positions).toEqual([...positions].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });

  it("accounts for every indicator of every programme", async () => {
    const all = await warehouse.run(indicatorSummaries());
    const shown = new Set(all.flatMap((r) => [r.indicator, r.evolution_indicator].filter(Boolean)));
    const [{n}] = await warehouse.query<{n: number}>("SELECT count(DISTINCT indicator) AS n FROM indicators");
    expect(shown.size).toBe(n);
  });
});

describe("indicatorRows", () => {
  it("returns every row of an indicator and its evolution", async () => {
    const rows = await warehouse.run(indicatorRows("plie.participants"));
    expect(rows.filter((r) => r.commune_code !== null)).toHaveLength(10);
    expect(rows.find((r) => r.commune_code === "59378")?.commune).toBe("Marcq-en-Barœul");
    const interviews = await warehouse.run(indicatorRows("mission_locale.entretiens"));
    expect(interviews.map((r) => [r.indicator, r.year, r.status])).toEqual([
      ["mission_locale.entretiens", 2021, "derive"],
      ["mission_locale.entretiens", 2022, "publie"],
      ["mission_locale.entretiens_evolution", 2022, "publie"]
    ]);
  });
});

describe("programmeCounts", () => {
  it("counts indicators by programme", async () => {
    const rows = await warehouse.run(programmeCounts());
    expect(rows.map((r) => r.programme)).toEqual(["territoire", "mde", "plie", "mission_locale", "association"]);
    expect(rows.reduce((s, r) => s + r.figures, 0)).toBe(tables.indicators.rows.length);
  });
  it("counts indicators as the programme pages list them (an evolution goes with its indicator)", async () => {
    for (const row of await warehouse.run(programmeCounts())) {
      expect((await warehouse.run(indicatorSummaries(row.programme))).length, row.programme).toBe(row.indicators);
    }
  });
});

describe("dictionary", () => {
  it("describes every indicator once, with years and provenance counts", async () => {
    const {dictionary, derivedFigures} = await import("../../../../src/lib/queries/index.js");
    const rows = await warehouse.run(dictionary());
    const [{n}] = await warehouse.query<{n: number}>("SELECT count(DISTINCT indicator) AS n FROM indicators");
    expect(rows).toHaveLength(n);
    expect(rows.find((r) => r.indicator === "mission_locale.entretiens")).toMatchObject({
      years: [2021, 2022],
      published: 1,
      derived: 1
    });
    const derived = await warehouse.run(derivedFigures());
    expect(
      derived
        .filter((r) => r.indicator === "plie.sorties_positives")
        .map((r) => r.commune)
        .sort()
    ).toEqual(["Lompret", "Verlinghem"]);
  });
});

describe("ratios per commune (positive exits ÷ participants, new entries ÷ participants)", () => {
  it("are derived rows with their formula, for every commune that has both figures", async () => {
    const rows = tables.indicators.rows.filter((r) => r.indicator === "plie.sorties_positives_par_participant");
    const communes = rows.filter((r) => r.commune_code !== null);
    expect(communes).toHaveLength(10);
    for (const r of rows) expect(r).toMatchObject({status: "derive", unit: "pourcent"});
    const marcq = communes.find((r) => r.commune_code === "59378")!;
    expect(marcq.derivation).toBe(
      "plie.sorties_positives[2022; commune=59378] / plie.participants[2022; commune=59378] * 100"
    );
    expect(marcq.value).toBeCloseTo((25 / 108) * 100, 9);
  });

  it("are mapped as rates, against the territory's own ratio", async () => {
    const indicators = await warehouse.run(communeIndicators());
    expect(indicators.find((r) => r.indicator === "plie.nouvelles_entrees_par_participant")?.unit).toBe("pourcent");
    const rows = await warehouse.run(mapValues("plie.sorties_positives_par_participant", 2022, "ratio"));
    expect(rows).toHaveLength(10);
    const marcq = rows.find((r) => r.code === "59378")!;
    expect(marcq.value).toBeCloseTo((25 / 108) * 100, 6);
    expect(marcq.status).toBe("derive");
    expect(rows[0].average).toBeCloseTo((98 / 453) * 100, 6);
  });

  it("are compared on a commune's page with the territory's ratio, never per 1 000 inhabitants", async () => {
    const rows = await warehouse.run(communeProfile("59328"));
    const entries = rows.find((r) => r.indicator === "plie.nouvelles_entrees_par_participant")!;
    expect(entries.rate).toBeCloseTo((20 / 85) * 100, 6);
    expect(entries.territory_rate).toBeCloseTo((93 / 453) * 100, 6);
    expect(entries.share).toBeNull();
    const count = rows.find((r) => r.indicator === "plie.nouvelles_entrees")!;
    expect(count.rate).toBeCloseTo((20 * 1000) / count.population, 6);
  });
});

describe("objectives beside results (slug + `_objectif`)", () => {
  it("come with the headline and the programme's summary of the result they belong to", async () => {
    const [rate, participants] = await warehouse.run(headlines(["plie.sorties_positives_taux", "plie.participants"]));
    expect(rate).toMatchObject({value: 48, objective: 50});
    expect(participants.objective).toBeNull();
    const summaries = await warehouse.run(indicatorSummaries("plie"));
    expect(summaries.find((s) => s.indicator === "plie.sorties_positives_taux")?.objective).toBe(50);
    expect(summaries.filter((s) => s.objective !== null).map((s) => s.indicator)).toEqual([
      "plie.sorties_positives_taux"
    ]);
  });
});
