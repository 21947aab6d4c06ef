// @vitest-environment jsdom
// The bullet chart beside an objective: the drawing is the named image (role="img" belongs on an
// element whose children are presentational, the <svg>, not on the <figure> whose caption is text).
import {describe, expect, it} from "vitest";
import {objectiveBullet} from "../../../../src/components/charts/objective-bullet.js";

const nn = (s: string | null | undefined) => (s ?? "").replace(/[\u202f\u00a0]/g, " ");

describe("objectiveBullet", () => {
  const figure = objectiveBullet({
    result: 48,
    objective: 50,
    unit: "pourcent",
    units: {pourcent: "%"},
    width: 220,
    label: "Taux de sorties positives"
  });

  it("names the svg as the image, not the figure", () => {
    expect(figure.tagName).toBe("FIGURE");
    expect(figure.hasAttribute("role")).toBe(false);
    expect(figure.hasAttribute("aria-label")).toBe(false);
    const svg = figure.querySelector("svg")!;
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.hasAttribute("aria-hidden")).toBe(false);
    expect(nn(svg.getAttribute("aria-label"))).toBe(
      "Taux de sorties positives : 48 % pour un objectif de 50 % (2 points sous l’objectif)"
    );
  });

  it("keeps the figures in words in its caption", () => {
    expect(nn(figure.querySelector("figcaption")?.textContent)).toBe(
      "48 % pour un objectif de 50 % · 2 points sous l’objectif"
    );
  });
});
