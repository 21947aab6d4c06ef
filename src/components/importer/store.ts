// The review kept in this browser (localStorage): the last file's text, so that a reload resumes
// it, and the decisions of each review, keyed by year and a hash of the text. A full or refused
// storage loses nothing on the page; the caller says that progress is not kept.
import {type ReviewState, parseReview, storageKey} from "../../lib/edition/review.js";

const SESSION_KEY = "observatoire-mno:import:session";

export interface Session {
  year: number;
  name: string;
  text: string;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled for this site
  }
}

function write(key: string, value: string): boolean {
  try {
    storage()?.setItem(key, value);
    return storage() !== undefined;
  } catch {
    return false;
  }
}

export function loadSession(): Session | undefined {
  try {
    const s = JSON.parse(storage()?.getItem(SESSION_KEY) ?? "null") as Partial<Session> | null;
    if (s && Number.isInteger(s.year) && typeof s.name === "string" && typeof s.text === "string")
      return {year: s.year!, name: s.name, text: s.text};
  } catch {
    // a damaged entry: start afresh
  }
  return undefined;
}

export function saveSession(session: Session): boolean {
  return write(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  storage()?.removeItem(SESSION_KEY);
}

export function loadReview(year: number, hash: string): ReviewState | undefined {
  return parseReview(storage()?.getItem(storageKey(year, hash)) ?? null);
}

export function saveReview(year: number, hash: string, state: ReviewState): boolean {
  return write(storageKey(year, hash), JSON.stringify(state));
}

export function clearReview(year: number, hash: string): void {
  storage()?.removeItem(storageKey(year, hash));
}
