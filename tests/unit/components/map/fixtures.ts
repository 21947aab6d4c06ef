// A small map data set for the map's and the embeds' component tests: the real ten communes, two
// indicators, and the build-time answers of the map query for every view of them.
import {loadTerritory} from "../../../../src/lib/build/datasets.js";
import {
  MAP_MODES,
  type CommuneIndicatorRow,
  type MapValueRow,
  communeIndicators,
  mapValues
} from "../../../../src/lib/queries/index.js";
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
  }
  return {results, units: {participants: "participants", sorties: "sorties", habitants: "habitants"}};
}
