// Proportional symbols for counts (« pas de stocks en aplat »): a circle per commune whose area is
// proportional to its value, the same scale for the map and its size legend. Pure: used by the
// map and its tests alike.
import * as d3 from "npm:d3";

/** The largest circle's radius for a map of this size: big enough to read, small enough to overlap little. */
export function maxRadius(width: number, height: number): number {
  return Math.max(12, Math.min(48, Math.min(width, height) * 0.09));
}

/** Radius of a value: area ∝ value (a square-root scale from 0, so that 0 is no circle). */
export function radiusScale(values: number[], largest: number): (value: number) => number {
  const max = d3.max(values.filter((v) => Number.isFinite(v) && v > 0)) ?? 0;
  if (max <= 0) return () => 0;
  const scale = d3.scaleSqrt().domain([0, max]).range([0, largest]);
  return (value) => (value > 0 ? scale(value) : 0);
}

/**
 * Two or three round reference values for the size legend, largest first, none above the largest
 * value: 108 → 100, 50, 10; 38 604 → 20 000, 10 000, 2 000 (each circle at least `minRadius`).
 */
export function legendValues(max: number, radius: (value: number) => number, minRadius = 3): number[] {
  if (!(max > 0)) return [];
  const power = 10 ** Math.floor(Math.log10(max));
  const top = [5, 2, 1].map((m) => m * power).find((v) => v <= max) ?? power;
  // A half that is not whole (2,5 of 5) reads worse than a fifth; counts get whole references.
  const second = top >= 1 && !Number.isInteger(top / 2) ? top / 5 : top / 2;
  return [...new Set([top, second, top / 10])].filter(
    (v) => radius(v) >= minRadius && (top < 1 || Number.isInteger(v))
  );
}
