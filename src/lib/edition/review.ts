// The review of a new edition's proposals, as plain data: what the analyst decided for each
// proposal (accepted, corrected, rejected), the rows added from unused numbers, the consistency
// rules dropped. The page keeps it in localStorage; the rows to save are derived from it here.
import type {Proposal} from "./propose.js";

export type Decision = "accepte" | "corrige" | "rejete";

export interface ItemDecision {
  decision: Decision;
  /** For « corrige »: the fields the analyst changed (value, quote, derivation). */
  edits?: Partial<Record<"value" | "quote" | "derivation", string>>;
}

export interface AddedRow {
  /** The row, with the columns of indicateurs.csv. */
  values: Record<string, string>;
  /** Which unused number it was made from (its index in the unused list). */
  unused: number;
}

export interface ReviewState {
  v: 1;
  /** Proposal index → decision; a proposal without one is still to review. */
  decisions: Record<number, ItemDecision>;
  added: AddedRow[];
  /** Ids of the consistency rules left out of coherence.json. */
  droppedRules: string[];
  /** The proposal under review. */
  cursor: number;
}

export function emptyReview(): ReviewState {
  return {v: 1, decisions: {}, added: [], droppedRules: [], cursor: 0};
}

/** The state with `decision` recorded for proposal `index` (a new object; the old one is kept). */
export function decide(state: ReviewState, index: number, decision: ItemDecision): ReviewState {
  return {...state, decisions: {...state.decisions, [index]: decision}};
}

export function moveCursor(state: ReviewState, by: number, total: number): ReviewState {
  const cursor = Math.min(Math.max(0, state.cursor + by), Math.max(0, total - 1));
  return {...state, cursor};
}

export interface Progress {
  total: number;
  reviewed: number;
  accepted: number;
  corrected: number;
  rejected: number;
}

export function progress(state: ReviewState, total: number): Progress {
  const counts = {accepte: 0, corrige: 0, rejete: 0};
  for (const [index, item] of Object.entries(state.decisions)) if (Number(index) < total) counts[item.decision]++;
  return {
    total,
    reviewed: counts.accepte + counts.corrige + counts.rejete,
    accepted: counts.accepte,
    corrected: counts.corrige,
    rejected: counts.rejete
  };
}

/** Where a row to save comes from: a proposal, or a row added from an unused number. */
export type RowSource = {kind: "proposal"; index: number} | {kind: "added"; index: number};

/** The row a decision makes of a proposal: its values with the analyst's corrections. */
export function decidedValues(proposal: Proposal, item: ItemDecision): Record<string, string> {
  return item.decision === "corrige" ? {...proposal.values, ...item.edits} : {...proposal.values};
}

/** The rows of the new indicateurs.csv: accepted and corrected proposals in order, then added rows. */
export function reviewedRows(
  proposals: Proposal[],
  state: ReviewState
): {values: Record<string, string>; source: RowSource}[] {
  const rows: {values: Record<string, string>; source: RowSource}[] = [];
  proposals.forEach((proposal, index) => {
    const item = state.decisions[index];
    if (item && item.decision !== "rejete")
      rows.push({values: decidedValues(proposal, item), source: {kind: "proposal", index}});
  });
  state.added.forEach((row, index) => rows.push({values: {...row.values}, source: {kind: "added", index}}));
  return rows;
}

/** The localStorage key of a review: the new edition's year and a hash of its text. */
export function storageKey(year: number, hash: string): string {
  return `observatoire-mno:import:${year}:${hash}`;
}

/** A hex SHA-256 of a text (Web Crypto, in browsers and in Node). */
export async function textHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

const DECISIONS = new Set<string>(["accepte", "corrige", "rejete"]);
const EDITABLE = new Set(["value", "quote", "derivation"]);

function isStringRecord(value: unknown, keys?: Set<string>): value is Record<string, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(value).every(([k, v]) => typeof v === "string" && (!keys || keys.has(k)))
  );
}

/**
 * A saved review read back, or undefined when it is not one (another version, edited by hand,
 * damaged): the review then starts afresh rather than on half-read decisions.
 */
export function parseReview(json: string | null): ReviewState | undefined {
  if (!json) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return undefined;
  }
  const s = data as Partial<ReviewState>;
  if (typeof s !== "object" || s === null || s.v !== 1) return undefined;
  if (typeof s.decisions !== "object" || s.decisions === null || !Array.isArray(s.added)) return undefined;
  if (!Array.isArray(s.droppedRules) || !s.droppedRules.every((id) => typeof id === "string")) return undefined;
  const decisions: Record<number, ItemDecision> = {};
  for (const [key, item] of Object.entries(s.decisions as Record<string, unknown>)) {
    const d = item as Partial<ItemDecision>;
    if (!/^\d+$/.test(key) || typeof d !== "object" || d === null || !DECISIONS.has(String(d.decision)))
      return undefined;
    if (d.edits !== undefined && !isStringRecord(d.edits, EDITABLE)) return undefined;
    decisions[Number(key)] = d.edits ? {decision: d.decision!, edits: d.edits} : {decision: d.decision!};
  }
  const added: AddedRow[] = [];
  for (const row of s.added as unknown[]) {
    const r = row as Partial<AddedRow>;
    if (typeof r !== "object" || r === null || !isStringRecord(r.values) || !Number.isInteger(r.unused))
      return undefined;
    added.push({values: r.values, unused: r.unused!});
  }
  const cursor = Number.isInteger(s.cursor) && s.cursor! >= 0 ? s.cursor! : 0;
  return {v: 1, decisions, added, droppedRules: [...s.droppedRules], cursor};
}
