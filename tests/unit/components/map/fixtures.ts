// A small map data set for the map's and the embeds' component tests: the real ten communes, two
// indicators, and the build-time answers of the map queries for every view of them (every year, and
// the default évolution of each).
import {loadTerritory} from "../../../../src/lib/build/datasets.js";
import {
  MAP_MODES,
  type CommuneIndicatorRow,
  type MapChangeRow,
  type MapValueRow,
  communeIndicators,
  mapChanges,
  mapValues
} from "../../../../src/lib/queries/index.js";
import {evolutionYears} from "../../../../src/lib/map/view-state.js";
import {queryKey, type Snapshot} from "../../../../src/lib/queries/snapshot.js";

export const territory = loadTerritory();

export const INDICATORS: CommuneIndicatorRow[] = [
  {
    indicator: "territoire.population",
    label: "Population",
    programme: "territoire",
    section: "Territoire",
    unit: "habitants",
    years: [2020]
  },
  {
    indicator: "plie.participants",
    label: "Participants du PLIE",
    programme: "plie",
    section: "Public",
    unit: "participants",
    years: [2021, 2022]
  },
  {
    indicator: "plie.sorties",
    label: "Sorties du PLIE",
    programme: "plie",
    section: "Sorties",
    unit: "sorties",
    years: [2021, 2022]
  }
];

/** One row per commune: the n-th commune counts `n + year − 2020` (`derived` codes are computed values). */
export function mapRows(year: number, derived: string[] = []): MapValueRow[] {
  return territory.communes.features.map((f, i) => {
    const raw = i + year - 2020;
    return {
      code: f.properties.code,
      nom: f.properties.nom,
      population: 1000 * (i + 1),
      raw,
      status: derived.includes(f.properties.code) ? "derive" : "publie",
      quote: null,
      derivation: null,
      value: raw,
      rank: territory.communes.features.length - i,
      average: 4.5,
      communes: territory.communes.features.length
    };
  });
}

/**
 * The change from `from` to `to` of mapRows: the n-th commune moves by `n − 4` (falls, a stable
 * commune, rises); `missing` codes have no figure the first year.
 */
export function changeRows(from: number, to: number, missing: string[] = []): MapChangeRow[] {
  const before = mapRows(from);
  return mapRows(to).map((row, i) => {
    const gone = missing.includes(row.code);
    const raw_from = gone ? null : before[i].raw! + (to - from) - (i - 4);
    const value = gone ? null : row.raw! - raw_from!;
    return {
      ...row,
      raw_from,
      raw_to: row.raw,
      value_from: raw_from,
      value_to: row.raw,
      raw: value,
      value,
      status: gone ? null : row.status,
      rank: gone ? null : 10 - i,
      average: 0.5
    };
  });
}

/** The build's snapshot with every view of the indicators, or without those `missing` says. */
export function snapshotOf(
  indicators = INDICATORS,
  missing: (view: {indicator: string; year: number}) => boolean = () => false
): Snapshot {
  const results: Record<string, unknown[]> = {[queryKey(communeIndicators())]: indicators};
  for (const i of indicators) {
    for (const year of i.years) {
      if (missing({indicator: i.indicator, year})) continue;
      for (const {mode} of MAP_MODES) results[queryKey(mapValues(i.indicator, year, mode))] = mapRows(year);
    }
    const span = evolutionYears(i.years);
    if (span) {
      for (const {mode} of MAP_MODES) {
        results[queryKey(mapChanges(i.indicator, span.from, span.year, mode))] = changeRows(span.from, span.year);
      }
    }
  }
  return {results, units: {participants: "participants", sorties: "sorties", habitants: "habitants"}};
}
