// @vitest-environment jsdom
// Counts as circles, rates as colours; the commune picked out on the map.
import {describe, expect, it} from "vitest";
import {choropleth} from "../../../../src/components/map/choropleth.js";
import {mapRows, territory} from "./fixtures.js";

const rows = mapRows(2022);

describe("choropleth", () => {
  it("draws a count as circles, area ∝ value, the largest first, on pale communes, with a size legend", () => {
    const map = choropleth({territory, width: 800, values: rows, symbols: true, legendTitle: "Participants"});
    const circles = [...map.querySelectorAll<SVGCircleElement>(".symbols circle")];
    const drawn = rows.filter((r) => (r.value ?? 0) > 0);
    expect(circles).toHaveLength(drawn.length);
    const values = circles.map((c) => Number(c.dataset.value));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const [a, b] = [circles[0], circles[circles.length - 1]];
    const area = (c: SVGCircleElement) => Number(c.getAttribute("r")) ** 2;
    expect(area(a) / area(b)).toBeCloseTo(Number(a.dataset.value) / Number(b.dataset.value), 6);
    expect(new Set([...map.querySelectorAll(".commune path")].map((p) => p.getAttribute("fill"))).size).toBe(1);
    expect(map.querySelectorAll(".size-legend circle").length).toBeGreaterThanOrEqual(2);
    expect(map.querySelector(".legend")?.textContent).toMatch(/Surface proportionnelle au nombre/);
  });

  it("switches to colours in place for a rate, and back", () => {
    const map = choropleth({territory, width: 800, values: rows, symbols: true});
    map.update(rows, {symbols: false});
    expect(map.querySelectorAll(".symbols circle")).toHaveLength(0);
    expect(new Set([...map.querySelectorAll(".commune path")].map((p) => p.getAttribute("fill"))).size).toBeGreaterThan(
      2
    );
    map.update(rows, {symbols: true});
    expect(map.querySelectorAll(".symbols circle").length).toBeGreaterThan(0);
  });

  it("picks out the selected commune: outline, name and aria-current", () => {
    const code = territory.communes.features[4].properties.code;
    const map = choropleth({territory, width: 360, values: rows, symbols: true, selected: code});
    expect(map.querySelector(".selected-outline")?.getAttribute("data-code")).toBe(code);
    expect(map.querySelector(`.labels text[data-code="${code}"]`)?.getAttribute("font-weight")).toBe("800");
    expect(map.querySelector(`.commune[data-code="${code}"]`)?.getAttribute("aria-current")).toBe("true");
    map.update(rows, {selected: null});
    expect(map.querySelector(".selected-outline")).toBeNull();
  });
});
