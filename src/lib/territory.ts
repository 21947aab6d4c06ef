// The commune shapes a map draws: the ten communes and their grey neighbours, as GeoJSON. Read and
// checked at build time (src/lib/build/geometry.ts), drawn in the browser (components/map/).
import type {Feature, FeatureCollection, MultiPolygon, Polygon} from "geojson";

export type CommuneFeature = Feature<Polygon | MultiPolygon, {code: string; nom: string}>;
export type CommuneCollection = FeatureCollection<Polygon | MultiPolygon, {code: string; nom: string}>;

export interface Territory {
  communes: CommuneCollection;
  context: CommuneCollection;
}
