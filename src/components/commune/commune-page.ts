// The page of one commune, for an elected official: its population, then every figure published
// for it, each said in full sentences (rate per 1 000 inhabitants, rank, territory reference, gap,
// share of the territory) and, when the editions give it for several years, how it moved (a small
// line chart and a sentence), with a locator map, links to programmes, the map and the comparison
// page, and a summary table. Printed (« Imprimer la fiche »), it is a one-page A4 sheet: name, population,
// locator map, the summary table, edition, source, date of printing and the page's address.
import {type Change, changeSentence, computeChange, formatChangeLabel} from "../../lib/change.js";
import {editionInfo} from "../ui/edition.js";
import {sourceLine} from "../../lib/editions.js";
import {
  formatEvolution,
  formatGap,
  formatLongDate,
  formatNumber,
  formatPercent,
  formatRank,
  formatRate
} from "../../lib/format.js";
import {programmeLabel} from "../../lib/programmes.js";
import {communeHref, mapHref, programmeHref} from "../../lib/routes.js";
import {choropleth} from "../map/choropleth.js";
import type {Territory} from "../../lib/territory.js";
import {el} from "../ui/dom.js";
import {sourceDetails} from "../ui/figure-card.js";
import {amountValue} from "../ui/figure-value.js";
import {formatAmount, formatDerived, formatValue, unitWord} from "../../lib/units.js";
import {fromSnapshot, type Snapshot} from "../../lib/queries/snapshot.js";
import {
  type CommuneProfileRow,
  type CommuneRowInfo,
  type CommuneSeriesRow,
  communeList,
  communeProfile,
  communeSeries
} from "../../lib/queries/index.js";
import {sortableTable} from "../ui/sortable-table.js";
import {compareHref, pointGapWords, rateGapWords} from "../../lib/commune/compare.js";
import {withScrollCue} from "../map/scroll-cue.js";
import {isRatio} from "../../lib/map/view-state.js";
import {rateChart} from "./rate-chart.js";
import {addressQr} from "./address-qr.js";
import {type TrendPoint, trendChart} from "./trend-chart.js";
import {keyFigureState} from "../export/dossier-store.js";
import {fileSlug} from "../export/download.js";
import {keyFigureExport} from "../export/key-figure.js";
import {latestSourceLine} from "../ui/edition.js";

interface CommunePageOptions {
  code: string;
  snapshot: Snapshot;
  territory: Territory;
  width: number;
}

function amount(row: CommuneProfileRow, units: Record<string, string>, value = row.value): string {
  return formatAmount(value, row.unit, units);
}

/** The sentences an official can read aloud about one figure. */
export function figureSentences(row: CommuneProfileRow, nom: string, units: Record<string, string>): string[] {
  if (row.indicator === "territoire.population") {
    return [
      `${nom} compte ${formatPercent(row.share ?? 0)} des habitants du territoire ` +
        `(${formatRank(row.rank, true)} commune sur ${row.communes} par sa population).`
    ];
  }
  const gap = row.rate - row.territory_rate;
  if (isRatio(row)) {
    // A rate (positive exits ÷ participants…): compared with the territory's, in points.
    return [
      `Contre ${formatPercent(row.territory_rate)} sur l’ensemble du territoire ` + `(écart : ${pointGapWords(gap)}).`,
      `${formatRank(row.rate_rank)} rang sur ${row.communes} communes.`
    ];
  }
  return [
    `Soit ${formatRate(row.rate)} pour 1\u202f000 habitants, contre ${formatRate(row.territory_rate)} ` +
      `sur l’ensemble du territoire (écart : ${rateGapWords(gap)}).`,
    `${formatRank(row.rank)} rang sur ${row.communes} communes en nombre, ` +
      `${formatRank(row.rate_rank)} rapporté à la population.`,
    `${nom} représente ${formatPercent(row.share ?? 0)} du total du territoire (${amount(row, units, row.total)}), ` +
      `pour ${formatPercent(row.population_share)} de sa population ` +
      `(écart : ${pointGapWords((row.share ?? 0) - row.population_share)}).`
  ];
}

/** A figure's years up to the one shown, and its change from the first: none with a single year. */
interface Trend {
  points: TrendPoint[];
  change: Change;
  since: number;
  derived: boolean;
}

