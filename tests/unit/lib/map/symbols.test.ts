// Proportional circles: area ∝ value, and a size legend of round values at the same scale.
import {describe, expect, it} from "vitest";
import {legendValues, maxRadius, radiusScale} from "../../../../src/lib/map/symbols.js";
import {placeLabels} from "../../../../src/lib/map/label-placement.js";

describe("radiusScale", () => {
  it("makes areas proportional to values, the largest at the given radius, none for 0", () => {
    const values = [108, 54, 27, 1, 0];
    const radius = radiusScale(values, 40);
    expect(radius(108)).toBeCloseTo(40, 6);
    for (const v of [54, 27, 1]) expect((radius(v) / radius(108)) ** 2).toBeCloseTo(v / 108, 9);
    expect(radius(0)).toBe(0);
  });

  it("draws nothing when no value is positive", () => {
    expect(radiusScale([0, 0], 40)(0)).toBe(0);
  });

  it("keeps the largest circle readable on a phone and moderate on a wide screen", () => {
    expect(maxRadius(358, 300)).toBeGreaterThanOrEqual(12);
    expect(maxRadius(1200, 600)).toBeLessThanOrEqual(48);
  });
});

describe("legendValues", () => {
  it("picks two or three round values, none above the largest", () => {
    const at = (max: number) => legendValues(max, radiusScale([max], 40));
    expect(at(108)).toEqual([100, 50, 10]);
    expect(at(38604)).toEqual([20000, 10000, 2000]);
    // Half of 5 is not whole: a fifth instead; a tenth of 5 is not a count.
    expect(at(7)).toEqual([5, 1]);
    for (const max of [3, 12, 999, 61_000]) {
      const values = at(max);
      expect(values.length).toBeGreaterThanOrEqual(2);
      expect(Math.max(...values)).toBeLessThanOrEqual(max);
    }
  });

  it("leaves out references too small to see", () => {
    const radius = radiusScale([38604], 20);
    expect(legendValues(38604, radius, 8).every((v) => radius(v) >= 8)).toBe(true);
    expect(legendValues(0, radius)).toEqual([]);
  });
});

describe("placeLabels with leader lines", () => {
  const crowded = [
    {code: "a", nom: "Marcq-en-Barœul", x: 100, y: 50, priority: 3},
    {code: "b", nom: "Marquette-lez-Lille", x: 110, y: 52, priority: 2},
    {code: "c", nom: "Lompret", x: 300, y: 50, priority: 1}
  ];

  it("places every name, the crowded one beside its commune with a line to it", () => {
    const placed = placeLabels(crowded, 12, 400, 100, {leaders: true});
    expect(placed.map((p) => p.code).sort()).toEqual(["a", "b", "c"]);
    const moved = placed.find((p) => p.code === "b")!;
    expect(moved.text).toBe("Marquette");
    expect(moved.leader).toMatchObject({x1: 110, y1: 52});
    expect(Math.hypot(moved.x - 110, moved.y - 52)).toBeGreaterThan(12);
    expect(placed.find((p) => p.code === "a")!.leader).toBeUndefined();
  });

  it("never overlaps two names nor leaves the map", () => {
    const placed = placeLabels(crowded, 12, 400, 100, {leaders: true});
    const boxes = placed.map((p) => {
      const w = p.text.length * 12 * 0.56;
      return {x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y - 12 * 0.7, y1: p.y + 12 * 0.5};
    });
    for (const [i, a] of boxes.entries()) {
      expect(a.x0).toBeGreaterThanOrEqual(0);
      expect(a.x1).toBeLessThanOrEqual(400);
      for (const b of boxes.slice(i + 1)) {
        expect(a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).toBe(false);
      }
    }
  });
});
