// The /dossier page: the views collected with « Ajouter au dossier », each redrawn from the
// current data (a chart from the published rows, the map in its embed view), to reorder, retitle
// or remove; one PowerPoint deck of them all (title slide, one slide per view, sources), or print.
// A view whose indicator is no longer published stays listed, marked so, and out of the deck.
import {formatLongDate, formatNumber} from "../../lib/format.js";
import type {Prerendered} from "../../lib/queries/snapshot.js";
import {fromSnapshot} from "../../lib/queries/snapshot.js";
import {indicatorRows, type IndicatorRowDetail} from "../../lib/queries/index.js";
import {formatDerived, formatHeadline, unitWord} from "../../lib/units.js";
import {computeChange, formatChangeShort} from "../../lib/change.js";
import {sourceLine} from "../../lib/editions.js";
import {programmeLabel} from "../../lib/programmes.js";
import {type KeyFigure, keyFigureMeta, keyFigureSvg, keyFigureText} from "./key-figure.js";
import {chartFigure, indicatorCharts, type ChartSpec} from "../programme/indicator-charts.js";
import {el} from "../ui/dom.js";
import {type ComposedSvg, standaloneSvg, type ExportMeta} from "./compose.js";
import {latestSourceLine} from "../ui/edition.js";
import {download} from "./download.js";
import {loadDossier, moveView, parseState, saveDossier, type DossierView} from "./dossier-store.js";
import {figureData} from "./figure.js";
import {renderPng} from "./png.js";
import type {SlideContent} from "./pptx.js";
import {drawnKind, drawnOrder} from "./toolbar.js";

interface Resolved {
  view: DossierView;
  /** Why the view cannot be drawn (its indicator or chart is no longer published). */
  missing?: string;
  /** The drawn thumbnail (a chart, or the map's embed frame). */
  thumbnail: HTMLElement;
  slide: () => Promise<SlideContent>;
}

/** An embedded map's box, which can draw its map again for a slide (map-explorer.ts). */
type SlidePictureBox = HTMLElement & {slidePicture?: (width: number, height: number) => Promise<ComposedSvg>};

const PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

function todayInFrench(): string {
  return formatLongDate(new Date());
}

function resolve(view: DossierView, lines: Prerendered, units: Record<string, string>): Resolved {
  const state = parseState(view.state);
  const rows: IndicatorRowDetail[] = fromSnapshot(lines, indicatorRows(state.indicator)) ?? [];
  const level = rows.filter((r) => !r.indicator.endsWith("_evolution"));
  const gone = (missing: string): Resolved => ({
    view,
    missing,
    thumbnail: el("p", {class: "dossier-missing"}, missing),
    slide: () => Promise.reject(new Error(missing))
  });
  if (!state.view) return gone("Vue inconnue : elle ne peut pas être redessinée.");
  if (!level.length) {
    return gone(`L’indicateur « ${view.meta.title} » n’existe plus dans les données publiées.`);
  }

  if (state.view === "chiffre") return resolveKeyFigure(view, level, units, state, gone);

  if (state.view === "carte") {
    const frame = el("iframe", {
      src: view.state,
      title: view.title,
      class: "dossier-frame",
      loading: "eager",
      width: 480,
      height: 360
    }) as HTMLIFrameElement;
    return {
      view,
      thumbnail: frame,
      slide: async () => {
        const svg = frame.contentDocument?.querySelector<SVGSVGElement>("svg.choropleth-svg");
        if (!svg) throw new Error(`la carte « ${view.title} » n’est pas encore dessinée`);
        const meta = {...view.meta, title: view.title, passage: level[0].quote};
        // The embed draws its map again for the slide's frame (text of 28 px or more at 1920 × 1080), at 3×.
        const box = frame.contentDocument?.querySelector(".map-box") as SlidePictureBox | null;
        const {figureFramePx} = await import("./pptx.js");
        const bounds = figureFramePx(meta);
        const scale = box?.slidePicture ? 3 : 2;
        const picture = box?.slidePicture ? await box.slidePicture(bounds.width, bounds.height) : standaloneSvg(svg);
        const png = await renderPng(picture, scale === 3 ? "3x" : "2x");
        const data = await new Promise<string>((done, fail) => {
          const reader = new FileReader();
          reader.onload = () => done(String(reader.result));
          reader.onerror = () => fail(reader.error);
          reader.readAsDataURL(png);
        });
        const image = {data, width: picture.width * scale, height: picture.height * scale};
        return {meta, source: view.meta.source ?? latestSourceLine(), image};
      }
    };
  }

  const years = [...new Set(level.map((r) => r.year))];
  const year = state.year && years.includes(state.year) ? state.year : Math.max(...years);
  const spec: ChartSpec | undefined = indicatorCharts(rows, year).find((s) => s.kind === state.chart);
  if (!spec) return gone(`Le graphique « ${view.meta.title} » n’existe plus pour ${year}.`);
  const thumbnail = chartFigure(spec, 480, units, {embedded: true});
  return {
    view,
    thumbnail,
    slide: async () => {
      const meta: ExportMeta = {
        title: view.title,
        subtitle: spec.subtitle || String(spec.year),
        unit: unitWord(spec.unit, units),
        date: String(spec.year),
        fileBase: view.meta.fileBase,
        passage: level.find((r) => r.year === spec.year)?.quote ?? level[0].quote
      };
      const svg = thumbnail.querySelector("svg");
      const kind = drawnKind(svg);
      const first = figureData(spec.rows, meta, {kind: kind === "image" ? "bar" : kind});
      const figure = figureData(spec.rows, meta, {kind: first.kind, order: drawnOrder(svg, first.categories)});
      return {meta, source: view.meta.source ?? latestSourceLine(), figure};
    }
  };
}

