// The import assistant: from last edition's figures (each with its verbatim quote) and the new
// edition's text, propose each figure's new value, passage and year, and list every number of the
// new text that no proposal uses. Isomorphic (no node: import): the CLI and the review page run it.
import {parseFrenchNumber} from "../french-number.js";
import {foldForSearch} from "../text.js";
import {alignTokens, commonPairs} from "./align.js";
import {type Token, type TokenizedText, quoteOf, sameKey, tokenize} from "./tokens.js";
import {isYearToken, shiftLabelYears, shiftSelectorYears, yearInPassage} from "./years.js";

export type MatchKind = "exact" | "reformule" | "absent";

export interface ReferenceEdition {
  year: number;
  text: string;
  /** Rows of its indicateurs.csv, keyed by column name. */
  rows: Record<string, string>[];
  /** Its coherence.json, parsed. */
  coherence: unknown;
}

export interface NewEdition {
  year: number;
  text: string;
}

export interface Proposal {
  /** The row for the new edition, with the columns of indicateurs.csv. */
  values: Record<string, string>;
  confidence: number;
  match: MatchKind;
  reference_value: string;
  reference_quote: string;
  /** 1-based line of the proposed value (or passage) in the new text; undefined when absent. */
  line?: number;
}

export interface UnusedNumber {
  line: number;
  number: string;
  context: string;
}

export interface EditionProposals {
  proposals: Proposal[];
  unused: UnusedNumber[];
  coherence: unknown;
  summary: {proposed: number; exact: number; reformule: number; absent: number; unused: number};
}

/** Passages matching the reference below this similarity are not the same passage: absent. */
export const MIN_SIMILARITY = 0.55;
/** How far (in tokens) a reworded passage is looked for around where its neighbours went. */
const ANCHOR_REACH = 40;
const MAX_REGION = 240;
/** Two matched tokens further apart than this belong to different passages. */
const CHAIN_GAP = 8;

const STOPWORDS = new Set(
  (
    "a au aux avec ce cette d dans de des du e en est et il ils l la le les leur lors n ne ont ou par pas " +
    "plus pour qu que qui s sa se ses son sont sur un une y ete a dont soit"
  ).split(" ")
);

function weight(token: Token): number {
  if (token.kind === "number") return 0.5;
  if (token.kind === "symbol") return 0.3;
  return STOPWORDS.has(token.key) ? 0.3 : 1;
}

interface Passage {
  /** Token range of the new text (inclusive). */
  from: number;
  to: number;
  /** Reference token index → new token index, for the tokens that match. */
  pairs: Map<number, number>;
  similarity: number;
  /** Weight of the matched tokens: how much of the reference passage vouches for this one. */
  evidence: number;
  exact: boolean;
}

interface Located {
  from: number;
  to: number;
}

class Importer {
  readonly ref: TokenizedText;
  readonly next: TokenizedText;
  readonly map: Int32Array;
  /** For each new token, the reference token aligned with it, or -1. */
  readonly claimedBy: Int32Array;
  private readonly byKey = new Map<string, number[]>();
  private readonly passages = new Map<string, Passage | null>();

  constructor(refText: string, newText: string) {
    this.ref = tokenize(refText);
    this.next = tokenize(newText);
    this.map = alignTokens(this.ref.tokens, this.next.tokens);
    this.claimedBy = new Int32Array(this.next.tokens.length).fill(-1);
    this.map.forEach((j, i) => {
      if (j >= 0) this.claimedBy[j] = i;
    });
    this.ref.tokens.forEach((t, i) => {
      const list = this.byKey.get(t.key);
      if (list) list.push(i);
      else this.byKey.set(t.key, [i]);
    });
  }

  /** Where a reference quote is in the reference text: the occurrence holding `value`, nearest `near`. */
  locate(quote: string, value: number | undefined, near: number): Located | undefined {
    const keys = tokenize(quote).tokens.map((t) => t.key);
    if (!keys.length) return undefined;
    const tokens = this.ref.tokens;
    let best: Located | undefined;
    let bestCost = Infinity;
    const starts =
      keys[0][0] === "#" ? tokens.flatMap((t, i) => (t.kind === "number" ? [i] : [])) : (this.byKey.get(keys[0]) ?? []);
    for (const start of starts) {
      if (start + keys.length > tokens.length) break;
      let same = true;
      for (let k = 0; k < keys.length && same; k++) same = sameKey(keys[k], tokens[start + k].key);
      if (!same) continue;
      const to = start + keys.length - 1;
      if (value !== undefined && this.slotsOf(start, to, value).length === 0) continue;
      const cost = start >= near ? start - near : (near - start) * 2;
      if (cost < bestCost) {
        bestCost = cost;
        best = {from: start, to};
      }
    }
    return best;
  }

