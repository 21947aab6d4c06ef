import * as d3 from "d3";
import {describe, expect, it} from "vitest";
import {placeLabels, shortName} from "../../../../src/lib/map/label-placement.js";
import {fitProjection, scaleBar} from "../../../../src/lib/map/projection.js";
import {loadTerritory} from "../../../../src/lib/build/datasets.js";

const territory = loadTerritory();

describe("fitProjection", () => {
  it("fits the ten communes to the width, north up", () => {
    const {projection, width, height} = fitProjection(territory.communes, 800);
    const [[x0, y0], [x1, y1]] = d3.geoPath(projection).bounds(territory.communes);
    expect(x0).toBeCloseTo(12, 0);
    expect(x1).toBeCloseTo(788, 0);
    expect(y0).toBeGreaterThanOrEqual(11);
    expect(y1).toBeLessThanOrEqual(height - 11);
    expect(width).toBe(800);
  });

  it("caps the height by fitting to the extent", () => {
    const {height} = fitProjection(territory.communes, 2000, {maxHeight: 500});
    expect(height).toBe(500);
  });
});

describe("scaleBar", () => {
  it("picks a round length near a fifth of the width, in proportion to the territory's 12.7 km", () => {
    const {projection, width} = fitProjection(territory.communes, 800);
    const bar = scaleBar(projection.scale() * territory.unitsPerKm, width);
    expect([1, 2, 3, 5]).toContain(bar.km);
    // The territory is about 12.7 km wide and fills 776 px.
    expect(bar.px / bar.km).toBeGreaterThan(776 / 13.5);
    expect(bar.px / bar.km).toBeLessThan(776 / 12);
  });
});

describe("labels", () => {
  it("shortens long names", () => {
    expect(shortName("Marcq-en-Barœul")).toBe("Marcq");
    expect(shortName("Saint-André-lez-Lille")).toBe("St-André");
    expect(shortName("Quesnoy-sur-Deûle")).toBe("Quesnoy");
    expect(shortName("La Madeleine")).toBe("La Madeleine");
  });

  it("places labels without overlap, shortening or dropping the ones that collide", () => {
    const placed = placeLabels(
      [
        {code: "a", nom: "Marcq-en-Barœul", x: 100, y: 50, priority: 3},
        {code: "b", nom: "Marquette-lez-Lille", x: 110, y: 52, priority: 2},
        {code: "c", nom: "Lompret", x: 300, y: 50, priority: 1}
      ],
      12,
      400,
      100
    );
    expect(placed.map((p) => p.text)).toEqual(["Marcq-en-Barœul", "Lompret"]);
  });

  it("uses the short name where the full one runs far past its commune", () => {
    const candidate = {code: "a", nom: "Saint-André-lez-Lille", x: 200, y: 50, priority: 1};
    // 21 characters × 11 px × 0.56 ≈ 129 px of text.
    expect(placeLabels([{...candidate, span: 120}], 11, 400, 100)[0].text).toBe("Saint-André-lez-Lille");
    expect(placeLabels([{...candidate, span: 60}], 11, 400, 100)[0].text).toBe("St-André");
    // A name with no short form is kept.
    expect(placeLabels([{...candidate, nom: "Pérenchies", span: 20}], 11, 400, 100)[0].text).toBe("Pérenchies");
  });
});
