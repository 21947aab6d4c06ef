// The dossier: views collected from any page with « Ajouter au dossier », kept in the browser
// (localStorage) so that they survive reloads and new editions. A view is its state (the embed
// path: indicator, chart or map mode, year), not a picture; /dossier redraws it from the data.
import type {ExportMeta} from "./compose.js";

export interface DossierView {
  id: string;
  /** The title the user gave it (the figure's own title at first). */
  title: string;
  /**
   * The view's state: « /embed/graphique?indicateur=…&graphique=…&annee=… », « /embed/carte?… », or a
   * key figure « /chiffre?indicateur=…&annee=…[&commune=<code INSEE>] ».
   */
  state: string;
  /** The page it was added from. */
  page: string;
  /** ISO date and time it was added. */
  added: string;
  /** The figure's texts when it was added (shown if the indicator no longer exists). */
  meta: ExportMeta;
}

export const DOSSIER_KEY = "observatoire-mno:dossier";

function isView(value: unknown): value is DossierView {
  const v = value as DossierView;
  return !!v && typeof v.id === "string" && typeof v.title === "string" && typeof v.state === "string" && !!v.meta;
}

/** The saved views; a damaged entry is dropped with a warning, never the whole dossier. */
export function loadDossier(storage: Storage = localStorage): DossierView[] {
  const text = storage.getItem(DOSSIER_KEY);
  if (!text) return [];
  try {
    const list = JSON.parse(text);
    if (!Array.isArray(list)) throw new Error("ce n’est pas une liste");
    const views = list.filter(isView);
    if (views.length < list.length)
      console.warn(`dossier : ${list.length - views.length} vue(s) illisible(s) ignorée(s)`);
    return views;
  } catch (error) {
    console.warn(`dossier illisible (${(error as Error).message}) : il repart vide`);
    return [];
  }
}

export function saveDossier(views: DossierView[], storage: Storage = localStorage): void {
  try {
    storage.setItem(DOSSIER_KEY, JSON.stringify(views));
  } catch {
    throw new Error("le navigateur refuse d’enregistrer le dossier (stockage plein ou désactivé)");
  }
}

/** Adds a view at the end; returns the dossier's size. */
export function addToDossier(view: Omit<DossierView, "id" | "added">, storage: Storage = localStorage): number {
  const views = loadDossier(storage);
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  views.push({...view, id, added: new Date().toISOString()});
  saveDossier(views, storage);
  return views.length;
}

/** The dossier with one view moved by `delta` places (clamped to the list). */
export function moveView(views: DossierView[], id: string, delta: number): DossierView[] {
  const from = views.findIndex((v) => v.id === id);
  if (from < 0) return views;
  const to = Math.max(0, Math.min(views.length - 1, from + delta));
  const copy = [...views];
  const [view] = copy.splice(from, 1);
  copy.splice(to, 0, view);
  return copy;
}

/** What a state path says: which view, of which indicator, for which year. */
export function parseState(state: string): {
  view: "graphique" | "carte" | "chiffre" | null;
  indicator: string;
  chart: string;
  mode: string;
  year: number | null;
  commune: string | null;
} {
  const url = new URL(state, "http://localhost");
  const view = url.pathname.endsWith("/embed/graphique")
    ? "graphique"
    : url.pathname.endsWith("/embed/carte")
      ? "carte"
      : url.pathname === "/chiffre"
        ? "chiffre"
        : null;
  const p = url.searchParams;
  return {
    view,
    indicator: p.get("indicateur") ?? "",
    chart: p.get("graphique") ?? "",
    mode: p.get("mode") ?? "nombre",
    year: p.get("annee") ? Number(p.get("annee")) : null,
    commune: p.get("commune")
  };
}

/** The state of a key figure: an indicator's value for a year, of the territory or of one commune. */
export function keyFigureState(indicator: string, year: number, commune?: string | null): string {
  const params = new URLSearchParams({indicateur: indicator, annee: String(year)});
  if (commune) params.set("commune", commune);
  return `/chiffre?${params}`;
}