  slotsOf(from: number, to: number, value: number): number[] {
    const slots: number[] = [];
    for (let i = from; i <= to; i++) {
      const t = this.ref.tokens[i];
      if (t.kind === "number" && Math.abs(t.value! - value) <= 1e-9 * Math.max(1, Math.abs(value))) slots.push(i);
    }
    return slots;
  }

  /**
   * Among equal values in one quote, the one whose label names the row's category: the words before
   * a figure in brackets (« Transport/Logistique (14) »), else the words after it (« 1 dossier de logement »).
   */
  chooseSlot(slots: number[], row: Record<string, string>): number {
    if (slots.length === 1) return slots[0];
    const words = new Set(
      tokenize(row.category ?? "")
        .tokens.filter((t) => !STOPWORDS.has(t.key))
        .map((t) => t.key)
    );
    const text = this.ref.text;
    let best = slots[0];
    let bestScore = 0;
    for (const slot of slots) {
      const t = this.ref.tokens[slot];
      const bracketed = text[t.start - 1] === "(" && text[t.end] === ")";
      const label = wordsAround(this.ref.tokens, slot, bracketed ? -1 : 1, 6, true);
      const score = label.filter((w) => words.has(w)).length;
      if (score > bestScore) {
        bestScore = score;
        best = slot;
      }
    }
    return best;
  }

  /** The new edition's passage for a reference passage, or null when it is gone. */
  passage(located: Located): Passage | null {
    const cacheKey = `${located.from}:${located.to}`;
    if (!this.passages.has(cacheKey)) this.passages.set(cacheKey, this.findPassage(located));
    return this.passages.get(cacheKey)!;
  }

  private findPassage({from: a, to: b}: Located): Passage | null {
    const map = this.map;
    const n = this.next.tokens.length;
    let contiguous = true;
    for (let k = a; k <= b && contiguous; k++) contiguous = map[k] >= 0 && map[k] === map[a] + (k - a);
    if (contiguous) {
      const pairs = new Map<number, number>();
      for (let k = a; k <= b; k++) pairs.set(k, map[k]);
      const evidence = this.ref.tokens.slice(a, b + 1).reduce((sum, t) => sum + weight(t), 0);
      return {from: map[a], to: map[b], pairs, similarity: 1, evidence, exact: true};
    }
    const inside: number[] = [];
    for (let k = a; k <= b; k++) if (map[k] >= 0) inside.push(map[k]);
    let left = -1;
    let leftRef = -1;
    for (let k = a - 1; k >= Math.max(0, a - ANCHOR_REACH); k--) {
      if (map[k] >= 0) {
        left = map[k];
        leftRef = k;
        break;
      }
    }
    let right = -1;
    let rightRef = -1;
    for (let k = b + 1; k <= Math.min(this.ref.tokens.length - 1, b + ANCHOR_REACH); k++) {
      if (map[k] >= 0) {
        right = map[k];
        rightRef = k;
        break;
      }
    }
    let start: number;
    let end: number;
    if (inside.length) {
      const lo = Math.min(...inside);
      const hi = Math.max(...inside);
      start = left >= 0 && left < lo && lo - left <= ANCHOR_REACH ? left + 1 : lo - CHAIN_GAP;
      end = right > hi && right - hi <= ANCHOR_REACH ? right - 1 : hi + CHAIN_GAP;
    } else if (left >= 0 && right > left && right - left <= MAX_REGION) {
      start = left + 1;
      end = right - 1;
    } else return null;
    start = Math.max(0, start);
    end = Math.min(n - 1, end);
    if (end < start || end - start > MAX_REGION) return null;
    // Where the passage would be if nothing moved: as far between its anchors as it was.
    let expected = start;
    if (left >= 0 && right > left) expected = left + ((a - leftRef) * (right - left)) / (rightRef - leftRef);
    else if (left >= 0) expected = left + (a - leftRef);
    else if (right >= 0) expected = right - (rightRef - a);
    return this.matchIn(a, b, start, end, expected);
  }

