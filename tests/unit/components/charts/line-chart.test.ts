// @vitest-environment jsdom
// The time-series chart: a dot per year labelled in French, derived points hollow and said so, the
// segments reaching them dashed, one image for screen readers.
import {describe, expect, it} from "vitest";
import {lineChart, pointText} from "../../../../src/components/charts/line-chart.js";
import {formatValue} from "../../../../src/lib/units.js";

const count = (value: number) => formatValue(value, "entretiens");
const nn = (s: string | null | undefined) => (s ?? "").replace(/\u202f/g, " ");

describe("lineChart", () => {
  const points = [
    {series: "t", year: 2021, value: 13541.03, derived: true},
    {series: "t", year: 2022, value: 15843},
    {series: "t", year: 2023, value: 17000}
  ];
  const chart = lineChart(points, {width: 600, format: count, ariaLabel: "Entretiens par année"}) as SVGSVGElement;

  it("is one named image", () => {
    expect(chart.getAttribute("role")).toBe("img");
    expect(chart.getAttribute("aria-label")).toBe("Entretiens par année");
    // Its marks have no names of their own (the table beside it says each value).
    expect(chart.querySelectorAll("[aria-label]")).toHaveLength(0);
  });

  it("labels each year's dot, a derived one rounded, marked and hollow", () => {
    const dots = [...chart.querySelectorAll('g[data-mark="dot"] circle')];
    expect(dots.map((d) => d.getAttribute("fill"))).toEqual(["white", "#1f5fa8", "#1f5fa8"]);
    expect(dots.map((d) => nn(d.querySelector("title")?.textContent))).toEqual([
      "2021 : ≈ 13 541 (calculé)",
      "2022 : 15 843",
      "2023 : 17 000"
    ]);
    const labels = [...chart.querySelectorAll('g[data-mark="text"] text')].map((t) => nn(t.textContent));
    expect(labels).toEqual(["≈ 13 541(calculé)", "15 843", "17 000"]);
  });

  it("dashes the segment that reaches a derived point, not the others", () => {
    const [solid, dashed] = [...chart.querySelectorAll('g[data-mark="line"]')];
    expect(solid.querySelectorAll("path")).toHaveLength(1);
    expect(dashed.querySelectorAll("path")).toHaveLength(1);
    expect(dashed.getAttribute("stroke-dasharray")).toBe("5,4");
    expect(solid.getAttribute("stroke-dasharray")).toBeNull();
  });

  it("writes the years as years (no thousands separator)", () => {
    const ticks = [...chart.querySelectorAll('g[data-mark="x-axis tick label"] text')];
    expect(ticks.map((t) => t.textContent)).toEqual(["2021", "2022", "2023"]);
  });

  it("names each line at its end when there are several", () => {
    const shares = lineChart(
      [
        {series: "femmes", year: 2021, value: 50},
        {series: "femmes", year: 2022, value: 48},
        {series: "hommes", year: 2021, value: 50},
        {series: "hommes", year: 2022, value: 52}
      ],
      {width: 400, format: (v) => formatValue(v, "pourcent"), ariaLabel: "Parts", max: 100}
    );
    const texts = [...shares.querySelectorAll("text")].map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(["femmes", "hommes"]));
    expect(pointText({series: "x", year: 2021, value: 12.34, derived: true}, (v) => String(v))).toBe(
      "≈\u202f12.34\n(calculé)"
    );
  });
});
