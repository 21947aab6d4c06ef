// A figure's small chart on a commune sheet: the commune's rate per 1 000 inhabitants (or, for a
// figure that is itself a rate, that rate in %) beside the ten communes' rate, two bars drawn by
// Plot, legible on screen and at 8 pt on the printed sheet.
import * as Plot from "npm:@observablehq/plot";
import {formatPercent, formatRate} from "../../lib/format.js";
import {accessiblePlot} from "../charts/accessible-plot.js";

export function rateChart({
  nom,
  rate,
  territoryRate,
  width,
  percent = false
}: {
  nom: string;
  rate: number;
  territoryRate: number;
  width: number;
  /** The figure is a rate in % (not a count per 1 000 inhabitants). */
  percent?: boolean;
}): Element {
  const format = percent ? (v: number) => formatPercent(v) : formatRate;
  const data = [
    {label: nom, value: rate, territory: false},
    {label: "Dix communes", value: territoryRate, territory: true}
  ];
  const chart = Plot.plot({
    width,
    height: 64,
    marginTop: 4,
    marginBottom: 4,
    // Room for « Dix communes » and the commune's name (8 px a character of 12 px type: DejaVu runs wide).
    marginLeft: Math.min(Math.max(nom.length, 12) * 8 + 12, width * 0.5),
    marginRight: 40,
    style: {fontSize: "12px", fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"},
    x: {domain: [0, Math.max(rate, territoryRate) * 1.05 || 1], axis: null},
    y: {domain: data.map((d) => d.label), label: null, tickSize: 0},
    marks: [
      Plot.barX(data, {x: "value", y: "label", fill: (d) => (d.territory ? "#8a949e" : "#1f63b4")}),
      Plot.text(data, {x: "value", y: "label", text: (d) => format(d.value), textAnchor: "start", dx: 3}),
      Plot.ruleX([0])
    ]
  });
  const figure = accessiblePlot(
    chart as Element,
    `${percent ? "En %" : "Pour 1\u202f000 habitants"} : ${nom} ${format(rate)}, dix communes ${format(territoryRate)}`
  );
  figure.classList.add("rate-chart");
  return figure;
}
