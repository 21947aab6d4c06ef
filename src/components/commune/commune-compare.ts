// /communes/comparer?communes=59636,59378: two to four communes side by side. Each figure is a card
// with a small bar chart (rate per 1 000 inhabitants of each commune, and the territory's rate as a
// grey bar and a dashed line), then each commune's count, rate, rank and gap in words with their
// units. Mobile first: one card per figure, full width on a phone, a grid on a wide screen. The
// figures come from the build-time snapshot (the commune pages' own profile query): each figure's
// latest year, which the page says (the years before are on each commune's sheet).
import * as Plot from "npm:@observablehq/plot";
import {
  compareHref,
  type ComparedFigure,
  comparedFigures,
  MAX_COMPARED,
  parseCompared,
  pointGapWords,
  rateGapWords
} from "../../lib/commune/compare.js";
import {formatPercent, formatRank, formatRate} from "../../lib/format.js";
import {isRatio} from "../../lib/map/view-state.js";
import {PROGRAMME_LABELS} from "../../lib/programmes.js";
import {type CommuneRowInfo, communeList, communeProfile} from "../../lib/queries/index.js";
import {fromSnapshot, type Snapshot} from "../../lib/queries/snapshot.js";
import {communeHref, mapHref} from "../../lib/routes.js";
import type {Programme} from "../../lib/schema.js";
import {formatAmount} from "../../lib/units.js";
import {accessiblePlot} from "../charts/accessible-plot.js";
import {editionInfo} from "../ui/edition.js";
import {el} from "../ui/dom.js";
import {amountValue} from "../ui/figure-value.js";
import {communePicker} from "./commune-picker.js";

export interface CommuneCompareOptions {
  snapshot: Snapshot;
  width: number;
  /** The URL's `communes` parameter (« 59636,59378 »). */
  param: string | null;
}

const COMMUNE_FILL = "#1f63b4";
const TERRITORY_FILL = "#8a949e";
const TERRITORY = "Dix communes";

