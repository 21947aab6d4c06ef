// /embed/carte: the map of one view alone, in its embed frame, for an iframe on another site. The
// view comes from the URL as on /carte (an évolution too: `mode=evolution&de=…&annee=…`); an
// indicator the data does not map is said in words. A view the build did not compute (an évolution
// between other years than the default ones) starts the page's engine, which computes it.
import {type MapParams, MAP_PARAMS, type MapState, resolveState, stateParams} from "../../lib/map/view-state.js";
import {type CommuneIndicatorRow, MAP_MODES, communeIndicators} from "../../lib/queries/index.js";
import {fromSnapshot, type Snapshot} from "../../lib/queries/snapshot.js";
import {mapHref} from "../../lib/routes.js";
import type {Territory} from "../../lib/territory.js";
import type {Engine} from "../engine/db.js";
import {mapExplorer} from "../map/map-explorer.js";
import {viewQuery} from "../map/map-painter.js";
import {readParams} from "../ui/url-state.js";
import {embedError, embedFrame} from "./embed-frame.js";

export interface EmbedMapView {
  state: MapState;
  title: string;
  subtitle: string;
  /** The same view on the site (without the embed's appearance). */
  fullHref: string;
}

/** The embed's view for the URL's parameters, or why there is none, in French. */
export function embedMapView(indicators: CommuneIndicatorRow[], params: MapParams): EmbedMapView | {error: string} {
  // An embed shows what another site asked for: another indicator in its place would mislead.
  if (params.indicateur && !indicators.some((i) => i.indicator === params.indicateur && i.years.length > 0)) {
    const reason = `l’indicateur « ${params.indicateur} » n’est pas publié commune par commune`;
    return {error: `Carte introuvable : ${reason}.`};
  }
  const state = resolveState(indicators, params);
  if (!state) return {error: "Carte introuvable : aucun indicateur n’est publié commune par commune."};
  const indicator = indicators.find((i) => i.indicator === state.indicator)!;
  const mode = MAP_MODES.find((m) => m.mode === state.mode)!;
  return {
    state,
    title: indicator.label,
    subtitle: [
      state.from === undefined ? mode.label : `Évolution ${state.from} → ${state.year} · ${mode.label}`,
      state.from === undefined ? String(state.year) : null,
      "dix communes de Métropole Nord-Ouest"
    ]
      .filter(Boolean)
      .join(" · "),
    fullHref: mapHref(state)
  };
}

export interface EmbedMapOptions {
  territory: Territory;
  snapshot: Snapshot;
  width: number;
  /** The view asked for; the current URL's by default. */
  params?: MapParams;
  /** Starts the page's engine: called only for a view the build did not compute. */
  startEngine?: () => Promise<Engine>;
}

export function embedMap({
  territory,
  snapshot,
  width,
  params = readParams(MAP_PARAMS),
  startEngine
}: EmbedMapOptions): HTMLElement {
  const view = embedMapView(fromSnapshot(snapshot, communeIndicators()) ?? [], params);
  if ("error" in view) return embedError(view.error);
  const engine = fromSnapshot(snapshot, viewQuery(view.state)) ? undefined : startEngine?.();
  return embedFrame({
    title: view.title,
    subtitle: view.subtitle,
    content: mapExplorer({territory, snapshot, width, engine, embed: true, params: stateParams(view.state)}),
    fullHref: view.fullHref
  });
}
