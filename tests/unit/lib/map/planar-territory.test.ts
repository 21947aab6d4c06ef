import * as d3 from "d3";
import {describe, expect, it} from "vitest";
import {projectTerritory, territoryProjection} from "../../../../src/lib/map/planar-territory.js";
import {fitProjection} from "../../../../src/lib/map/projection.js";
import {dataPaths, loadCommunes} from "../../../../src/lib/build/datasets.js";
import {readTerritory} from "../../../../src/lib/build/geometry.js";
import {join} from "node:path";

const paths = dataPaths();
const geo = readTerritory(
  {
    communes: [join(paths.communes, "mno-communes.geojson"), "mno-communes.geojson"],
    context: [join(paths.communes, "mno-context.geojson"), "mno-context.geojson"]
  },
  new Set(loadCommunes(paths).map((c) => c.code))
);
const planar = projectTerritory(geo);

describe("projectTerritory", () => {
  it("keeps every feature, its properties and its rings", () => {
    expect(planar.communes.features.map((f) => f.properties)).toEqual(geo.communes.features.map((f) => f.properties));
    expect(planar.context.features.length).toBe(geo.context.features.length);
    const counts = (t: typeof geo) => t.communes.features.map((f) => f.geometry.coordinates.flat(2).length);
    expect(counts(planar)).toEqual(counts(geo));
  });

  it("puts north up and east right, about a unit a metre", () => {
    const projection = territoryProjection(geo);
    const [ax, ay] = projection([3.04, 50.64])!;
    const [bx, by] = projection([3.04, 50.73])!;
    expect(Math.abs(ax - bx)).toBeLessThan(0.5);
    expect(by).toBeLessThan(ay);
    // 0.09° of latitude is 10 km.
    expect(ay - by).toBeGreaterThan(9_900);
    expect(ay - by).toBeLessThan(10_100);
    expect(planar.unitsPerKm).toBeGreaterThan(990);
    expect(planar.unitsPerKm).toBeLessThan(1_010);
  });

  it("draws, once fitted to a width, the paths the spherical projection drew, to a tenth of a pixel", () => {
    // The projection the pages used to fit in the browser, at 800 px.
    const sphere = territoryProjection(geo);
    sphere.fitWidth(776, geo.communes);
    const [[sx0, sy0]] = d3.geoPath(sphere).bounds(geo.communes);
    const {projection} = fitProjection(planar.communes, 800);
    const plane = d3.geoPath(projection);
    const spherePath = d3.geoPath(sphere);
    for (const [i, feature] of planar.communes.features.entries()) {
      const [px, py] = plane.centroid(feature);
      const [qx, qy] = spherePath.centroid(geo.communes.features[i]);
      expect(Math.abs(px - (qx - sx0 + 12))).toBeLessThan(0.1);
      expect(Math.abs(py - (qy - sy0 + 12))).toBeLessThan(0.1);
    }
  });
});
