// Build-time results of the pages' queries (snapshot.json): the first view of a page is drawn from
// them at once, and DuckDB-WASM takes over when it is ready. The same list runs in Node at build
// time (src/data/snapshot.json.ts) and is looked up in the browser by the same key.
import {HEADLINE_INDICATORS} from "../editorial.js";
import {availableModes, evolutionYears} from "../map/view-state.js";
import {PROGRAMMES} from "../programmes.js";
import {
  type Query,
  communeIndicators,
  communeList,
  communeProfile,
  communeSeries,
  dictionary,
  headlines,
  indicatorRows,
  indicatorSummaries,
  mapChanges,
  mapValues,
  programmeCounts,
  programmeRows
} from "./index.js";

export interface Prerendered {
  results: Record<string, unknown[]>;
}

export interface Snapshot extends Prerendered {
  /** Unit slug → French label (data/reports/regles.json). */
  units: Record<string, string>;
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/** A query's identity: its name, its parameters and its text. */
export function queryKey(query: Query<unknown>): string {
  return `${query.name}:${JSON.stringify(query.params)}:${hash(query.sql)}`;
}

/** The build-time rows of a query, if it was prerendered. */
export function fromSnapshot<Row>(snapshot: Prerendered | undefined, query: Query<Row>): Row[] | undefined {
  return snapshot?.results[queryKey(query)] as Row[] | undefined;
}

type Runner = <Row>(query: Query<Row>) => Promise<Row[]>;

function collector(run: Runner) {
  const results: Record<string, unknown[]> = {};
  const add = async <Row>(query: Query<Row>): Promise<Row[]> => {
    const rows = await run(query);
    results[queryKey(query)] = rows;
    return rows;
  };
  return {results, add};
}

/**
 * Every indicator's rows and every programme's overview (lignes.json): what programme pages draw
 * before the engine is ready, and what embedded charts draw without it.
 */
export async function prerenderRows(run: Runner): Promise<Record<string, unknown[]>> {
  const {results, add} = collector(run);
  for (const {indicator} of await run(dictionary())) await add(indicatorRows(indicator));
  await add(indicatorSummaries());
  for (const programme of PROGRAMMES) {
    await add(indicatorSummaries(programme));
    await add(programmeRows(programme));
  }
  return results;
}

/**
 * Runs every query a first view may need: headlines, every map view of one year, the default
 * évolution of each indicator (the latest year against the one before, not every pair of years: the
 * snapshot is /carte's first download), every commune's profile and its figures' years.
 */
export async function prerender(run: Runner): Promise<Record<string, unknown[]>> {
  const {results, add} = collector(run);
  await add(headlines(HEADLINE_INDICATORS));
  await add(programmeCounts());
  for (const indicator of await add(communeIndicators())) {
    for (const year of indicator.years) {
      for (const mode of availableModes(indicator)) await add(mapValues(indicator.indicator, year, mode));
    }
    const span = evolutionYears(indicator.years);
    if (span) {
      for (const mode of availableModes(indicator))
        await add(mapChanges(indicator.indicator, span.from, span.year, mode));
    }
  }
  for (const commune of await add(communeList())) {
    await add(communeProfile(commune.code));
    await add(communeSeries(commune.code));
  }
  return results;
}
