// @vitest-environment jsdom
// The map as it leaves the site: every label halo becomes a stroked copy drawn under the text
// (clients that ignore `paint-order` paint a stroke over the letters), the text itself carries no
// stroke, baselines are offsets, and links are absolute. Checked on labels made here and on the map.
import {describe, expect, it} from "vitest";
import {portableSvg} from "../../../../src/components/export/compose.js";
import {PORTABLE_FONT_STACK} from "../../../../src/components/ui/font.js";
import {choropleth} from "../../../../src/components/map/choropleth.js";
import {loadTerritory} from "../../../../src/lib/build/datasets.js";

function map(): SVGSVGElement {
  const territory = loadTerritory();
  const figure = choropleth({
    territory,
    width: 700,
    values: territory.communes.features.map((f, i) => ({
      code: f.properties.code,
      nom: f.properties.nom,
      value: i * 10
    })),
    linkTo: (code) => `/communes/${code}`
  });
  return figure.querySelector("svg")!.cloneNode(true) as SVGSVGElement;
}

/** Labels haloed the way a browser draws them (and the map did): one text, stroke painted first. */
function haloedLabels(names: string[]): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg") as SVGSVGElement;
  const group = document.createElementNS(ns, "g");
  group.setAttribute("stroke", "#ffffff"); // a stroke inherited from above must not reach the letters
  svg.append(group);
  for (const name of names) {
    const text = document.createElementNS(ns, "text");
    Object.entries({
      fill: "#1d2733",
      stroke: "#ffffff",
      "stroke-width": 3,
      "stroke-opacity": 0.7,
      "paint-order": "stroke",
      "dominant-baseline": "middle"
    }).forEach(([k, v]) => text.setAttribute(k, String(v)));
    text.textContent = name;
    group.append(text);
  }
  return svg;
}

describe("portable SVG", () => {
  it("draws each haloed label twice: the halo underneath, the letters on top without stroke", () => {
    const names = ["Lambersart", "Marcq-en-Barœul", "Saint-André-lez-Lille"];
    const svg = haloedLabels(names);
    portableSvg(svg, "https://observatoire.example/carte");
    expect(svg.outerHTML).not.toContain("paint-order");
    for (const name of names) {
      const copies = [...svg.querySelectorAll("text")].filter((t) => t.textContent === name);
      expect(copies).toHaveLength(2);
      const [halo, letters] = copies;
      expect(halo.nextElementSibling).toBe(letters);
      expect(halo.getAttribute("aria-hidden")).toBe("true");
      expect([halo.getAttribute("fill"), halo.getAttribute("stroke"), halo.getAttribute("stroke-width")]).toEqual([
        "#ffffff",
        "#ffffff",
        "3"
      ]);
      expect([letters.getAttribute("fill"), letters.getAttribute("stroke")]).toEqual(["#1d2733", "none"]);
      expect(letters.hasAttribute("dominant-baseline")).toBe(false);
      expect(letters.getAttribute("dy")).toBe("0.35em");
    }
  });

  it("leaves no label of the real map with a stroke over its letters", () => {
    const svg = map();
    portableSvg(svg, "https://observatoire.example/carte");
    expect(svg.outerHTML).not.toContain("paint-order");
    const stroked = [...svg.querySelectorAll("text")].filter((t) => (t.getAttribute("stroke") ?? "none") !== "none");
    for (const text of stroked) expect(text.getAttribute("aria-hidden")).toBe("true");
  });

  it("makes links absolute and fonts safe, and keeps no CSS", () => {
    const svg = map();
    expect(svg.querySelector("[href^='/communes/']")).not.toBeNull();
    svg.setAttribute("font-family", "system-ui");
    portableSvg(svg, "https://observatoire.example/carte");
    const links = [...svg.querySelectorAll("[href]")].map((a) => a.getAttribute("href")!);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/^https:\/\/observatoire\.example\/communes\/\d{5}$/);
    expect(svg.getAttribute("font-family")).toBe(PORTABLE_FONT_STACK);
    expect(svg.querySelectorAll("style, [class], [style]")).toHaveLength(0);
  });
});
