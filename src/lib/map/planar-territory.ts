// Projects the territory's shapes once, at build time, so that a page draws them with a plane
// transform only. Projecting them in the page took ~130 ms of a first view's main thread on /carte
// (profiled: d3-geo's spherical streams run six times over every vertex, in code not yet compiled),
// for a result that only ever differs from one width to another by a scale and a shift.
import * as d3 from "d3";
import type {CommuneCollection, GeoTerritory, Territory} from "../territory.js";

/** Earth's mean radius in metres: with it as the projection's scale, a unit is about a metre. */
const EARTH_RADIUS_M = 6_371_008.8;

/**
 * The map's projection: Lambert conformal conic (France's own, Lambert-93 parallels 44° and 49°),
 * rotated to the ten communes' central meridian so that north is straight up. No adaptive
 * resampling: across some 20 km the outlines' vertices are close enough that it adds none.
 */
export function territoryProjection(geo: GeoTerritory): d3.GeoProjection {
  const [lon, lat] = d3.geoCentroid(geo.communes);
  return d3
    .geoConicConformal()
    .parallels([44, 49])
    .rotate([-lon, 0])
    .center([0, lat])
    .scale(EARTH_RADIUS_M)
    .translate([0, 0])
    .precision(0);
}

/** The territory in plane coordinates (decimetres kept: the sources' 5 decimals are ~1 m). */
export function projectTerritory(geo: GeoTerritory): Territory {
  const projection = territoryProjection(geo);
  const point = (position: number[]) => {
    const [x, y] = projection(position as [number, number])!;
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  };
  const layer = (collection: CommuneCollection): CommuneCollection => ({
    ...collection,
    features: collection.features.map((feature) => ({
      ...feature,
      geometry:
        feature.geometry.type === "Polygon"
          ? {type: "Polygon", coordinates: feature.geometry.coordinates.map((ring) => ring.map(point))}
          : {
              type: "MultiPolygon",
              coordinates: feature.geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(point)))
            }
    }))
  });
  // A kilometre east of the centre, measured in the plane (the conic's scale barely varies over 20 km).
  const [lon, lat] = d3.geoCentroid(geo.communes);
  const east: [number, number] = [lon + 1 / (111.32 * Math.cos((lat * Math.PI) / 180)), lat];
  const unitsPerKm = Math.abs(projection(east)![0] - projection([lon, lat])![0]);
  return {communes: layer(geo.communes), context: layer(geo.context), unitsPerKm};
}
