// « Mes carnets »: notebooks saved in this browser (localStorage), listed, renamed, deleted. The
// stored JSON is read back as untrusted (it may be old, or edited by hand): each entry is checked
// by parseNotebook when opened, and a broken entry is listed as such rather than breaking the list.
import {type NotebookDocument, notebookJson, parseNotebook} from "./notebook.js";

export const STORAGE_KEY = "observatoire-mno:carnets";
/** A browser's storage holds about 5 MB per site: beyond this many notebooks, save less. */
export const MAX_SAVED = 100;

export interface SavedEntry {
  id: string;
  title: string;
  /** ISO date of the last save. */
  saved: string;
  notebook: unknown;
}

export interface SavedNotebook {
  id: string;
  title: string;
  saved: string;
}

type StorageLike = Pick<Storage, "getItem" | "setItem">;

function read(storage: StorageLike): SavedEntry[] {
  try {
    const value = JSON.parse(storage.getItem(STORAGE_KEY) ?? "[]");
    if (!Array.isArray(value)) return [];
    return value.filter(
      (e): e is SavedEntry => typeof e?.id === "string" && typeof e?.title === "string" && typeof e?.saved === "string"
    );
  } catch {
    return [];
  }
}

function write(storage: StorageLike, entries: SavedEntry[]): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(entries));
  } catch {
    throw new Error("le navigateur n'a plus de place pour les carnets : supprimez-en un");
  }
}

export function listSaved(storage: StorageLike): SavedNotebook[] {
  return read(storage)
    .map(({id, title, saved}) => ({id, title, saved}))
    .sort((a, b) => b.saved.localeCompare(a.saved));
}

/** Saves a notebook under a title; the same title replaces the notebook saved under it. */
export function saveNotebook(
  storage: StorageLike,
  title: string,
  doc: NotebookDocument,
  now = new Date()
): SavedNotebook {
  const clean = title.trim().slice(0, 120);
  if (!clean) throw new Error("donnez un nom au carnet");
  const entries = read(storage);
  const existing = entries.find((e) => e.title === clean);
  if (!existing && entries.length >= MAX_SAVED)
    throw new Error(`vous avez déjà ${MAX_SAVED} carnets : supprimez-en un`);
  const entry: SavedEntry = {
    id: existing?.id ?? `c${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
    title: clean,
    saved: now.toISOString(),
    notebook: notebookJson(doc)
  };
  write(storage, [...entries.filter((e) => e.id !== entry.id), entry]);
  return {id: entry.id, title: entry.title, saved: entry.saved};
}

export function openSaved(storage: StorageLike, id: string): {title: string; notebook: NotebookDocument} {
  const entry = read(storage).find((e) => e.id === id);
  if (!entry) throw new Error("ce carnet n'est plus enregistré dans ce navigateur");
  return {title: entry.title, notebook: parseNotebook(entry.notebook)};
}

export function renameSaved(storage: StorageLike, id: string, title: string): void {
  const clean = title.trim().slice(0, 120);
  if (!clean) throw new Error("donnez un nom au carnet");
  const entries = read(storage);
  if (entries.some((e) => e.title === clean && e.id !== id)) throw new Error(`un carnet s'appelle déjà « ${clean} »`);
  write(
    storage,
    entries.map((e) => (e.id === id ? {...e, title: clean} : e))
  );
}

export function deleteSaved(storage: StorageLike, id: string): void {
  write(
    storage,
    read(storage).filter((e) => e.id !== id)
  );
}