  /** The best-matching stretch of new tokens [start, end] for reference tokens [a, b]. */
  private matchIn(a: number, b: number, start: number, end: number, expected: number): Passage | null {
    const newTokens = this.next.tokens;
    const template = this.ref.tokens.slice(a, b + 1);
    const templateKeys = template.map((t) => t.key);
    const templateWeight = template.reduce((sum, t) => sum + weight(t), 0);
    // A new token aligned with another passage of the reference belongs to that passage.
    const claimed = (j: number) => this.claimedBy[j] >= 0 && (this.claimedBy[j] < a || this.claimedBy[j] > b);
    const keys = newTokens.slice(start, end + 1).map((t, k) => (claimed(start + k) ? "\u0000" : t.key));
    // The longest common subsequence takes the first of two equal candidates (a new sentence with the
    // same words just before the real one): look from every place where a word of the passage occurs.
    const wanted = new Set(templateKeys);
    const origins = [
      0,
      ...keys.flatMap((key, k) => (k > 0 && wanted.has(key) && !STOPWORDS.has(key) ? [k] : []))
    ].slice(0, 80);
    let best: {chain: [number, number][]; similarity: number; evidence: number; score: number} | undefined;
    const span = template.length + 2 * CHAIN_GAP;
    for (const origin of origins) {
      const pairs = commonPairs(templateKeys, keys.slice(origin, origin + span)).map(([x, y]): [number, number] => [
        x,
        origin + y
      ]);
      for (const chain of chainsOf(pairs)) {
        const trimmed = trimWeakEnds(chain, template);
        const evidence = trimmed.reduce((sum, [x]) => sum + weight(template[x]), 0);
        const from = start + trimmed[0][1];
        const to = start + trimmed[trimmed.length - 1][1];
        let windowWeight = 0;
        for (let i = from; i <= to; i++) windowWeight += weight(newTokens[i]);
        const similarity = (2 * evidence) / (templateWeight + windowWeight);
        // Of equally similar stretches (a short passage, a list of same-shaped lines): the one whose
        // neighbouring words are the reference passage's, then the one nearest where it is expected.
        const score = similarity + 0.002 * this.sharedContext(a, b, from, to) - Math.abs(from - expected) / 10000;
        if (!best || score > best.score) best = {chain: trimmed, similarity, evidence, score};
      }
    }
    if (!best || best.similarity < MIN_SIMILARITY) return null;
    const {chain, similarity, evidence} = best;
    const from = start + chain[0][1];
    const to = start + chain[chain.length - 1][1];
    const exact = to - from === b - a && chain.length === template.length;
    return {from, to, pairs: new Map(chain.map(([x, y]) => [a + x, start + y])), similarity, evidence, exact};
  }

  /** How many of the six tokens before and after a reference passage surround a new stretch too. */
  private sharedContext(a: number, b: number, from: number, to: number): number {
    const keys = (tokens: Token[], lo: number, hi: number) =>
      tokens.slice(Math.max(0, lo), Math.max(0, hi)).map((t) => t.key);
    const count = (left: string[], right: string[]) => commonPairs(left, right).length;
    return (
      count(keys(this.ref.tokens, a - 6, a), keys(this.next.tokens, from - 6, from)) +
      count(keys(this.ref.tokens, b + 1, b + 7), keys(this.next.tokens, to + 1, to + 7))
    );
  }

