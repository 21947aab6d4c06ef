// @vitest-environment jsdom
// Counts as circles, rates as colours, changes on a diverging scale; the commune picked out on the map.
import * as d3 from "d3";
import {describe, expect, it} from "vitest";
import {choropleth, divergingScale} from "../../../../src/components/map/choropleth.js";
import {formatSigned} from "../../../../src/lib/map/value-words.js";
import type {MapValueRow} from "../../../../src/lib/queries/index.js";
import {changeRows, mapRows, territory} from "./fixtures.js";

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

describe("choropleth of a change", () => {
  const changes = changeRows(2021, 2022, [territory.communes.features[9].properties.code]);
  const fill = (map: HTMLElement, code: string) =>
    map.querySelector(`.commune[data-code="${code}"] path`)?.getAttribute("fill");

  it("colours falls and rises on a scale centred on 0, never as circles, with a signed legend", () => {
    const map = choropleth({territory, width: 800, values: rows, symbols: true});
    map.update(changes, {symbols: true, diverging: true, legendTitle: "Évolution", format: (v) => formatSigned(v, 0)});
    expect(map.querySelectorAll(".symbols circle")).toHaveLength(0);
    const scale = divergingScale(changes.map((c) => c.value).filter((v): v is number => v !== null));
    // Symmetric: the largest change, here a fall of 4, sets both ends; 0 is the ramp's pale middle.
    expect(scale.extent).toBe(4);
    expect(scale.ticks).toEqual([-4, -2, 0, 2, 4]);
    const stable = changes.find((c) => c.value === 0)!;
    expect(d3.hsl(fill(map, stable.code)!).l).toBeGreaterThan(0.9);
    const fall = changes.find((c) => c.value === -4)!;
    const rise = changes.find((c) => c.value === 4)!;
    // Falls and rises in two hues, equally far from the middle.
    expect(d3.hsl(fill(map, fall.code)!).h).not.toBeCloseTo(d3.hsl(fill(map, rise.code)!).h, 0);
    expect(d3.hsl(fill(map, fall.code)!).l).toBeCloseTo(d3.hsl(fill(map, rise.code)!).l, 0);
    const ticks = [...map.querySelectorAll(".diverging-legend text.tick")].map((t) => t.textContent);
    expect(ticks).toEqual(["−4", "−2", "0", "+2", "+4"]);
    expect(map.querySelector(".legend")?.textContent).toMatch(/baisse.*hausse.*non comparable/);
    // A commune without a change is hatched, not a colour of the ramp.
    expect(fill(map, territory.communes.features[9].properties.code)).toMatch(/^url\(#.+-hatch\)$/);
  });

  it("goes back to a single year's colours in place", () => {
    const map = choropleth<MapValueRow>({territory, width: 800, values: changes, diverging: true});
    map.update(rows, {diverging: false, symbols: false});
    expect(map.querySelector(".diverging-legend")).toBeNull();
    expect([...map.querySelectorAll(".commune path")].every((p) => !p.getAttribute("fill")!.startsWith("url"))).toBe(
      true
    );
  });

  it("ends a colour legend at the largest value, so the last class has an upper bound", () => {
    const map = choropleth<MapValueRow>({territory, width: 800, values: rows, format: (v) => String(v)});
    const largest = Math.max(...rows.map((r) => r.value ?? 0));
    expect(map.querySelector(".legend .legend-max")?.textContent).toBe(String(largest));
  });
});

describe("the colour legend's labels", () => {
  /** A label's extent at 11 px in DejaVu Sans, the widest of the fonts a reader may have (digits 0.636 em). */
  const extent = (t: Element) => {
    const width = [...t.textContent!].reduce((w, c) => w + (/\d/.test(c) ? 7 : c === "," ? 3.5 : 7.7), 0);
    const x = Number(t.getAttribute("x"));
    const anchor = t.getAttribute("text-anchor");
    const left = anchor === "end" ? x - width : anchor === "middle" ? x - width / 2 : x;
    return [left, left + width] as const;
  };

  it.each([250, 300, 360, 800])("never touch one another, the largest value kept (%i px)", (width) => {
    // Rates up to 40,7 % and one commune without a figure: the key « non publié » narrows the boxes.
    const values = rows.map((r, i) => ({...r, value: i === 0 ? null : i === 1 ? 40.7 : (i * 37) % 41}));
    const map = choropleth<MapValueRow>({territory, width, values, format: (v) => String(v).replace(".", ",")});
    const labels = [...map.querySelectorAll(".legend > text:not(.legend-title)")].filter((t) =>
      /^[\d,]+$/.test(t.textContent!)
    );
    expect(labels.map((t) => t.textContent)).toContain("40,7");
    const spans = labels.map(extent).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0] - spans[i - 1][1]).toBeGreaterThanOrEqual(3);
  });
});

describe("the legend's title", () => {
  it("wraps on a phone's narrow map, and still reads whole", () => {
    const title = "Participants en parcours : évolution 2022 → 2023 (en points de part du territoire)";
    const narrow = choropleth({
      territory,
      width: 360,
      values: changeRows(2022, 2023),
      diverging: true,
      legendTitle: title
    });
    const lines = narrow.querySelectorAll(".legend-title tspan");
    expect(lines.length).toBeGreaterThan(1);
    expect(narrow.querySelector(".legend-title")?.textContent).toBe(title);
    // The ramp goes below the title's last line.
    const ramp = narrow.querySelector<SVGRectElement>(".diverging-legend rect")!;
    expect(Number(ramp.getAttribute("y"))).toBeGreaterThan(Number(lines[lines.length - 1].getAttribute("y")));
    const wide = choropleth({territory, width: 1000, values: rows, legendTitle: title});
    expect(wide.querySelectorAll(".legend-title tspan")).toHaveLength(1);
  });
});