/** The small chart of one figure: each commune's rate, the territory's rate beside them. */
function figureChart(figure: ComparedFigure, width: number): Element {
  const percent = isRatio(figure);
  const format = percent ? (v: number) => formatPercent(v) : formatRate;
  const data = [
    ...figure.rows.map(({nom, row}) => ({label: nom, value: row.rate, territory: false})),
    {label: TERRITORY, value: figure.territoryRate, territory: true}
  ];
  const longest = Math.max(...data.map((d) => d.label.length));
  const marginLeft = Math.min(longest * 7.5 + 12, width * 0.42);
  const chart = Plot.plot({
    width,
    height: data.length * 26 + 30,
    marginLeft,
    marginRight: 48,
    style: {fontSize: "12px", fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"},
    x: {domain: [0, Math.max(...data.map((d) => d.value)) * 1.05 || 1], label: null, ticks: 3, tickFormat: format},
    y: {domain: data.map((d) => d.label), label: null, tickSize: 0},
    marks: [
      Plot.barX(data, {x: "value", y: "label", fill: (d) => (d.territory ? TERRITORY_FILL : COMMUNE_FILL)}),
      Plot.ruleX([figure.territoryRate], {stroke: "#3b4754", strokeDasharray: "4,3"}),
      Plot.text(data, {x: "value", y: "label", text: (d) => format(d.value), textAnchor: "start", dx: 4}),
      Plot.ruleX([0])
    ]
  });
  const names = figure.rows.map(({nom, row}) => `${nom} ${format(row.rate)}`).join(", ");
  return accessiblePlot(
    chart as Element,
    `${figure.label}${percent ? " (%)" : " pour 1\u202f000 habitants"} : ${names} ; ` +
      `dix communes ${format(figure.territoryRate)}`
  );
}

function figureCard(figure: ComparedFigure, width: number, units: Record<string, string>): HTMLElement {
  const percent = isRatio(figure);
  const programme = PROGRAMME_LABELS[figure.programme as Programme] ?? figure.programme;
  return el(
    "article",
    {class: "compare-figure", "data-indicator": figure.indicator},
    el("p", {class: "figure-context muted"}, programme),
    el("h3", {}, figure.label, el("span", {class: "muted"}, ` (${figure.year})`)),
    el(
      "p",
      {class: "compare-chart-title muted"},
      `${percent ? "Taux (%)" : "Pour 1\u202f000 habitants"} ; en gris, les dix communes ensemble`
    ),
    figureChart(figure, width),
    el(
      "ul",
      {class: "compare-lines"},
      figure.rows.map(({code, nom, row}) =>
        el(
          "li",
          {"data-code": code},
          el("strong", {}, nom),
          " : ",
          amountValue(row.value, row.unit, row.status, units),
          percent
            ? ` (écart au territoire : ${pointGapWords(row.rate - row.territory_rate)}) ; ` +
                `${formatRank(row.rate_rank)} sur ${row.communes}.`
            : `, soit ${formatRate(row.rate)} pour 1\u202f000 habitants ` +
                `(écart au territoire : ${rateGapWords(row.rate - row.territory_rate)}) ; ` +
                `${formatRank(row.rank)} sur ${row.communes} en nombre.`
        )
      )
    ),
    el(
      "p",
      {class: "figure-links"},
      el(
        "a",
        {href: mapHref({indicator: figure.indicator, mode: percent ? "ratio" : "taux", year: figure.year})},
        "Voir sur la carte"
      )
    )
  );
}

/** The list of compared communes, each removable, and a selector to add one (up to four). */
function chooser(all: CommuneRowInfo[], codes: string[]): HTMLElement {
  const go = (next: string[]) => location.assign(compareHref(next));
  const picker =
    codes.length < MAX_COMPARED
      ? communePicker({
          communes: all.filter((c) => !codes.includes(c.code)),
          label: "Ajouter une commune",
          placeholder: "Ex. : marcq, st andre",
          id: "compare-add",
          onSelect: (code) => go([...codes, code])
        }).element
      : el("p", {class: "muted"}, `Quatre communes au plus : retirez-en une pour en ajouter une autre.`);
  return el(
    "div",
    {class: "compare-chooser"},
    el(
      "ul",
      {class: "compare-chosen", "aria-label": "Communes comparées"},
      codes.map((code) => {
        const nom = all.find((c) => c.code === code)!.nom;
        return el(
          "li",
          {},
          el("a", {href: communeHref(code)}, nom),
          el(
            "button",
            {
              type: "button",
              class: "compare-remove",
              "aria-label": `Retirer ${nom} de la comparaison`,
              onclick: () => go(codes.filter((c) => c !== code))
            },
            "×"
          )
        );
      })
    ),
    picker
  );
}

export function communeCompare({snapshot, width, param}: CommuneCompareOptions): HTMLElement {
  const all = fromSnapshot(snapshot, communeList()) ?? [];
  const selection = parseCompared(param, all);
  const root = el("div", {class: "commune-compare"});
  if ("error" in selection) {
    root.append(
      el(
        "div",
        {class: "error-box", role: "alert"},
        el("strong", {}, "Comparaison impossible"),
        el("p", {}, selection.error)
      ),
      chooser(all, selection.codes)
    );
    return root;
  }
  const {codes} = selection;
  const profiles = codes.map((code) => ({
    code,
    nom: all.find((c) => c.code === code)!.nom,
    rows: fromSnapshot(snapshot, communeProfile(code)) ?? []
  }));
  const figures = comparedFigures(profiles);
  // One column on a phone, two or three on a wide screen: the chart takes its card's width.
  const columns = width >= 1100 ? 3 : width >= 700 ? 2 : 1;
  const cardWidth = Math.floor((width - (columns - 1) * 16) / columns) - 34;
  const population = el(
    "ul",
    {class: "compare-population"},
    codes.map((code) => {
      const c = all.find((x) => x.code === code)!;
      return el(
        "li",
        {},
        el("strong", {}, c.nom),
        ` : ${formatAmount(c.population, "habitants", snapshot.units)} (${c.population_year})`
      );
    })
  );
  const years = [...new Set(figures.map((f) => f.year))].sort((a, b) => a - b);
  const edition = editionInfo();
  const latest = el(
    "p",
    {class: "compare-year"},
    years.length
      ? `Chiffres de ${years.join(" et ")}, la dernière année publiée (rapport d’activité ${edition.latest}).`
      : `Aucun chiffre commun à ces communes dans le rapport d’activité ${edition.latest}.`,
    edition.editions.length > 1 ? " Les années précédentes sont sur la fiche de chaque commune." : ""
  );
  root.append(
    chooser(all, codes),
    population,
    latest,
    el(
      "div",
      {class: "compare-figures"},
      figures.map((f) => figureCard(f, cardWidth, snapshot.units))
    )
  );
  return root;
}
