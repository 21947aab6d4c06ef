// /programmes/<programme>: the programme's sections with their figures as cards and charts, and the
// drill-down programme → section → indicator, by click (history entries, so « back » returns) and by
// URL. Everything shown is queried from DuckDB-WASM.
import {
  PROGRAMMES,
  PROGRAMME_DESCRIPTIONS,
  PROGRAMME_LABELS,
  type Programme,
  programmeSlug
} from "../../lib/programmes.js";
import {withUnit} from "../../lib/format.js";
import {programmeHref} from "../../lib/routes.js";
import {slugify} from "../../lib/text.js";
import {errorMessage} from "../ui/async-block.js";
import type {Engine} from "../engine/db.js";
import {el} from "../ui/dom.js";
import {fromSnapshot, type Prerendered} from "../../lib/queries/snapshot.js";
import {
  type IndicatorRowDetail,
  type IndicatorSummaryRow,
  indicatorSummaries,
  programmeRows
} from "../../lib/queries/index.js";
import {indicatorCard} from "./indicator-card.js";
import {chartFigure, indicatorCharts} from "./indicator-charts.js";
import {indicatorView} from "./indicator-view.js";
import {yearChoice} from "./year-choice.js";
import {breadcrumbs} from "./breadcrumbs.js";
import {searchBox} from "./search.js";
import {chooseYear, readDrillState} from "../../lib/programme/state.js";
import {programmeYears, summaryAt} from "../../lib/programme/summary-at.js";
import {writeParams, writeUrl} from "../ui/url-state.js";

interface ProgrammePageOptions {
  programme: Programme;
  engine: Promise<Engine>;
  units: Record<string, string>;
  /** Build-time results of the page's queries (lignes.json): the first view, before the engine. */
  prerendered?: Prerendered;
  width: number;
}

interface ProgrammeData {
  summaries: IndicatorSummaryRow[];
  all: IndicatorSummaryRow[];
  rows: IndicatorRowDetail[];
}

function tabs(current: Programme): HTMLElement {
  return el(
    "nav",
    {class: "programme-tabs", "aria-label": "Programmes"},
    PROGRAMMES.map((p) =>
      el("a", {href: programmeHref(p), "aria-current": p === current ? "page" : null}, PROGRAMME_LABELS[p])
    )
  );
}

function rowsOf(data: ProgrammeData, indicator: string): IndicatorRowDetail[] {
  return data.rows.filter((r) => r.indicator === indicator || r.indicator === `${indicator}_evolution`);
}

/** Charts worth drawing in an overview: communes, and breakdowns into two parts or more. */
function overviewCharts(
  summary: IndicatorSummaryRow,
  rows: IndicatorRowDetail[],
  width: number,
  units: Record<string, string>
): HTMLElement[] {
  return indicatorCharts(rows, summary.latest_year)
    .filter((spec) => spec.rows.length > 1 && !spec.kind.startsWith("annees"))
    .map((spec) => chartFigure(spec, width, units));
}