function trendOf(row: CommuneProfileRow, series: CommuneSeriesRow[]): Trend | null {
  const points = series
    .filter((s) => s.indicator === row.indicator && s.year <= row.year)
    .map((s) => ({year: s.year, value: s.value, derived: s.status === "derive"}));
  if (points.length < 2) return null;
  const [first, last] = [points[0], points[points.length - 1]];
  return {
    points,
    change: computeChange(first.value, last.value, row.unit),
    since: first.year,
    derived: first.derived || last.derived
  };
}

/** « En hausse de 30 participants (+30 %) depuis 2021. » */
function trendSentence(trend: Trend, row: CommuneProfileRow, units: Record<string, string>): string {
  const sentence = changeSentence(trend.change, row.unit, units, trend.since, trend.derived);
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/**
 * « +30 (+30 %) », « +13 points »: a change in the summary table, whose value column gives the unit
 * (the printed sheet's columns are narrow).
 */
function shortChange({change, derived}: Trend, unit: string): string {
  if (change.inPoints) return formatChangeLabel(change, unit, {}, derived);
  const sign = change.absolute > 0 ? "+" : change.absolute < 0 ? "−" : "";
  const amount = `${derived ? "≈\u202f" : ""}${sign}${formatValue(Math.abs(change.absolute), unit)}`;
  return change.relative === null ? amount : `${amount} (${formatEvolution(change.relative)})`;
}

function figureCard(
  row: CommuneProfileRow,
  nom: string,
  units: Record<string, string>,
  code: string,
  trend: Trend | null,
  width: number
): HTMLElement {
  const programme = programmeLabel(row.programme);
  const programmeLink = programmeHref(row.programme, {indicator: row.indicator});
  const mode = row.indicator === "territoire.population" ? "nombre" : isRatio(row) ? "ratio" : "taux";
  // The map opens on this figure with this commune picked out.
  const mapLink = mapHref({indicator: row.indicator, mode, year: row.year, commune: code});
  return el(
    "article",
    {class: isRatio(row) ? "commune-figure ratio-figure" : "commune-figure", "data-indicator": row.indicator},
    el("p", {class: "figure-context muted"}, el("a", {href: programmeLink}, programme), ` · ${row.section}`),
    el("h3", {}, row.label, el("span", {class: "muted"}, ` (${row.year})`)),
    el("p", {class: "figure-value"}, amountValue(row.value, row.unit, row.status, units)),
    trend
      ? el(
          "div",
          {class: "commune-trend"},
          trendChart({points: trend.points, unit: row.unit, label: `${row.label} à ${nom}`, width}),
          el("p", {class: "trend-sentence"}, trendSentence(trend, row, units))
        )
      : null,
    rateChart({nom, rate: row.rate, territoryRate: row.territory_rate, width: 260, percent: isRatio(row)}),
    figureSentences(row, nom, units).map((sentence) => el("p", {}, sentence)),
    row.status === "derive" && isRatio(row)
      ? el(
          "p",
          {class: "muted derivation-note"},
          "Taux calculé à partir des chiffres du rapport pour la commune",
          el("span", {class: "derivation-formula"}, ` (${row.derivation})`),
          "."
        )
      : row.status === "derive"
        ? el(
            "p",
            {class: "muted derivation-note"},
            `Le rapport ne cite pas ${nom} dans cette liste : la valeur est déduite du total`,
            // The formula stays on screen; the printed sheet keeps the sentence.
            el("span", {class: "derivation-formula"}, ` (${row.derivation})`),
            "."
          )
        : null,
    el(
      "p",
      {class: "figure-links"},
      el("a", {href: mapLink}, "Comparer sur la carte"),
      " · ",
      el("a", {href: programmeLink}, `Voir le programme ${programme}`)
    ),
    sourceDetails(row.quote),
    figureExport(row, nom, units, code, trend)
  );
}

/** The figure for a slide: PNG, PowerPoint, the dossier (its « Exporter » menu). */
function figureExport(
  row: CommuneProfileRow,
  nom: string,
  units: Record<string, string>,
  code: string,
  trend: Trend | null
): HTMLElement {
  const programme = programmeLabel(row.programme);
  return keyFigureExport(
    () => ({
      label: `${row.label} à ${nom}`,
      value: row.status === "derive" ? formatDerived(row.value, row.unit) : formatValue(row.value, row.unit),
      derived: row.status === "derive",
      unit: unitWord(row.unit, units),
      year: row.year,
      context: `${nom} · ${programme} · ${row.section}`,
      change: trend ? trendSentence(trend, row, units) : undefined,
      passage: row.quote,
      source: latestSourceLine(),
      fileBase: fileSlug("chiffre", code, row.indicator.replace(/\./g, "-"), row.year)
    }),
    {state: keyFigureState(row.indicator, row.year, code)}
  );
}

export function communePage({code, snapshot, territory, width}: CommunePageOptions): HTMLElement {
  const communes = fromSnapshot(snapshot, communeList()) ?? [];
  const commune = communes.find((c) => c.code === code);
  const rows = fromSnapshot(snapshot, communeProfile(code)) ?? [];
  const series = fromSnapshot(snapshot, communeSeries(code)) ?? [];
  if (!commune) return el("p", {class: "error-box", role: "alert"}, `Commune inconnue : ${code}`);
  const population = rows.find((r) => r.indicator === "territoire.population");
  const figures = rows.filter((r) => r.indicator !== "territoire.population");
  // Counts (rated per 1 000 inhabitants) and rates (compared in points) have their own summary tables.
  const counts = figures.filter((r) => !isRatio(r));
  const ratios = figures.filter((r) => isRatio(r));
  const narrow = width < 720;
  // The comparison link proposes the commune closest in population (the page lets the reader change it).
  const closest = communes
    .filter((c) => c.code !== code)
    .reduce((best, c) =>
      Math.abs(c.population - commune.population) < Math.abs(best.population - commune.population) ? c : best
    );
  const locator = choropleth({
    territory,
    width: narrow ? Math.min(width, 420) : Math.min(360, width / 3),
    highlight: code,
    labels: false,
    describe: (c) => (c.code === code ? `${c.nom} (cette commune)` : `${c.nom} : ouvrir sa page`),
    linkTo: communeHref
  });
  locator.classList.add("locator");

  const intro = el(
    "div",
    {class: "commune-intro"},
    el(
      "div",
      {},
      el("p", {class: "eyebrow"}, "Commune de Métropole Nord-Ouest"),
      el("h1", {}, commune.nom),
      el(
        "p",
        {class: "lead"},
        `${formatNumber(commune.population)} habitants (recensement ${commune.population_year})`,
        ` · ${formatNumber(commune.area_km2, 2)} km² · code INSEE ${commune.code}`
      ),
      population ? el("p", {}, figureSentences(population, commune.nom, snapshot.units)[0]) : null,
      el(
        "p",
        {class: "commune-actions no-print"},
        el("button", {type: "button", class: "print-button", onclick: () => window.print()}, "Imprimer la fiche"),
        // Browsers save a print as PDF themselves: the same sheet, with the destination to choose.
        el(
          "button",
          {
            type: "button",
            class: "print-button",
            title: "Dans la fenêtre d’impression, choisissez « Enregistrer au format PDF »",
            onclick: () => window.print()
          },
          "Télécharger la fiche (PDF)"
        ),
        el("a", {href: compareHref([code, closest.code])}, `Comparer avec ${closest.nom} ou une autre commune`),
        el("a", {href: mapHref({commune: code})}, "← Retour à la carte des communes")
      )
    ),
    el(
      "figure",
      {class: "locator-figure"},
      locator,
      el("figcaption", {class: "muted"}, `${commune.nom} parmi les dix communes`)
    ),
    // Printed only: the page's address as a QR code, beside the locator map.
    addressQr(`${location.origin}${location.pathname}`)
  );

  const trends = new Map(figures.map((r) => [r.indicator, trendOf(r, series)]));
  // The card's width, less its padding (one column on a phone).
  const chartWidth = Math.max(240, Math.min(300, width - 48));
  const cards = el(
    "div",
    {class: "commune-figures"},
    figures.map((r) => figureCard(r, commune.nom, snapshot.units, code, trends.get(r.indicator)!, chartWidth))
  );
  const trendCell = (r: CommuneProfileRow) => {
    const trend = trends.get(r.indicator);
    return trend ? `${shortChange(trend, r.unit)} depuis ${trend.since}` : "—";
  };
  // The table gives each figure's change only when the editions give some figure several years.
  const anyTrend = [...trends.values()].some(Boolean);
  const table = sortableTable<CommuneProfileRow>({
    caption: `${commune.nom} : tous les chiffres publiés par commune`,
    rows: counts,
    columns: [
      {label: "Indicateur", value: (r) => r.label},
      {label: "Valeur", value: (r) => r.value, cell: (r) => amount(r, snapshot.units), numeric: true},
      {label: "Pour 1\u202f000 hab.", value: (r) => r.rate, cell: (r) => formatRate(r.rate), numeric: true},
      {
        label: "Territoire (pour 1\u202f000 hab.)",
        value: (r) => r.territory_rate,
        cell: (r) => formatRate(r.territory_rate),
        numeric: true
      },
      {
        label: "Écart (pour 1 000 hab.)",
        value: (r) => r.rate - r.territory_rate,
        cell: (r) => formatGap(r.rate - r.territory_rate),
        numeric: true
      },
      {
        label: "Rang (nombre)",
        value: (r) => r.rank,
        cell: (r) => `${formatRank(r.rank)} / ${r.communes}`,
        numeric: true
      },
      {
        label: "Part du territoire",
        value: (r) => r.share,
        cell: (r) => (r.share === null ? "—" : formatPercent(r.share)),
        numeric: true
      },
      ...(anyTrend
        ? [
            {
              label: "Évolution",
              value: (r: CommuneProfileRow) => trends.get(r.indicator)?.change.absolute ?? null,
              cell: trendCell,
              numeric: true
            }
          ]
        : [])
    ]
  });
  const ratioTable = ratios.length
    ? sortableTable<CommuneProfileRow>({
        caption: `${commune.nom} : taux calculés à partir des chiffres du rapport`,
        rows: ratios,
        columns: [
          {label: "Indicateur", value: (r) => r.label},
          {
            label: "Commune",
            value: (r) => r.value,
            cell: (r) => amountValue(r.value, r.unit, r.status, snapshot.units),
            numeric: true
          },
          {
            label: "Territoire",
            value: (r) => r.territory_rate,
            cell: (r) => formatPercent(r.territory_rate),
            numeric: true
          },
          {
            label: "Écart (points)",
            value: (r) => r.rate - r.territory_rate,
            cell: (r) => pointGapWords(r.rate - r.territory_rate),
            numeric: true
          },
          {
            label: "Rang",
            value: (r) => r.rate_rank,
            cell: (r) => `${formatRank(r.rate_rank)} / ${r.communes}`,
            numeric: true
          }
        ]
      })
    : null;
  const others = el(
    "nav",
    {class: "other-communes", "aria-label": "Autres communes"},
    el("h2", {}, "Les autres communes"),
    el(
      "ul",
      {},
      communes
        .filter((c: CommuneRowInfo) => c.code !== code)
        .map((c) => el("li", {}, el("a", {href: communeHref(c.code)}, c.nom)))
    )
  );
  // What only the printed sheet carries: the edition on top; source, date of printing and address below.
  const printed = el("span", {});
  const address = el("span", {class: "print-address"});
  const stamp = () => {
    printed.textContent = formatLongDate(new Date());
    address.textContent = `${location.origin}${location.pathname}`;
  };
  stamp();
  addEventListener("beforeprint", stamp);
  const edition = editionInfo();
  const printHeader = el(
    "p",
    {class: "print-only print-header"},
    `Fiche commune · Observatoire MNO · rapport d’activité ${edition.latest} ` +
      "de la MDE, du PLIE et de la Mission Locale MNO"
  );
  const printFooter = el(
    "footer",
    {class: "print-only print-footer"},
    el(
      "p",
      {},
      `${sourceLine(edition.latest)} ; population : INSEE, RP${edition.populationYear}. ` +
        "Écart : taux de la commune moins taux des dix communes."
    ),
    el("p", {}, "Imprimée le ", printed, " · ", address)
  );
  return el(
    "div",
    {class: "commune-page", "data-code": code},
    printHeader,
    intro,
    el("h2", {}, `Les chiffres de la commune en ${edition.latest}`),
    el(
      "p",
      {class: "muted"},
      "Chaque chiffre est rapporté à la population, comparé aux dix communes, " +
        "et relié au passage du rapport qui le publie."
    ),
    cards,
    el("h2", {class: "section-heading summary-heading"}, "En résumé"),
    withScrollCue(table),
    ratioTable ? withScrollCue(ratioTable) : null,
    others,
    printFooter
  );
}
