// A result beside its objective as a bullet chart (« 48 % pour un objectif de 50 % »): the result
// as a bar, the objective as a tick across it, on the unit's scale (0–100 for a percentage), with
// the figures in words under it (« 48 % pour un objectif de 50 % · 2 points sous l’objectif »: the
// chart's words are HTML, legible in print, and its accessible name). Drawn with d3's scale.
import * as d3 from "npm:d3";
import {objectiveWords} from "../../lib/objective.js";
import {unitCeiling} from "../../lib/units.js";
import {el} from "../ui/dom.js";
import {FONT_STACK} from "../ui/font.js";

export interface ObjectiveBulletOptions {
  result: number;
  objective: number;
  unit: string;
  units: Record<string, string>;
  width: number;
  /** What is measured, for the accessible name (« Taux de sorties positives »). */
  label: string;
}

const HEIGHT = 22;
const BAR = 12;

export function objectiveBullet({result, objective, unit, units, width, label}: ObjectiveBulletOptions): HTMLElement {
  const words = objectiveWords(result, objective, unit, units);
  const top = unitCeiling(unit) ?? Math.max(result, objective) * 1.15;
  const x = d3
    .scaleLinear()
    .domain([0, top])
    .range([0, Math.max(60, width - 2)])
    .clamp(true);
  const svg = d3
    .create("svg")
    .attr("class", "objective-bullet-chart")
    .attr("width", width)
    .attr("height", HEIGHT)
    .attr("viewBox", `0 0 ${width} ${HEIGHT}`)
    // The drawing is the image (its marks are presentational); the caption stays text to read.
    .attr("role", "img")
    .attr("aria-label", `${label} : ${words.summary} (${words.gap})`)
    .style("font-family", FONT_STACK);
  const middle = HEIGHT / 2;
  // The whole range, then the result, then the objective's tick over both.
  svg
    .append("rect")
    .attr("x", x(0))
    .attr("y", middle - BAR / 2)
    .attr("width", x(top) - x(0))
    .attr("height", BAR)
    .attr("fill", "#e3e8ee");
  svg
    .append("rect")
    .attr("class", "objective-result")
    .attr("x", x(0))
    .attr("y", middle - BAR / 2)
    .attr("width", x(result) - x(0))
    .attr("height", BAR)
    .attr("fill", words.reached ? "#1f7a4d" : "#1f63b4");
  svg
    .append("line")
    .attr("class", "objective-tick")
    .attr("x1", x(objective))
    .attr("x2", x(objective))
    .attr("y1", middle - BAR / 2 - 4)
    .attr("y2", middle + BAR / 2 + 4)
    .attr("stroke", "#111111")
    .attr("stroke-width", 3);
  return el(
    "figure",
    {
      class: "objective-bullet",
      "data-result": result,
      "data-objective": objective
    },
    svg.node()!,
    el(
      "figcaption",
      {},
      el("span", {class: "objective-summary"}, words.summary),
      " · ",
      el("span", {class: `objective-gap ${words.reached ? "reached" : "short"}`}, words.gap)
    )
  );
}
