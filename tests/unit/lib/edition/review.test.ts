// The review as data: decisions, the rows they make, progress, and what a saved review must look
// like to be read back (anything else starts afresh).
import {describe, expect, it} from "vitest";
import type {Proposal} from "../../../../src/lib/edition/propose.js";
import {
  decide,
  emptyReview,
  moveCursor,
  parseReview,
  progress,
  reviewedRows,
  storageKey,
  textHash
} from "../../../../src/lib/edition/review.js";

function proposal(indicator: string, value: string, extra: Partial<Record<string, string>> = {}): Proposal {
  return {
    values: {indicator, value, quote: `${value} personnes`, status: "publie", derivation: "", ...extra},
    confidence: 1,
    match: "exact",
    reference_value: value,
    reference_quote: `${value} personnes`
  };
}

const proposals = [proposal("mde.a", "12"), proposal("mde.b", "30"), proposal("mde.c", "7")];

describe("review state", () => {
  it("keeps accepted and corrected proposals in order, corrections applied, then added rows", () => {
    let state = emptyReview();
    state = decide(state, 2, {decision: "accepte"});
    state = decide(state, 0, {decision: "corrige", edits: {value: "13", quote: "13 personnes"}});
    state = decide(state, 1, {decision: "rejete"});
    state = {...state, added: [{values: {indicator: "mde.d", value: "5"}, unused: 0}]};
    const rows = reviewedRows(proposals, state);
    expect(rows.map((r) => [r.values.indicator, r.values.value, r.values.quote])).toEqual([
      ["mde.a", "13", "13 personnes"],
      ["mde.c", "7", "7 personnes"],
      ["mde.d", "5", undefined]
    ]);
    expect(rows.map((r) => r.source)).toEqual([
      {kind: "proposal", index: 0},
      {kind: "proposal", index: 2},
      {kind: "added", index: 0}
    ]);
    // The proposal itself is not changed by its correction.
    expect(proposals[0].values.value).toBe("12");
    expect(progress(state, proposals.length)).toEqual({total: 3, reviewed: 3, accepted: 1, corrected: 1, rejected: 1});
  });

  it("leaves undecided proposals out and keeps the cursor in range", () => {
    const state = decide(emptyReview(), 1, {decision: "accepte"});
    expect(reviewedRows(proposals, state).map((r) => r.values.indicator)).toEqual(["mde.b"]);
    expect(progress(state, 3).reviewed).toBe(1);
    expect(moveCursor(state, -1, 3).cursor).toBe(0);
    expect(moveCursor(moveCursor(state, 5, 3), 1, 3).cursor).toBe(2);
  });

  it("reads a saved review back, and refuses a damaged or foreign one", () => {
    const state = {
      ...decide(emptyReview(), 4, {decision: "corrige", edits: {value: "1 200"}}),
      added: [{values: {indicator: "mde.d"}, unused: 3}],
      droppedRules: ["regle-1"],
      cursor: 5
    };
    expect(parseReview(JSON.stringify(state))).toEqual(state);
    expect(parseReview(null)).toBeUndefined();
    expect(parseReview("{")).toBeUndefined();
    expect(parseReview(JSON.stringify({...state, v: 2}))).toBeUndefined();
    expect(parseReview(JSON.stringify({...state, decisions: {0: {decision: "peut-être"}}}))).toBeUndefined();
    expect(
      parseReview(JSON.stringify({...state, decisions: {0: {decision: "corrige", edits: {unit: "x"}}}}))
    ).toBeUndefined();
    expect(parseReview(JSON.stringify({...state, added: [{values: {value: 3}, unused: 0}]}))).toBeUndefined();
    expect(parseReview(JSON.stringify({...state, cursor: -3}))?.cursor).toBe(0);
  });

  it("keys a review by year and a SHA-256 of the text", async () => {
    const hash = await textHash("Rapport 2023");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await textHash("Rapport 2023")).toBe(hash);
    expect(await textHash("Rapport 2024")).not.toBe(hash);
    expect(storageKey(2023, hash)).toBe(`observatoire-mno:import:2023:${hash}`);
  });
});