  /** The new token that holds the figure of reference slot `slot`, in `passage`, or undefined. */
  newSlot(slot: number, a: number, passage: Passage): {index: number; aligned: boolean} | undefined {
    const direct = passage.pairs.get(slot);
    if (direct !== undefined) return {index: direct, aligned: true};
    const tokens = this.next.tokens;
    const taken = new Set<number>();
    for (const [refIndex, newIndex] of passage.pairs)
      if (refIndex !== slot && tokens[newIndex].kind === "number") taken.add(newIndex);
    const candidates: number[] = [];
    // The numbers of the passage's lines, and (layout neighbours) a number alone on the line just
    // above or below: an infographic prints its figure apart from its label.
    const firstLine = tokens[passage.from].line;
    const lastLine = tokens[passage.to].line;
    let lo = passage.from;
    while (lo > 0 && tokens[lo - 1].line === firstLine) lo--;
    let hi = passage.to;
    while (hi < tokens.length - 1 && tokens[hi + 1].line === lastLine) hi++;
    for (let i = lo; i <= hi; i++) if (tokens[i].kind === "number" && !taken.has(i)) candidates.push(i);
    for (const direction of [-1, 1]) {
      const alone = this.numberAloneNear(direction === -1 ? firstLine : lastLine, direction as -1 | 1, lo, hi);
      if (alone !== undefined && !taken.has(alone)) candidates.push(alone);
    }
    const usable = candidates.filter((i) => !isYearToken(tokens[i]));
    if (!usable.length) return undefined;
    const refBefore = wordsAround(this.ref.tokens, slot, -1, 3);
    const refAfter = wordsAround(this.ref.tokens, slot, 1, 3);
    const refOrdinal = countNumbers(this.ref.tokens, a, slot);
    let best = usable[0];
    let bestScore = -1;
    for (const i of usable) {
      const before = wordsAround(tokens, i, -1, 3);
      const after = wordsAround(tokens, i, 1, 3);
      let score =
        before.filter((w) => refBefore.includes(w)).length + 1.5 * after.filter((w) => refAfter.includes(w)).length;
      if (i >= passage.from && i <= passage.to && countNumbers(tokens, passage.from, i) === refOrdinal) score += 0.5;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (bestScore <= 0 && usable.length > 1) return undefined;
    return {index: best, aligned: false};
  }

  /**
   * The first number alone on its line (besides « % » or « € ») within three lines above or below
   * `line`, in the same block (no blank line between), outside tokens [from, to].
   */
  private numberAloneNear(line: number, direction: -1 | 1, from: number, to: number): number | undefined {
    const tokens = this.next.tokens;
    const {text, lineStarts} = this.next;
    for (let step = 1; step <= 3; step++) {
      const target = line + direction * step;
      if (target < 1 || target > lineStarts.length) return undefined;
      const lineText = text.slice(
        lineStarts[target - 1],
        target < lineStarts.length ? lineStarts[target] : text.length
      );
      if (lineText.trim() === "") return undefined;
      const onLine: number[] = [];
      const lo = Math.max(0, from - 40);
      const hi = Math.min(tokens.length - 1, to + 40);
      for (let i = lo; i <= hi; i++) if (tokens[i].line === target && (i < from || i > to)) onLine.push(i);
      const numbers = onLine.filter((i) => tokens[i].kind === "number");
      if (numbers.length === 1 && !onLine.some((i) => tokens[i].kind === "word")) return numbers[0];
    }
    return undefined;
  }
}

/** Splits pairs into chains whose consecutive pairs are close on both sides. */
function chainsOf(pairs: [number, number][]): [number, number][][] {
  const chains: [number, number][][] = [];
  let chain: [number, number][] = [];
  for (const pair of pairs) {
    const last = chain[chain.length - 1];
    if (last && (pair[0] - last[0] > CHAIN_GAP || pair[1] - last[1] > CHAIN_GAP)) {
      chains.push(chain);
      chain = [];
    }
    chain.push(pair);
  }
  if (chain.length) chains.push(chain);
  return chains;
}

/** A weak token (number, « de ») matched apart from the rest is a coincidence: off the chain's ends. */
function trimWeakEnds(chain: [number, number][], template: Token[]): [number, number][] {
  let trimmed = chain;
  while (trimmed.length > 1 && weight(template[trimmed[0][0]]) < 1 && trimmed[1][1] - trimmed[0][1] > 1)
    trimmed = trimmed.slice(1);
  while (trimmed.length > 1) {
    const [last, before] = [trimmed[trimmed.length - 1], trimmed[trimmed.length - 2]];
    if (weight(template[last[0]]) < 1 && last[1] - before[1] > 1) trimmed = trimmed.slice(0, -1);
    else break;
  }
  return trimmed;
}

function wordsAround(tokens: Token[], index: number, direction: 1 | -1, count: number, untilNumber = false): string[] {
  const words: string[] = [];
  for (let i = index + direction; i >= 0 && i < tokens.length && words.length < count; i += direction) {
    if (tokens[i].kind === "number" && untilNumber) break;
    if (tokens[i].kind !== "number") words.push(tokens[i].key);
  }
  return words;
}

function countNumbers(tokens: Token[], from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (tokens[i].kind === "number") count++;
  return count;
}

const MONTHS = new Set(
  "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre".split(" ")
);

/** Dates, years and page numbers are not figures of the report. */
function isDateYearOrPage(tokens: Token[], i: number, text: string, pages: Set<number>): boolean {
  const t = tokens[i];
  if (isYearToken(t) || pages.has(i)) return true;
  const after = text.slice(t.end, t.end + 12);
  const before = text.slice(Math.max(0, t.start - 6), t.start);
  if (/^\/\d/.test(after) || /\d\/$/.test(before)) return true; // 31/12/2022, 01/03
  let k = i + 1;
  if (tokens[k]?.key === "er" || tokens[k]?.key === "eme" || tokens[k]?.key === "e") k++;
  if (tokens[k] && MONTHS.has(tokens[k].key)) return true;
  // « du 2 au 22 mai », « les 24 et 25 février »
  if (
    (tokens[k]?.key === "au" || tokens[k]?.key === "et") &&
    tokens[k + 1]?.kind === "number" &&
    MONTHS.has(tokens[k + 2]?.key)
  ) {
    return true;
  }
  return false;
}

/** Numbers alone on their line that count up by one through the text: page numbers. */
function pageNumbers(tokenized: TokenizedText): Set<number> {
  const {tokens} = tokenized;
  const alone: number[] = [];
  tokens.forEach((t, i) => {
    if (t.kind !== "number" || !/^\d{1,3}$/.test(t.printed ?? "")) return;
    const sameLine = (j: number) => tokens[j] && tokens[j].line === t.line;
    if (!sameLine(i - 1) && !sameLine(i + 1)) alone.push(i);
  });
  const pages = new Set<number>();
  for (let k = 0; k < alone.length; k++) {
    const value = tokens[alone[k]].value!;
    const follows = alone
      .slice(k + 1)
      .find((j) => tokens[j].value === value + 1 && tokens[j].line > tokens[alone[k]].line);
    const precedes = alone.slice(0, k).find((j) => tokens[j].value === value - 1);
    if (follows !== undefined || precedes !== undefined) pages.add(alone[k]);
  }
  return pages;
}

function contextOf(tokenized: TokenizedText, token: Token): string {
  const {text, lineStarts} = tokenized;
  const lineStart = lineStarts[token.line - 1];
  const lineEnd = token.line < lineStarts.length ? lineStarts[token.line] - 1 : text.length;
  const from = Math.max(lineStart, token.start - 50);
  const to = Math.min(lineEnd, token.end + 50);
  return quoteOf(text, from, to);
}

/** Widens a token range to the punctuation glued to it (« (3 358 h … hors MNO) »). */
function quoteRange(tokenized: TokenizedText, from: number, to: number): [number, number] {
  const {text, tokens} = tokenized;
  let start = tokens[from].start;
  let end = tokens[to].end;
  while (start > 0 && /[(«"“>*\-–]/u.test(text[start - 1])) start--;
  while (end < text.length && /[)»”"*.]/u.test(text[end])) end++;
  return [start, end];
}

/** The whole lines of a token range. */
function lineRange(tokenized: TokenizedText, from: number, to: number): [number, number] {
  const {text, tokens, lineStarts} = tokenized;
  const start = lineStarts[tokens[from].line - 1];
  const last = tokens[to].line;
  const end = last < lineStarts.length ? lineStarts[last] - 1 : text.length;
  return [start, end];
}

/** Every figure of `reference` proposed for `edition`; see data/reports/README.md « Adding an edition ». */
export function proposeEdition(reference: ReferenceEdition, edition: NewEdition): EditionProposals {
  const gap = edition.year - reference.year;
  const importer = new Importer(reference.text, edition.text);
  const newTokens = importer.next.tokens;
  const used = new Set<number>();
  const proposals: Proposal[] = [];
  const claimsOf: {newSlot: number; refSlot: number; evidence: number; proposal: Proposal; shiftedYear: string}[] = [];
  let near = 0;
  for (const row of reference.rows) {
    const published = row.status === "publie";
    let refValue: number | undefined;
    if (published) {
      try {
        refValue = parseFrenchNumber(row.value);
      } catch {
        refValue = undefined;
      }
    }
    const base: Record<string, string> = {
      ...row,
      year: String(Number(row.year) + gap),
      label: shiftLabelYears(row.label ?? "", gap),
      derivation: row.derivation ? shiftSelectorYears(row.derivation, gap) : "",
      value: "",
      quote: ""
    };
    const proposal: Proposal = {
      values: base,
      confidence: 0,
      match: "absent",
      reference_value: row.value ?? "",
      reference_quote: row.quote ?? ""
    };
    proposals.push(proposal);
    const located = importer.locate(row.quote ?? "", refValue, near);
    if (!located) continue;
    near = located.from;
    const passage = importer.passage(located);
    if (!passage) continue;
    let from = passage.from;
    let to = passage.to;
    let confidence = passage.similarity;
    if (published && refValue !== undefined) {
      const slot = importer.chooseSlot(importer.slotsOf(located.from, located.to, refValue), row);
      const found = importer.newSlot(slot, located.from, passage);
      if (!found) continue;
      const token = newTokens[found.index];
      from = Math.min(from, found.index);
      to = Math.max(to, found.index);
      base.value = token.printed!;
      base.year = String(yearInPassage(newTokens, edition.text, found.index, from, to) ?? Number(row.year) + gap);
      proposal.line = token.line;
      used.add(found.index);
      claimsOf.push({
        newSlot: found.index,
        refSlot: slot,
        evidence: passage.evidence,
        proposal,
        shiftedYear: String(Number(row.year) + gap)
      });
      if (!found.aligned) confidence *= 0.8;
    } else proposal.line = newTokens[from].line;
    // A reworded passage is quoted by its whole lines: the reviewer reads the figure in its sentence.
    const [start, end] = passage.exact ? quoteRange(importer.next, from, to) : lineRange(importer.next, from, to);
    base.quote = quoteOf(edition.text, start, end);
    proposal.match = passage.exact ? "exact" : "reformule";
    proposal.confidence = Math.round(Math.min(1, confidence) * 100) / 100;
  }

  // One figure of the new text is one figure of the last edition: when two reference figures claim
  // it, the passage with more matched words keeps it and the other is absent (never guessed).
  const claims = new Map<number, typeof claimsOf>();
  claimsOf.forEach((claim) => {
    const list = claims.get(claim.newSlot) ?? [];
    list.push(claim);
    claims.set(claim.newSlot, list);
  });
  for (const list of claims.values()) {
    const strongest = Math.max(...list.map((c) => c.evidence));
    const winner = list.find((c) => c.evidence === strongest)!.refSlot;
    for (const claim of list) {
      if (claim.refSlot === winner) continue;
      const p = claim.proposal;
      Object.assign(p, {match: "absent", confidence: 0, line: undefined});
      Object.assign(p.values, {value: "", quote: "", year: claim.shiftedYear});
    }
  }

  const pages = pageNumbers(importer.next);
  // Digits of a web address (« covid-19 », « 2021/01 ») are not figures either.
  const urls = [...edition.text.matchAll(/(?:https?:\/\/|www\.)\S+/giu)].map((m) => [m.index, m.index + m[0].length]);
  const inUrl = (t: Token) => urls.some(([s, e]) => t.start >= s && t.start < e);
  const unused: UnusedNumber[] = [];
  newTokens.forEach((t, i) => {
    if (t.kind !== "number" || used.has(i) || inUrl(t) || isDateYearOrPage(newTokens, i, edition.text, pages)) return;
    unused.push({line: t.line, number: t.printed!, context: contextOf(importer.next, t)});
  });

  const count = (kind: MatchKind) => proposals.filter((p) => p.match === kind).length;
  return {
    proposals,
    unused,
    coherence: shiftCoherence(reference.coherence, gap),
    summary: {
      proposed: proposals.length - count("absent"),
      exact: count("exact"),
      reformule: count("reformule"),
      absent: count("absent"),
      unused: unused.length
    }
  };
}

/** Last edition's consistency rules with every selector's year moved by `gap`. */
export function shiftCoherence(rules: unknown, gap: number): unknown {
  if (!Array.isArray(rules)) return rules;
  return rules.map((rule) => {
    if (typeof rule !== "object" || rule === null) return rule;
    const r = rule as Record<string, unknown>;
    return {
      ...r,
      whole: typeof r.whole === "string" ? shiftSelectorYears(r.whole, gap) : r.whole,
      parts: Array.isArray(r.parts)
        ? r.parts.map((p) => (typeof p === "string" ? shiftSelectorYears(p, gap) : p))
        : r.parts
    };
  });
}

/** Normalised form of a printed value, to compare proposals with an expected value. */
export function sameValue(a: string, b: string): boolean {
  try {
    return parseFrenchNumber(a) === parseFrenchNumber(b);
  } catch {
    return foldForSearch(a).trim() === foldForSearch(b).trim();
  }
}
