// Fits the territory's plane shapes (projected at build time: lib/map/planar-territory.ts) to the
// width available: a scale and a shift, by d3-geo's identity transform.
import * as d3 from "npm:d3";
import type {GeoPermissibleObjects} from "d3";

export interface FittedProjection {
  projection: d3.GeoIdentityTransform;
  width: number;
  height: number;
}

/** Fits `extent` (plane coordinates) across `width`, with the height the shape needs (capped). */
export function fitProjection(
  extent: GeoPermissibleObjects,
  width: number,
  {padding = 12, maxHeight = 900} = {}
): FittedProjection {
  // d3-geo's identity has fitWidth, as projections do; @types/d3 7.4 leaves it out.
  const projection = d3.geoIdentity() as d3.GeoIdentityTransform & Pick<d3.GeoProjection, "fitWidth">;
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

/** A scale bar of a round length close to a fifth of the map's width. */
export function scaleBar(pxPerKm: number, width: number): {km: number; px: number} {
  const km = LENGTHS_KM.reduce((best, km) =>
    Math.abs(km * pxPerKm - width / 5) < Math.abs(best * pxPerKm - width / 5) ? km : best
  );
  return {km, px: km * pxPerKm};
}