/** A key figure redrawn from the data: the year kept (else the latest), its change since the year before. */
function resolveKeyFigure(
  view: DossierView,
  level: IndicatorRowDetail[],
  units: Record<string, string>,
  state: ReturnType<typeof parseState>,
  gone: (missing: string) => Resolved
): Resolved {
  const scope = level.filter(
    (r) => r.dimension === null && (state.commune ? r.commune_code === state.commune : r.commune_code === null)
  );
  const years = scope.map((r) => r.year);
  if (!years.length) return gone(`Le chiffre « ${view.meta.title} » n’existe plus dans les données publiées.`);
  const year = state.year && years.includes(state.year) ? state.year : Math.max(...years);
  const row = scope.find((r) => r.year === year)!;
  const previous = scope.find((r) => r.year === year - 1);
  const derived = row.status === "derive";
  const change = previous
    ? `${formatChangeShort(
        computeChange(previous.value, row.value, row.unit),
        row.unit,
        units,
        derived || previous.status === "derive"
      )} par rapport à ${year - 1}`
    : undefined;
  const figure: KeyFigure = {
    label: view.title,
    value: derived ? formatDerived(row.value, row.unit) : formatHeadline(row.value, row.unit),
    derived,
    unit: unitWord(row.unit, units),
    year,
    context: [row.commune, programmeLabel(row.programme), row.section].filter(Boolean).join(" · "),
    change,
    passage: row.quote,
    source: sourceLine(row.report_year),
    fileBase: view.meta.fileBase
  };
  const picture = keyFigureSvg(figure, document).svg;
  picture.setAttribute("style", "width:100%;height:auto");
  picture.setAttribute("role", "img");
  return {
    view,
    thumbnail: el("div", {class: "dossier-key-figure"}, picture),
    slide: async () => ({meta: keyFigureMeta(figure), source: figure.source, keyFigure: keyFigureText(figure)})
  };
}

