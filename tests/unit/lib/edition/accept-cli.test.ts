// `npm run edition -- accept`: propositions.csv as an analyst leaves it (a `decision` column, an
// edited value) becomes indicateurs.csv — validated by the build's validator, or refused with the
// file, the line and the reason, nothing written.
import {cpSync, existsSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {afterAll, beforeAll, beforeEach, describe, expect, it} from "vitest";
import {formatCsv, parseCsv, recordsToObjects} from "../../../../src/lib/csv.js";
import {run, tempDataRoot} from "./cli-harness.js";
import {dataPaths, loadCommunes} from "../../../../src/lib/build/datasets.js";
import {readEdition} from "../../../../src/lib/build/reports.js";
import {readRules} from "../../../../src/lib/build/rules.js";

let root: string;
const reports = () => join(root, "data/reports");
const edition = () => join(reports(), "2023");

type Row = Record<string, string>;

function readProposals(dir = edition()): {header: string[]; rows: Row[]} {
  const table = parseCsv(readFileSync(join(dir, "propositions.csv"), "utf-8"), "propositions.csv");
  return {header: table.header, rows: recordsToObjects(table).map((r) => r.values)};
}

/** Writes propositions.csv back with a `decision` column, as a spreadsheet would save it. */
function writeProposals(rows: Row[], header: string[], dir = edition()): void {
  const columns = header.includes("decision") ? header : [...header, "decision"];
  writeFileSync(
    join(dir, "propositions.csv"),
    formatCsv(
      columns,
      rows.map((r) => columns.map((c) => r[c] ?? ""))
    )
  );
}

function indicators(dir = edition()): Row[] {
  return recordsToObjects(parseCsv(readFileSync(join(dir, "indicateurs.csv"), "utf-8"), "indicateurs.csv")).map(
    (r) => r.values
  );
}

let data: ReturnType<typeof tempDataRoot>;
beforeAll(() => {
  data = tempDataRoot("edition-accept-", {communes: true});
  root = data.root;
  // Next year's report: last year's text with its year moved on.
  writeFileSync(
    join(root, "r2023.txt"),
    readFileSync("data/reports/2022/rapport.txt", "utf-8").replace(/2022/g, "2023")
  );
});

beforeEach(async () => {
  rmSync(edition(), {recursive: true, force: true});
  expect((await run("propose", "2023", join(root, "r2023.txt"))).code).toBe(0);
});

afterAll(() => data.remove());

describe("edition accept", () => {
  it("writes indicateurs.csv with its own columns, without the rejected rows, and the build accepts it", async () => {
    const {header, rows} = readProposals();
    const rejected = rows.findIndex((r) => r.indicator === "mde.salon_exposants");
    expect(rejected).toBeGreaterThan(-1);
    rows[rejected].decision = "rejete";
    rows[0].decision = "accepte";
    writeProposals(rows, header);

    const {code, out} = await run("accept", "2023");
    expect(code).toBe(0);
    // Every proposed row but the rejected one.
    expect(out).toContain(`${rows.length - 1} lignes écrites dans data/reports/2023/indicateurs.csv`);
    const rules = readRules(join(reports(), "regles.json"), "regles.json");
    expect(readFileSync(join(edition(), "indicateurs.csv"), "utf-8").split("\n")[0]).toBe(rules.columns.join(","));
    const written = indicators();
    expect(written).toHaveLength(rows.length - 1);
    expect(written.some((r) => r.indicator === "mde.salon_exposants")).toBe(false);
    // propositions.csv stores « -4,1 » as « '-4,1 » for spreadsheets; the data gets the number back.
    const evolution = written.find((r) => r.unit === "evolution_pct" && r.value.startsWith("-"));
    expect(evolution?.value).toMatch(/^-\d/);
    const codes = new Set(loadCommunes(dataPaths(root)).map((c) => c.code));
    expect(readEdition(reports(), 2023, rules, codes, root).problems).toEqual([]);
  });

  it("drops an absent proposal unless it is accepted with a value", async () => {
    const {header, rows} = readProposals();
    const target = rows.findIndex((r) => r.indicator === "mde.salon_exposants");
    const value = rows[target].value;
    Object.assign(rows[target], {match: "absent", value: ""});
    writeProposals(rows, header);
    expect((await run("accept", "2023")).code).toBe(0);
    expect(indicators()).toHaveLength(rows.length - 1);

    Object.assign(rows[target], {value, decision: "accepte"});
    writeProposals(rows, header);
    const {code, out} = await run("accept", "2023", "--force");
    expect(code).toBe(0);
    expect(out).toContain("0 proposition « absent » écartée");
    expect(indicators().find((r) => r.indicator === "mde.salon_exposants")?.value).toBe(value);
  });

  it("refuses an unknown decision and a value its quote does not print, naming the line, writing nothing", async () => {
    const {header, rows} = readProposals();
    rows[4].decision = "oui";
    writeProposals(rows, header);
    const unknown = await run("accept", "2023");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("data/reports/2023/propositions.csv:6: décision « oui » inconnue");
    expect(existsSync(join(edition(), "indicateurs.csv"))).toBe(false);

    rows[4].decision = "";
    rows[9].value = "999 999";
    writeProposals(rows, header);
    const wrong = await run("accept", "2023");
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/rien n'est écrit/);
    expect(wrong.err).toContain("data/reports/2023/propositions.csv:11: la valeur « 999 999 » ne se lit pas");
    expect(existsSync(join(edition(), "indicateurs.csv"))).toBe(false);
  });

  it("replaces an edition already accepted only with --force, leaving it intact otherwise", async () => {
    expect((await run("accept", "2023")).code).toBe(0);
    const before = readFileSync(join(edition(), "indicateurs.csv"), "utf-8");
    const {header, rows} = readProposals();
    rows.find((r) => r.indicator === "mde.salon_exposants")!.decision = "rejete";
    writeProposals(rows, header);
    const again = await run("accept", "2023");
    expect(again.code).toBe(1);
    expect(again.err).toContain("data/reports/2023/indicateurs.csv: existe déjà");
    expect(again.err).toContain("--force");
    expect(readFileSync(join(edition(), "indicateurs.csv"), "utf-8")).toBe(before);
    expect((await run("accept", "2023", "--force")).code).toBe(0);
    expect(indicators()).toHaveLength(rows.length - 1);
  });

  it("says which consistency rule a rejected row breaks", async () => {
    const {header, rows} = readProposals();
    rows
      .filter((r) => r.indicator === "territoire.population" && r.commune_code)
      .forEach((r) => (r.decision = "rejete"));
    writeProposals(rows, header);
    const {code, err} = await run("accept", "2023");
    expect(code).toBe(1);
    expect(err).toMatch(/data\/reports\/2023\/coherence\.json:\d+: règle « territoire-population-communes »/);
    expect(existsSync(join(edition(), "indicateurs.csv"))).toBe(false);
  });

  it("reads and writes another folder with --dir, and says what is missing", async () => {
    const dir = join(root, "revue");
    rmSync(dir, {recursive: true, force: true});
    cpSync(edition(), dir, {recursive: true});
    const {code} = await run("accept", "2023", "--dir", dir);
    expect(code).toBe(0);
    expect(indicators(dir)).toHaveLength(readProposals(dir).rows.length);
    expect(existsSync(join(edition(), "indicateurs.csv"))).toBe(false);

    rmSync(join(dir, "propositions.csv"));
    const missing = await run("accept", "2023", "--dir", dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/propositions\.csv: fichier manquant/);
    const usage = await run("accept", "20x3");
    expect(usage.code).toBe(1);
    expect(usage.err).toContain("usage : npm run edition -- accept");
  });
});