export function programmePage({programme, engine, units, prerendered, width}: ProgrammePageOptions): HTMLElement {
  const slug = programmeSlug(programme);
  const label = PROGRAMME_LABELS[programme];
  const crumbs = el("nav", {class: "breadcrumbs", "aria-label": "Fil d’Ariane"});
  const content = el("div", {
    class: "programme-content",
    "aria-busy": "true",
    "aria-live": "polite",
    "data-source": "pending"
  });
  const searchSlot = el("div", {class: "search-slot"});
  content.append(
    el("p", {class: "loading"}, el("span", {class: "spinner", "aria-hidden": "true"}), "Chargement des indicateurs…")
  );
  let data: ProgrammeData | null = null;
  const chartWidth = Math.min(width, 760);

  const sectionBlock = (section: string, summaries: IndicatorSummaryRow[], d: ProgrammeData, year: number | null) =>
    el(
      "section",
      {class: "programme-section", "data-section": slugify(section)},
      el("h2", {}, el("a", {href: programmeHref(programme, {section, year}), "data-drill": ""}, section)),
      el(
        "div",
        {class: "indicator-grid"},
        summaries.map((s) => indicatorCard(s, rowsOf(d, s.indicator), units, slug, year))
      ),
      el(
        "div",
        {class: "chart-grid"},
        summaries.flatMap((s) => overviewCharts(s, rowsOf(d, s.indicator), chartWidth, units))
      )
    );

  const render = () => {
    if (!data) return;
    const state = readDrillState();
    const sections = [...new Set(data.summaries.map((s) => s.section))];
    const summary = state.indicator ? data.summaries.find((s) => s.indicator === state.indicator) : undefined;
    const section = summary?.section ?? sections.find((s) => slugify(s) === state.section) ?? null;
    const trail = breadcrumbs(programme, label, section, summary?.label ?? null);
    crumbs.replaceChildren(...trail);
    crumbs.hidden = trail.length === 0;

    if (state.indicator && !summary) {
      content.replaceChildren(
        el("p", {class: "error-box", role: "alert"}, `Indicateur inconnu dans ce programme : ${state.indicator}`)
      );
    } else if (summary) {
      const {year, notice} = chooseYear(state, summary.years);
      content.replaceChildren(
        indicatorView({
          summary,
          rows: rowsOf(data, summary.indicator),
          units,
          year,
          yearNotice: notice,
          width: chartWidth,
          onYear: (y) => {
            // Each year chosen is a history entry: « back » returns to the year before.
            writeParams({annee: String(y)}, {push: true});
            render();
            content.querySelector<HTMLSelectElement>('select[name="annee"]')?.focus();
          }
        })
      );
    } else {
      // An overview (the programme or one section) shows one year: the latest unless `annee` says
      // otherwise; indicators without a figure that year are counted, not silently dropped.
      const years = programmeYears(data.summaries);
      const {year, notice} = chooseYear(state, years);
      const chosen = year === Math.max(...years) ? null : year;
      const shown = data.summaries
        .filter((s) => !section || s.section === section)
        .map((s) => (chosen === null ? s : summaryAt(s, rowsOf(data!, s.indicator), chosen)))
        .filter((s): s is IndicatorSummaryRow => s !== null);
      const inSection = data.summaries.filter((s) => !section || s.section === section).length;
      const yearBar = overviewYear(years, year, inSection - shown.length, notice);
      const d = data;
      if (section) {
        content.replaceChildren(yearBar, sectionBlock(section, shown, d, chosen));
      } else {
        const shownSections = sections.filter((s) => shown.some((x) => x.section === s));
        content.replaceChildren(
          yearBar,
          el(
            "p",
            {class: "muted"},
            `${withUnit(shown.length, "indicateurs")} en ${withUnit(shownSections.length, "sections")}. ` +
              "Cliquez sur un indicateur pour voir toutes ses valeurs, ses graphiques et sa source."
          ),
          el(
            "nav",
            {class: "section-index", "aria-label": "Sections"},
            el(
              "ul",
              {},
              shownSections.map((s) =>
                el("li", {}, el("a", {href: programmeHref(programme, {section: s, year: chosen}), "data-drill": ""}, s))
              )
            )
          ),
          ...shownSections.map((s) =>
            sectionBlock(
              s,
              shown.filter((x) => x.section === s),
              d,
              chosen
            )
          )
        );
      }
    }
    document.title = `${summary ? `${summary.label} · ` : section ? `${section} · ` : ""}${label} | Observatoire MNO`;
    content.setAttribute("aria-busy", "false");
  };

  /** The overview's year: its select, why a year asked for is not shown, what that year lacks. */
  function overviewYear(years: number[], year: number, missing: number, notice: string | null): HTMLElement {
    const latest = Math.max(...years);
    return el(
      "div",
      {class: "overview-year"},
      notice ? el("p", {class: "error-box year-notice", role: "alert"}, notice) : null,
      yearChoice(years, year, (y) => {
        writeParams({annee: y === latest ? null : String(y)}, {push: true});
        render();
        content.querySelector<HTMLSelectElement>('select[name="annee"]')?.focus();
      }),
      missing > 0
        ? el(
            "p",
            {class: "muted"},
            `${withUnit(missing, "indicateurs")} sans valeur en ${year} ` +
              `${missing > 1 ? "ne sont pas affichés" : "n’est pas affiché"}.`
          )
        : null
    );
  }

  const page = el(
    "div",
    {class: "programme-page", "data-programme": programme},
    tabs(programme),
    el("h1", {}, label),
    el("p", {class: "lead"}, PROGRAMME_DESCRIPTIONS[programme]),
    searchSlot,
    crumbs,
    content
  );

  /** Shows another level of this programme in place, as a history entry (« back » re-renders). */
  const drillTo = (href: string) => {
    writeUrl(href, {push: true});
    render();
    (content.querySelector("h2") ?? content).scrollIntoView?.({block: "start"});
  };
  /** Where a search result leads: this programme's levels in place, another programme's page by loading it. */
  const navigate = (href: string, sameProgramme: boolean) => (sameProgramme ? drillTo(href) : location.assign(href));

  // Drill-down links change the view in place and add a history entry; « back » re-renders.
  page.addEventListener("click", (event) => {
    const link = (event.target as Element).closest?.("a[data-drill]") as HTMLAnchorElement | null;
    if (
      !link ||
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    drillTo(link.href);
    crumbs.querySelector<HTMLElement>("[aria-current]")?.focus?.();
  });
  addEventListener("popstate", render);

  const queries = [indicatorSummaries(programme), indicatorSummaries(), programmeRows(programme)] as const;
  const show = (next: ProgrammeData, source: "build" | "duckdb") => {
    // The engine's answer replaces the build-time one only if it differs (it should not): the
    // page does not redraw under the reader's eyes for nothing.
    if (!data || JSON.stringify(next) !== JSON.stringify(data)) {
      data = next;
      searchSlot.replaceChildren(searchBox(next.all, {current: programme, navigate}));
      render();
    }
    content.dataset.source = source;
  };
  const initial = {
    summaries: fromSnapshot(prerendered, queries[0]),
    all: fromSnapshot(prerendered, queries[1]),
    rows: fromSnapshot(prerendered, queries[2])
  };
  if (initial.summaries && initial.all && initial.rows) show(initial as ProgrammeData, "build");
  engine
    .then((db) => Promise.all([db.run(queries[0]), db.run(queries[1]), db.run(queries[2])]))
    .then(([summaries, all, rows]) => show({summaries, all, rows}, "duckdb"))
    .catch((error) => {
      content.replaceChildren(...(data ? [...content.childNodes] : []), errorMessage(error));
      content.setAttribute("aria-busy", "false");
    });
  return page;
}
