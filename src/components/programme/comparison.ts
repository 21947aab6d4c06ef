// A figure's comparison with the year before, in one line: « +7 points par rapport à 2022 (45 %) »,
// « +17 % par rapport à 2021 (≈ 13 541 entretiens) ». The cards and the drill-down say it alike.
import type {YearComparison} from "../../lib/programme/headline.js";
import {el} from "../ui/dom.js";
import {amountValue} from "../ui/figure-value.js";

export function comparisonLine(
  comparison: YearComparison | null,
  unit: string,
  units: Record<string, string>
): HTMLElement | null {
  if (!comparison) return null;
  const {previous} = comparison;
  const trend = comparison.direction === "hausse" ? "up" : comparison.direction === "baisse" ? "down" : "stable";
  return el(
    "p",
    {class: "comparison", "data-change": comparison.printed ? "publiee" : "calculee"},
    el("span", {class: trend}, comparison.label),
    ` par rapport à ${comparison.since}`,
    previous
      ? el("span", {class: "nowrap"}, " (", amountValue(previous.value, unit, previous.status, units), ")")
      : null
  );
}
