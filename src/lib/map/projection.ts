// The map's projection: Lambert conformal conic (France's own, Lambert-93 parallels 44° and 49°),
// rotated to the territory's central meridian so that north is straight up, and fitted to the
// width available.
import * as d3 from "npm:d3";
import type {GeoPermissibleObjects} from "d3";

export interface FittedProjection {
  projection: d3.GeoProjection;
  width: number;
  height: number;
}

/** Fits the projection to `extent` across `width`, with the height the shape needs (capped). */
export function fitProjection(
  extent: GeoPermissibleObjects,
  width: number,
  {padding = 12, maxHeight = 900} = {}
): FittedProjection {
  const [lon, lat] = d3.geoCentroid(extent as d3.ExtendedFeatureCollection);
  // No adaptive resampling (precision 0): across a territory of some 20 km the outlines' vertices are
  // close enough that resampling adds none (the same paths, checked up to 4 000 px wide), and it
  // doubled the paths' cost on a page's first view (bench/PERFORMANCE.md, decision 18).
  const projection = d3.geoConicConformal().parallels([44, 49]).rotate([-lon, 0]).center([0, lat]).precision(0);
  projection.fitWidth(width - 2 * padding, extent);
  const [[x0, y0], [, y1]] = d3.geoPath(projection).bounds(extent);
  let height = Math.ceil(y1 - y0) + 2 * padding;
  if (height > maxHeight) {
    height = maxHeight;
    projection.fitExtent(
      [
        [padding, padding],
        [width - padding, height - padding]
      ],
      extent
    );
  } else {
    const [tx, ty] = projection.translate();
    projection.translate([tx + padding - x0, ty + padding - y0]);
  }
  return {projection, width, height};
}

const LENGTHS_KM = [0.5, 1, 2, 3, 5, 10, 20];

/** A scale bar of a round length close to a fifth of the map's width, at the map's centre. */
export function scaleBar(projection: d3.GeoProjection, width: number, height: number): {km: number; px: number} {
  const center = projection.invert!([width / 2, height / 2])!;
  const east = [center[0] + 1 / (111.32 * Math.cos((center[1] * Math.PI) / 180)), center[1]] as [number, number];
  const pxPerKm = Math.abs(projection(east)![0] - projection(center)![0]);
  const km = LENGTHS_KM.reduce((best, km) =>
    Math.abs(km * pxPerKm - width / 5) < Math.abs(best * pxPerKm - width / 5) ? km : best
  );
  return {km, px: km * pxPerKm};
}
