// Aligns last edition's text with the new one, token by token (numbers as slots), with the `diff`
// library's longest common subsequence: unchanged passages map one to one, and what is left over on
// both sides (reworded, moved, removed, new passages) is matched again run against run, so that a
// section moved elsewhere in the report is found where it went.
import {diffArrays} from "diff";
import type {Token} from "./tokens.js";

/** A common stretch shorter than this, between two changes, is a coincidence (« de », « # »). */
const MIN_COMMON = 3;
/** Leftover runs shorter than this are not worth a second pass (reworded sentences are searched locally). */
const MIN_RUN = 12;
/** Share of a leftover run's words that another leftover run must hold to be taken as its new place. */
const MIN_RUN_OVERLAP = 0.5;

interface Change {
  added: boolean;
  removed: boolean;
  value: string[];
}

const sameKind = (a: Change, b: Change) => a.added === b.added && a.removed === b.removed;
const equal = (a: string[], b: string[]) => a.length === b.length && a.every((x, k) => x === b[k]);

/**
 * The longest common subsequence is not unique: « ⟨new passage: … 325 participants⟩ 64 participants ⏎
 * 23 participants ont suivi » can pair last year's « 63 participants » with the new passage's. When an
 * edit can slide across a common run to join the edit of the same kind on its other side, it is slid:
 * one whole inserted (or removed) passage rather than two pieces around a wrong match.
 */
function slideEdits(changes: Change[]): Change[] {
  const out = changes.map((c) => ({added: Boolean(c.added), removed: Boolean(c.removed), value: [...c.value]}));
  const edit = (c: Change | undefined) => Boolean(c && (c.added || c.removed));
  for (let k = 0; k < out.length; k++) {
    const common = out[k];
    if (edit(common) || !common.value.length) continue;
    // The edit of the same kind before this common run (one edit of the other kind may lie between).
    const before = (next: Change) =>
      [k - 1, k - 2].find((p) => p >= 0 && edit(out[p]) && sameKind(out[p], next) && (p === k - 1 || edit(out[k - 1])));
    const next = out[k + 1];
    if (edit(next)) {
      const p = before(next);
      const joined = [...common.value, ...next.value];
      if (p !== undefined && equal(joined.slice(next.value.length), common.value)) {
        out[p].value.push(...joined.slice(0, next.value.length));
        next.value = [];
        continue;
      }
    }
    const previous = out[k - 1];
    const after = [k + 1, k + 2].find(
      (q) =>
        q < out.length && edit(out[q]) && previous && sameKind(out[q], previous) && (q === k + 1 || edit(out[k + 1]))
    );
    if (edit(previous) && after !== undefined) {
      const joined = [...previous.value, ...common.value];
      if (equal(joined.slice(0, common.value.length), common.value)) {
        out[after].value.unshift(...joined.slice(common.value.length));
        previous.value = [];
      }
    }
  }
  return out.filter((c) => c.value.length);
}

/** Pairs of indices (a in `left`, b in `right`) of equal keys, from diff's common chunks. */
export function commonPairs(left: string[], right: string[], minCommon = 1): [number, number][] {
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  for (const change of slideEdits(diffArrays(left, right) as Change[])) {
    const count = change.value.length;
    if (change.added) j += count;
    else if (change.removed) i += count;
    else {
      if (count >= minCommon) for (let k = 0; k < count; k++) pairs.push([i + k, j + k]);
      i += count;
      j += count;
    }
  }
  return pairs;
}

interface Run {
  from: number;
  to: number; // exclusive
}

function unmatchedRuns(mapped: (i: number) => boolean, length: number): Run[] {
  const runs: Run[] = [];
  let start = -1;
  for (let i = 0; i <= length; i++) {
    const free = i < length && !mapped(i);
    if (free && start < 0) start = i;
    if (!free && start >= 0) {
      runs.push({from: start, to: i});
      start = -1;
    }
  }
  return runs;
}

function wordBag(tokens: Token[], run: Run): Map<string, number> {
  const bag = new Map<string, number>();
  for (let i = run.from; i < run.to; i++) {
    if (tokens[i].kind === "word") bag.set(tokens[i].key, (bag.get(tokens[i].key) ?? 0) + 1);
  }
  return bag;
}

function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let total = 0;
  let shared = 0;
  for (const [key, count] of a) {
    total += count;
    shared += Math.min(count, b.get(key) ?? 0);
  }
  return total ? shared / total : 0;
}

/**
 * For each token of `reference`, the index of the token of `edition` it corresponds to, or -1.
 * Only equal keys are paired (a number slot with a number slot).
 */
export function alignTokens(reference: Token[], edition: Token[]): Int32Array {
  const toEdition = new Int32Array(reference.length).fill(-1);
  const fromEdition = new Int32Array(edition.length).fill(-1);
  const link = (a: number, b: number) => {
    if (toEdition[a] >= 0 || fromEdition[b] >= 0) return;
    toEdition[a] = b;
    fromEdition[b] = a;
  };
  const refKeys = reference.map((t) => t.key);
  const newKeys = edition.map((t) => t.key);
  for (const [a, b] of commonPairs(refKeys, newKeys, MIN_COMMON)) link(a, b);

  // Second pass: a leftover run of the reference against the leftover run of the edition that
  // holds most of its words (a moved section, or a passage rewritten in place).
  const refRuns = unmatchedRuns((i) => toEdition[i] >= 0, reference.length).filter((r) => r.to - r.from >= MIN_RUN);
  const newRuns = unmatchedRuns((i) => fromEdition[i] >= 0, edition.length).filter((r) => r.to - r.from >= MIN_RUN);
  const newBags = newRuns.map((run) => wordBag(edition, run));
  for (const run of refRuns) {
    const bag = wordBag(reference, run);
    let best = -1;
    let bestScore = MIN_RUN_OVERLAP;
    newBags.forEach((other, k) => {
      const score = overlap(bag, other);
      if (score > bestScore) {
        bestScore = score;
        best = k;
      }
    });
    if (best < 0) continue;
    const target = newRuns[best];
    const pairs = commonPairs(refKeys.slice(run.from, run.to), newKeys.slice(target.from, target.to), MIN_COMMON);
    for (const [a, b] of pairs) link(run.from + a, target.from + b);
  }
  return toEdition;
}
