// The files the review saves, and the build's validation on them, each problem traced to the
// reviewed row or the consistency rule it is about — on the real 2022 edition imported as 2023.
import {readFileSync} from "node:fs";
import {beforeAll, describe, expect, it} from "vitest";
import {parseCsv, recordsToObjects} from "../../../../src/lib/csv.js";
import {type EditionProposals, proposeEdition} from "../../../../src/lib/edition/propose.js";
import {type ReviewState, decide, emptyReview, reviewedRows} from "../../../../src/lib/edition/review.js";
import {checkReview, coherenceText, indicatorsCsv, keptCoherence} from "../../../../src/lib/edition/review-files.js";
import {validateEdition} from "../../../../src/lib/validation/edition.js";
import {type Rules, parseRules} from "../../../../src/lib/validation/rules.js";

const dir = "data/reports/2022";
const rules: Rules = parseRules(readFileSync("data/reports/regles.json", "utf-8"), "regles.json");
const communeCodes = new Set(
  recordsToObjects(parseCsv(readFileSync("data/communes/communes.csv", "utf-8"), "communes.csv")).map(
    (r) => r.values.code
  )
);
const text = readFileSync(`${dir}/rapport.txt`, "utf-8").replace(/2022/g, "2023");
let result: EditionProposals;

beforeAll(() => {
  const rows = recordsToObjects(parseCsv(readFileSync(`${dir}/indicateurs.csv`, "utf-8"), "i")).map((r) => r.values);
  const coherence = JSON.parse(readFileSync(`${dir}/coherence.json`, "utf-8"));
  result = proposeEdition(
    {year: 2022, text: readFileSync(`${dir}/rapport.txt`, "utf-8"), rows, coherence},
    {year: 2023, text}
  );
});

function acceptAll(): ReviewState {
  return result.proposals.reduce((state, _, i) => decide(state, i, {decision: "accepte"}), emptyReview());
}

function check(state: ReviewState) {
  return checkReview({
    year: 2023,
    text,
    rows: reviewedRows(result.proposals, state),
    coherence: keptCoherence(result.coherence, state.droppedRules),
    rules,
    communeCodes
  });
}

describe("checkReview", () => {
  it("passes an edition whose proposals are all accepted, and its files validate as the build reads them", () => {
    const state = acceptAll();
    expect(check(state)).toEqual([]);
    const csv = indicatorsCsv(
      reviewedRows(result.proposals, state).map((r) => r.values),
      rules.columns
    );
    expect(csv.split("\n")[0]).toBe(rules.columns.join(","));
    // Negative evolutions are written as printed, not neutralised for spreadsheets.
    expect(csv).toMatch(/,"-\d+,\d",evolution_pct,/);
    const files = {text: "t", rows: "i", consistency: "c"};
    const consistency = coherenceText(result.coherence);
    expect(validateEdition({reportYear: 2023, text, csv, consistency, files}, rules, communeCodes).problems).toEqual(
      []
    );
  });

  it("names the reviewed row of a problem, and the consistency rule a rejected row breaks", () => {
    const rowIndex = result.proposals.findIndex((p) => p.values.indicator === "mde.salon_exposants");
    const communeIndex = result.proposals.findIndex(
      (p) => p.values.indicator === "territoire.population" && p.values.commune_code === "59328"
    );
    let state = decide(acceptAll(), rowIndex, {decision: "corrige", edits: {value: "999"}});
    state = decide(state, communeIndex, {decision: "rejete"});
    const problems = check(state);
    expect(problems.find((p) => p.row?.kind === "proposal" && p.row.index === rowIndex)?.reason).toMatch(
      /la valeur « 999 » ne se lit pas dans la citation/
    );
    // Row problems stop the validation before consistency: fix the value, then the rule shows.
    state = decide(state, rowIndex, {decision: "accepte"});
    const [rule, ...others] = check(state);
    expect(others).toEqual([]);
    expect(rule.rule).toEqual({
      id: "territoire-population-communes",
      description: "Les populations des 10 communes font la population du territoire"
    });
    expect(rule.reason).toMatch(/non respectée/);
    expect(check({...state, droppedRules: ["territoire-population-communes"]})).toEqual([]);
  });

  it("traces a problem of an added row to that row", () => {
    const state = {
      ...acceptAll(),
      added: [{values: {...result.proposals[0].values, unit: "inconnue"}, unused: 0}]
    };
    const problems = check(state);
    expect(problems.some((p) => p.row?.kind === "added" && p.row.index === 0 && /unité inconnue/.test(p.reason))).toBe(
      true
    );
  });
});

describe("keptCoherence", () => {
  it("leaves out the dropped rules only", () => {
    const rules = [{id: "a"}, {id: "b"}, {id: "c"}];
    expect(keptCoherence(rules, ["b"])).toEqual([{id: "a"}, {id: "c"}]);
    expect(keptCoherence(rules, [])).toEqual(rules);
  });
});
