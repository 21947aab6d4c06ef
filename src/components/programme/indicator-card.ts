// An indicator as a card on its programme's page: its headline value (or its breakdown in brief),
// the comparison with the previous year, what else it holds, and the way to its detail.
import {formatEvolution, formatNumber} from "../../lib/format.js";
import {el} from "../ui/dom.js";
import {sourceDetails} from "../ui/figure-card.js";
import {amountValue as amount} from "../ui/figure-value.js";
import type {IndicatorRowDetail, IndicatorSummaryRow} from "../../lib/queries/index.js";
import {programmeHref} from "../../lib/routes.js";

function brief(rows: IndicatorRowDetail[], units: Record<string, string>): HTMLElement | null {
  const parts = rows.filter((r) => r.dimension !== null && r.commune_code === null);
  if (!parts.length) return null;
  return el(
    "ul",
    {class: "brief"},
    parts
      .slice(0, 6)
      .map((r) =>
        el("li", {}, el("span", {class: "muted"}, `${r.category} : `), amount(r.value, r.unit, r.status, units))
      ),
    parts.length > 6 ? el("li", {class: "muted"}, `… et ${parts.length - 6} autres`) : null
  );
}

export function indicatorCard(
  summary: IndicatorSummaryRow,
  rows: IndicatorRowDetail[],
  units: Record<string, string>,
  programmeSlug: string
): HTMLElement {
  const latest = rows.filter((r) => r.year === summary.latest_year && r.indicator === summary.indicator);
  const comparison =
    summary.evolution !== null
      ? el(
          "p",
          {class: "comparison", "data-indicator": summary.evolution_indicator},
          el("span", {class: summary.evolution >= 0 ? "up" : "down"}, formatEvolution(summary.evolution)),
          ` par rapport à ${summary.latest_year - 1}`,
          summary.previous !== null
            ? el("span", {}, " (", amount(summary.previous, summary.unit, summary.previous_status, units), ")")
            : null
        )
      : summary.previous !== null
        ? el(
            "p",
            {class: "comparison"},
            `${summary.latest_year - 1} : `,
            amount(summary.previous, summary.unit, summary.previous_status, units)
          )
        : null;
  const meta = [
    summary.years.length > 1 ? `${summary.years.join(", ")}` : `${summary.latest_year}`,
    summary.communes ? `${formatNumber(summary.communes)} communes` : null,
    summary.dimensions.length ? `selon ${summary.dimensions.join(", ")}` : null
  ].filter(Boolean);
  const href = programmeHref(programmeSlug, {section: summary.section, indicator: summary.indicator});
  return el(
    "article",
    {class: "indicator-card", "data-indicator": summary.indicator},
    el("h3", {}, el("a", {href, "data-drill": ""}, summary.label)),
    summary.value !== null
      ? el("p", {class: "figure-value"}, amount(summary.value, summary.unit, summary.status, units))
      : brief(latest, units),
    comparison,
    el("p", {class: "muted meta"}, meta.join(" · ")),
    sourceDetails(summary.quote)
  );
}
