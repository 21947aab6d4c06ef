// Commune boundaries for the map: the ten MNO communes and their neighbours (grey context layer),
// checked against the commune table so that a map can never show a commune the data lacks.
import {readFileSync} from "node:fs";
import {DataError, type DataProblem, echo} from "../errors.js";
import type {CommuneCollection, CommuneFeature, GeoTerritory} from "../territory.js";
import {characterProblem} from "../validation/characters.js";

export type {CommuneCollection, CommuneFeature, GeoTerritory};

export function readFeatureCollection(path: string, display: string): CommuneCollection {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf-8"));
  } catch (error) {
    throw new DataError([{file: display, reason: `GeoJSON illisible : ${(error as Error).message}`}]);
  }
  const collection = data as CommuneCollection;
  const problems: DataProblem[] = [];
  if (collection?.type !== "FeatureCollection" || !Array.isArray(collection.features)) {
    throw new DataError([{file: display, reason: "une FeatureCollection GeoJSON est attendue"}]);
  }
  collection.features.forEach((feature, i) => {
    const where = `entité n° ${i + 1}`;
    if (!/^(Multi)?Polygon$/.test(feature?.geometry?.type ?? "")) {
      problems.push({file: display, reason: `${where} : polygone attendu`});
      return;
    }
    if (typeof feature?.properties?.code !== "string" || typeof feature.properties.nom !== "string") {
      problems.push({file: display, reason: `${where} : propriétés code et nom attendues`});
    } else {
      for (const key of ["code", "nom"] as const) {
        const refused = characterProblem(feature.properties[key], key, true);
        if (refused) problems.push({file: display, reason: `${where} : ${refused}`});
      }
    }
    const bad = firstBadPosition(feature.geometry.coordinates);
    if (bad) problems.push({file: display, reason: `${where} : ${bad}`});
  });
  if (problems.length) throw new DataError(problems);
  return collection;
}

/** The first position that is not [longitude −180…180, latitude −90…90], described, or undefined. */
function firstBadPosition(coordinates: unknown): string | undefined {
  if (!Array.isArray(coordinates)) return "coordonnées manquantes";
  if (typeof coordinates[0] === "number" || coordinates.length === 0) {
    const [lon, lat] = coordinates as number[];
    if (coordinates.length < 2 || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      return `position [${echo(String(coordinates))}] invalide`;
    }
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      return `position [${lon}, ${lat}] hors du globe (longitude −180…180, latitude −90…90)`;
    }
    return undefined;
  }
  for (const inner of coordinates) {
    const bad = firstBadPosition(inner);
    if (bad) return bad;
  }
  return undefined;
}

/**
 * d3-geo draws spherical polygons and reads ring order as inside/outside: it wants exterior rings
 * clockwise, the opposite of RFC 7946 (which the source files follow). Without this, each commune
 * would be drawn as the whole world minus the commune.
 */
export function rewindForD3(collection: CommuneCollection): CommuneCollection {
  const reverse = (rings: number[][][]) => rings.map((ring) => [...ring].reverse());
  return {
    ...collection,
    features: collection.features.map((feature) => ({
      ...feature,
      geometry:
        feature.geometry.type === "Polygon"
          ? {...feature.geometry, coordinates: reverse(feature.geometry.coordinates)}
          : {...feature.geometry, coordinates: feature.geometry.coordinates.map(reverse)}
    }))
  };
}

/** Reads both layers; every commune of the table must have exactly one shape, and no other. */
export function readTerritory(
  files: {communes: [string, string]; context: [string, string]},
  communeCodes: Set<string>
): GeoTerritory {
  const communes = readFeatureCollection(...files.communes);
  const context = readFeatureCollection(...files.context);
  const display = files.communes[1];
  const codes = communes.features.map((f) => f.properties.code);
  const problems: DataProblem[] = [];
  for (const code of communeCodes)
    if (!codes.includes(code)) problems.push({file: display, reason: `commune ${code} sans contour`});
  for (const code of codes)
    if (!communeCodes.has(code)) problems.push({file: display, reason: `contour de ${code}, absent de communes.csv`});
  if (new Set(codes).size !== codes.length) problems.push({file: display, reason: "un code apparaît deux fois"});
  if (problems.length) throw new DataError(problems);
  return {communes: rewindForD3(communes), context: rewindForD3(context)};
}
