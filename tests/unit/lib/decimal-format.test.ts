import {describe, expect, it} from "vitest";
import {formatDecimal} from "../../../src/lib/decimal-format.js";

// The reference is the browser's own formatter: formatDecimal must write exactly what
// Intl.NumberFormat("fr-FR") writes (Node and Chromium share V8 and ICU).
const formats = new Map<string, Intl.NumberFormat>();
const intl = (value: number, min: number, max: number) => {
  const key = `${min}-${max}`;
  if (!formats.has(key))
    formats.set(key, new Intl.NumberFormat("fr-FR", {minimumFractionDigits: min, maximumFractionDigits: max}));
  return formats.get(key)!.format(value);
};

/** A reproducible stream of numbers (mulberry32), so that a failure names a value that stays. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRACTIONS = [
  [0, 0],
  [0, 1],
  [1, 1],
  [0, 2],
  [2, 2],
  [1, 3]
] as const;

describe("formatDecimal", () => {
  it("writes the report's figures as French text", () => {
    expect(formatDecimal(37829, 0, 1)).toBe("37\u202f829");
    expect(formatDecimal(12.45, 0, 1)).toBe("12,5");
    expect(formatDecimal(120566.5, 2, 2)).toBe("120\u202f566,50");
    expect(formatDecimal(-0.04, 0, 1)).toBe("-0");
    expect(formatDecimal(999.96, 0, 1)).toBe("1\u202f000");
  });

  it("rounds the number as written, half away from zero, as Intl does", () => {
    for (const value of [1.005, 0.15, 0.25, 2.5, -2.5, 0.045, 1.45, 8.345, 0.0005, 99.995, 1e-7, 1.5e-7])
      for (const [min, max] of FRACTIONS)
        expect(formatDecimal(value, min, max), `${value} ${min}-${max}`).toBe(intl(value, min, max));
  });

  it("matches Intl on edge values", () => {
    for (const value of [0, -0, 1, -1, 9.5, 999.5, 1000, 1e15, 123456789.987, 1e21, 1.23e25, NaN, Infinity, -Infinity])
      for (const [min, max] of FRACTIONS)
        expect(formatDecimal(value, min, max), `${value} ${min}-${max}`).toBe(intl(value, min, max));
  });

  it("matches Intl on 20 000 random values of every magnitude", () => {
    const next = random(18);
    const mismatches: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const magnitude = Math.floor(next() * 16) - 6;
      let value = (next() - 0.3) * 10 ** magnitude;
      // One value in four sits exactly on a half at some decimal: the rounding's hard case.
      if (i % 4 === 0) value = (Math.round(value * 1000) + 0.5) / 1000;
      const [min, max] = FRACTIONS[i % FRACTIONS.length];
      const got = formatDecimal(value, min, max);
      const want = intl(value, min, max);
      if (got !== want) mismatches.push(`${value} ${min}-${max}: ${got} ≠ ${want}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
