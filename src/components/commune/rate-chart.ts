// A figure's small chart on a commune sheet: the commune's rate per 1 000 inhabitants beside the
// ten communes' rate, two bars drawn by Plot, legible on screen and at 8 pt on the printed sheet.
import * as Plot from "npm:@observablehq/plot";
import {formatRate} from "../../lib/format.js";
import {accessiblePlot} from "../charts/accessible-plot.js";

export function rateChart({
  nom,
  rate,
  territoryRate,
  width
}: {
  nom: string;
  rate: number;
  territoryRate: number;
  width: number;
}): Element {
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
      Plot.text(data, {x: "value", y: "label", text: (d) => formatRate(d.value), textAnchor: "start", dx: 3}),
      Plot.ruleX([0])
    ]
  });
  const figure = accessiblePlot(
    chart as Element,
    `Pour 1\u202f000 habitants : ${nom} ${formatRate(rate)}, dix communes ${formatRate(territoryRate)}`
  );
  figure.classList.add("rate-chart");
  return figure;
}