export function dossierPage({lines, units}: {lines: Prerendered; units: Record<string, string>}): HTMLElement {
  const status = el("p", {class: "dossier-status", role: "status"});
  const list = el("ol", {class: "dossier-list"});
  const titleInput = el("input", {id: "dossier-title", name: "titre", value: "Observatoire MNO — chiffres clés"});
  const dateInput = el("input", {id: "dossier-date", name: "date", value: todayInFrench()});
  let resolved: Resolved[] = [];

  const store = (views: DossierView[]) => {
    try {
      saveDossier(views);
    } catch (error) {
      status.textContent = `Enregistrement impossible : ${(error as Error).message}`;
    }
    render();
  };

  function render(): void {
    const views = loadDossier();
    resolved = views.map((view) => resolve(view, lines, units));
    list.replaceChildren(
      ...resolved.map((r, i) =>
        el(
          "li",
          {class: `dossier-view${r.missing ? " is-missing" : ""}`, "data-view": r.view.id},
          el("div", {class: "dossier-thumbnail"}, r.thumbnail),
          el(
            "div",
            {class: "dossier-fields no-print"},
            el("label", {for: `dossier-view-${r.view.id}`}, `Titre de la vue ${i + 1}`),
            el("input", {
              id: `dossier-view-${r.view.id}`,
              value: r.view.title,
              onchange: (e: Event) => {
                const title = (e.target as HTMLInputElement).value.trim();
                store(loadDossier().map((v) => (v.id === r.view.id && title ? {...v, title} : v)));
              }
            }),
            el(
              "div",
              {class: "dossier-actions"},
              el(
                "button",
                {type: "button", disabled: i === 0, onclick: () => store(moveView(loadDossier(), r.view.id, -1))},
                "Monter"
              ),
              el(
                "button",
                {
                  type: "button",
                  disabled: i === views.length - 1,
                  onclick: () => store(moveView(loadDossier(), r.view.id, 1))
                },
                "Descendre"
              ),
              el(
                "button",
                {type: "button", onclick: () => store(loadDossier().filter((v) => v.id !== r.view.id))},
                "Retirer"
              ),
              el("a", {href: r.view.page}, "Page d’origine")
            )
          ),
          el("p", {class: "dossier-print-title"}, r.view.title)
        )
      )
    );
    const usable = resolved.filter((r) => !r.missing).length;
    const missing = resolved.length - usable;
    status.textContent = resolved.length
      ? `${formatNumber(resolved.length)} vue${resolved.length > 1 ? "s" : ""} dans le dossier` +
        (missing ? ` dont ${formatNumber(missing)} qui n’existe${missing > 1 ? "nt" : ""} plus (hors diaporama).` : ".")
      : "Le dossier est vide : sous un graphique ou la carte, « Exporter » → « Ajouter au dossier ».";
  }

  const deck = async () => {
    const usable = resolved.filter((r) => !r.missing);
    if (!usable.length) throw new Error("le dossier n’a aucune vue à mettre en diapositive");
    status.textContent = "Préparation du diaporama…";
    const slides = [];
    for (const r of usable) slides.push(await r.slide());
    const {multiSlideDeck} = await import("./pptx.js");
    const title = titleInput.value.trim() || "Observatoire MNO";
    const bytes = await multiSlideDeck(slides, {title, date: dateInput.value.trim()});
    download(new Blob([bytes], {type: PPTX_TYPE}), "dossier-observatoire-mno.pptx");
    status.textContent = `Diaporama de ${slides.length + 2} diapositives téléchargé.`;
  };
  const run = (action: () => Promise<void>) => async () => {
    try {
      await action();
    } catch (error) {
      status.textContent = `Diaporama impossible : ${(error as Error).message}`;
    }
  };

  const form = el(
    "form",
    {class: "dossier-form no-print", onsubmit: (e: Event) => e.preventDefault()},
    el("div", {class: "field"}, el("label", {for: "dossier-title"}, "Titre du diaporama"), titleInput),
    el("div", {class: "field"}, el("label", {for: "dossier-date"}, "Date"), dateInput),
    el("button", {type: "button", "data-action": "pptx", onclick: run(deck)}, "Télécharger le diaporama (PowerPoint)"),
    el("button", {type: "button", "data-action": "print", onclick: () => print()}, "Imprimer / PDF")
  );
  // Another tab may add views: follow it.
  addEventListener("storage", (e) => {
    if (e.key === null || e.key.startsWith("observatoire-mno:dossier")) render();
  });
  render();
  return el("div", {class: "dossier"}, form, status, list);
}
