// The commune shapes a map draws: the ten communes and their grey neighbours. Read from GeoJSON
// (longitude, latitude) and checked at build time (src/lib/build/geometry.ts), projected once there
// (src/lib/map/planar-territory.ts), drawn in the browser (components/map/) from plane coordinates.
import type {Feature, FeatureCollection, MultiPolygon, Polygon} from "geojson";

export type CommuneFeature = Feature<Polygon | MultiPolygon, {code: string; nom: string}>;
export type CommuneCollection = FeatureCollection<Polygon | MultiPolygon, {code: string; nom: string}>;

/** The shapes as the source files give them: longitude and latitude in degrees. */
export interface GeoTerritory {
  communes: CommuneCollection;
  context: CommuneCollection;
}

/**
 * The shapes as the maps draw them: the same features, projected at build time into a plane
 * (x east, y south, in `unitsPerKm` units a kilometre at the territory's centre). A map only scales
 * and shifts them to its width: no spherical geometry runs in the page.
 */
export interface Territory {
  communes: CommuneCollection;
  context: CommuneCollection;
  unitsPerKm: number;
}
