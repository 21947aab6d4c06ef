// The commune map: the ten communes coloured by a value (or shapes only, before values arrive, or
// one commune highlighted as a locator), over the grey neighbouring communes with Lille named,
// with names, legend, scale bar and north arrow — one SVG, so that it exports as drawn.
// Every commune is a link with an accessible name; hovering, focusing or tapping shows a tooltip.
import * as d3 from "npm:d3";
import {el} from "../ui/dom.js";
import {formatNumber} from "../../lib/format.js";
import {communeHref} from "../../lib/routes.js";
import {type LabelCandidate, placeLabels} from "../../lib/map/label-placement.js";
import {fitProjection, scaleBar} from "../../lib/map/projection.js";
import type {Feature} from "geojson";
import type {CommuneFeature, Territory} from "../../lib/territory.js";
import {FONT_STACK} from "../ui/font.js";

export interface ChoroplethValue {
  code: string;
  nom: string;
  value: number | null;
}

export interface ChoroplethOptions<V extends ChoroplethValue> {
  territory: Territory;
  /** Values by commune; null or undefined draws the shapes only. */
  values?: V[] | null;
  width: number;
  maxHeight?: number;
  /** Formats a value for the legend (French, up to two decimals, by default). */
  format?: (value: number) => string;
  /** Accessible name of a commune: « Marcq-en-Barœul : 108 participants ». */
  describe?: (commune: {code: string; nom: string}, value: V | undefined) => string;
  /** Lines of the tooltip of a commune. */
  tooltip?: (commune: {code: string; nom: string}, value: V | undefined) => (string | Node)[];
  /** Title of the legend (what the colours measure). */
  legendTitle?: string;
  /** A commune to highlight (locator map); other communes are drawn in grey. */
  highlight?: string;
  /** Where a commune leads (its page); null for no link. */
  linkTo?: ((code: string) => string) | null;
  /** Context communes to name on the map (INSEE codes); Lille by default. */
  namedContext?: string[];
  labels?: boolean;
}

const NULL_FILL = "#e9ecef";
const CONTEXT_FILL = "#eef0f2";
const CONTEXT_STROKE = "#c3c8cf";
const HIGHLIGHT_FILL = "#0b5cad";

/** Colour classes on round thresholds: a sequential blue ramp (colour-blind safe), never white. */
export function colourScale(values: number[]): {
  thresholds: number[];
  colours: string[];
  colour: (v: number) => string;
} {
  const max = d3.max(values) ?? 0;
  const thresholds = max > 0 ? d3.ticks(0, max, 5).filter((t) => t > 0 && t < max) : [];
  const colours = d3.quantize((t) => d3.interpolateBlues(0.18 + 0.77 * t), Math.max(2, thresholds.length + 1));
  const scale = d3.scaleThreshold<number, string>().domain(thresholds).range(colours);
  return {thresholds, colours, colour: (v) => scale(v)};
}

/** What does not depend on the values: projected shapes, label anchors, scale bar. */
interface Geometry {
  mapHeight: number;
  communePaths: string[];
  contextPaths: string[];
  outline: string;
  anchors: LabelCandidate[];
  named: {nom: string; x: number; y: number}[];
  bar: {km: number; px: number};
}

// Projecting the shapes is most of a map's cost; a view change redraws the same shapes at the same
// width, so they are computed once per territory and size.
const geometries = new WeakMap<Territory, Map<string, Geometry>>();

function geometryFor(
  territory: Territory,
  width: number,
  padding: number,
  maxHeight: number,
  namedContext: string[]
): Geometry {
  const key = `${width}|${padding}|${maxHeight}|${namedContext.join(",")}`;
  let cache = geometries.get(territory);
  if (!cache) geometries.set(territory, (cache = new Map()));
  const cached = cache.get(key);
  if (cached) return cached;
  // Fit to the ten communes and to the centroids of the named neighbours, so that « Lille » shows.
  const named = territory.context.features.filter((f) => namedContext.includes(f.properties.code));
  const extent = {
    type: "FeatureCollection",
    features: [
      ...territory.communes.features,
      ...named.map((f) => ({
        type: "Feature",
        properties: {},
        geometry: {type: "Point", coordinates: d3.geoCentroid(f)}
      }))
    ]
  } as d3.ExtendedFeatureCollection;
  const {projection, height: mapHeight} = fitProjection(extent, width, {padding, maxHeight});
  const path = d3.geoPath(projection);
  const at = (f: Feature) => projection(d3.geoCentroid(f as never))!;
  const geometry: Geometry = {
    mapHeight,
    communePaths: territory.communes.features.map((f) => path(f) ?? ""),
    contextPaths: territory.context.features.map((f) => path(f) ?? ""),
    outline: path({type: "FeatureCollection", features: territory.communes.features} as never) ?? "",
    anchors: territory.communes.features.map((f) => {
      const [x, y] = at(f);
      const [[x0], [x1]] = path.bounds(f);
      return {code: f.properties.code, nom: f.properties.nom, x, y, priority: path.area(f), span: x1 - x0};
    }),
    named: named.map((f) => {
      const [x, y] = at(f);
      return {nom: f.properties.nom, x, y};
    }),
    bar: scaleBar(projection, width, mapHeight)
  };
  cache.set(key, geometry);
  return geometry;
}

/** A drawn map whose values can change without redrawing its shapes. */
export interface ChoroplethElement<V extends ChoroplethValue> extends HTMLElement {
  /** Recolours the communes and redraws names, legend and tooltips for new values. */
  update(values: V[], options: Pick<ChoroplethOptions<V>, "format" | "describe" | "tooltip" | "legendTitle">): void;
}

export function choropleth<V extends ChoroplethValue>(options: ChoroplethOptions<V>): ChoroplethElement<V> {
  const {territory, width, maxHeight = 640, highlight} = options;
  const {linkTo = communeHref, namedContext = ["59350"], labels = true} = options;
  const compact = width < 560;
  const fontSize = compact ? 11 : 13;
  const legendHeight = options.values ? (options.legendTitle ? 58 : 40) : 0;
  const geometry = geometryFor(territory, width, compact ? 10 : 16, maxHeight - legendHeight, namedContext);
  const {mapHeight} = geometry;
  const height = mapHeight + legendHeight;

  const svg = d3
    .create("svg")
    .attr("xmlns", "http://www.w3.org/2000/svg")
    .attr("width", width)
    .attr("height", height)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("class", "choropleth-svg")
    .attr("role", "group")
    .attr("font-family", FONT_STACK)
    .style("max-width", "100%")
    .style("height", "auto");

  const clip = `clip-${Math.random().toString(36).slice(2)}`;
  svg.append("clipPath").attr("id", clip).append("rect").attr("width", width).attr("height", mapHeight);
  const map = svg.append("g").attr("clip-path", `url(#${clip})`);
  map
    .append("g")
    .attr("aria-hidden", "true")
    .selectAll("path")
    .data(geometry.contextPaths)
    .join("path")
    .attr("d", (d) => d)
    .attr("fill", CONTEXT_FILL)
    .attr("stroke", CONTEXT_STROKE)
    .attr("stroke-width", 0.8);

  const communes = map
    .append("g")
    .attr("class", "communes")
    .selectAll<SVGAElement, CommuneFeature>("a")
    .data(territory.communes.features)
    .join(
      (enter) => enter.append("svg:a") as unknown as d3.Selection<SVGAElement, CommuneFeature, SVGGElement, undefined>
    )
    .attr("class", "commune")
    .attr("data-code", (f) => f.properties.code)
    .attr("tabindex", 0)
    .attr("role", linkTo ? "link" : "img");
  if (linkTo) communes.attr("href", (f) => linkTo(f.properties.code));
  const shapes = communes
    .append("path")
    .attr("d", (_f, i) => geometry.communePaths[i])
    .attr("stroke", "#ffffff")
    .attr("stroke-width", 1.2);

  // Territory outline on top, so that the ten read as one.
  map
    .append("path")
    .attr("aria-hidden", "true")
    .attr("d", geometry.outline)
    .attr("fill", "none")
    .attr("stroke", "#3b4754")
    .attr("stroke-width", 1.2)
    .attr("pointer-events", "none");
  const names = map
    .append("g")
    .attr("class", "labels")
    .attr("aria-hidden", "true")
    .attr("pointer-events", "none")
    .attr("font-size", fontSize);
  if (labels) {
    for (const {nom, x, y} of geometry.named) {
      map
        .append("text")
        .attr("aria-hidden", "true")
        .attr("x", x)
        .attr("y", Math.min(y, mapHeight - fontSize))
        .attr("text-anchor", "middle")
        .attr("font-size", fontSize + 1)
        .attr("font-style", "italic")
        .attr("fill", "#5b6570")
        .text(nom);
    }
  }

  // Scale bar (bottom left) and north arrow (top right).
  const {bar} = geometry;
  const furniture = svg
    .append("g")
    .attr("class", "furniture")
    .attr("aria-hidden", "true")
    .attr("font-size", 11)
    .attr("fill", "currentColor");
  const bx = 12;
  const by = mapHeight - 14;
  furniture
    .append("rect")
    .attr("class", "scale-backdrop")
    .attr("x", bx - 4)
    .attr("y", by - 16)
    .attr("width", bar.px + 40)
    .attr("height", 24)
    .attr("fill", "#ffffff")
    .attr("opacity", 0.75);
  furniture
    .append("path")
    .attr("d", `M${bx},${by - 4}v4h${bar.px}v-4`)
    .attr("fill", "none")
    .attr("stroke", "currentColor")
    .attr("stroke-width", 1.5);
  furniture
    .append("text")
    .attr("x", bx + bar.px + 6)
    .attr("y", by)
    .text(`${String(bar.km).replace(".", ",")} km`);
  const nx = width - 22;
  furniture.append("path").attr("d", `M${nx},14l6,16l-6,-4l-6,4z`).attr("fill", "currentColor");
  furniture.append("text").attr("x", nx).attr("y", 42).attr("text-anchor", "middle").attr("font-weight", 700).text("N");
  const legend = svg
    .append("g")
    .attr("class", "legend")
    .attr("transform", `translate(12,${mapHeight + 6})`)
    .attr("font-size", 11)
    .attr("fill", "currentColor");

  // Everything that depends on the values: fills, accessible names, names' colours, legend.
  const byCode = new Map<string, V>();
  let current: ChoroplethOptions<V> = options;
  const paint = (values: V[] | null | undefined) => {
    // French numbers by default (« 1 234,5 »), as everywhere on the site.
    const format = current.format ?? ((v: number) => formatNumber(v, 2));
    const describe =
      current.describe ?? ((c, v) => (v?.value == null ? `${c.nom} : non publié` : `${c.nom} : ${format(v.value)}`));
    byCode.clear();
    for (const v of values ?? []) byCode.set(v.code, v);
    const numeric = (values ?? []).map((v) => v.value).filter((v): v is number => v !== null && Number.isFinite(v));
    const scale = colourScale(numeric);
    const fillOf = (code: string) => {
      if (highlight) return code === highlight ? HIGHLIGHT_FILL : "#d5dae0";
      if (!values) return "#dfe3e8";
      const v = byCode.get(code)?.value;
      return v === null || v === undefined ? NULL_FILL : scale.colour(v);
    };
    communes.attr("aria-label", (f) => describe(f.properties, byCode.get(f.properties.code)));
    shapes.attr("fill", (f) => fillOf(f.properties.code)).attr("data-fill", (f) => fillOf(f.properties.code));
    names.selectAll("*").remove();
    if (labels) {
      for (const label of placeLabels(geometry.anchors, fontSize, width, mapHeight)) {
        const dark = d3.hsl(d3.color(fillOf(label.code))!).l < 0.55;
        names
          .append("text")
          .attr("x", label.x)
          .attr("y", label.y)
          .attr("text-anchor", "middle")
          .attr("dominant-baseline", "middle")
          .attr("font-weight", 600)
          .attr("fill", dark ? "#ffffff" : "#1d2733")
          .attr("stroke", dark ? "#0b2f57" : "#ffffff")
          .attr("stroke-width", 3)
          .attr("stroke-opacity", 0.7)
          .attr("paint-order", "stroke")
          .text(label.text);
      }
    }
    legend.selectAll("*").remove();
    if (values)
      drawLegend(legend, scale, {
        width: width - 24,
        title: current.legendTitle,
        format,
        hasNull: numeric.length < values.length
      });
  };
  paint(options.values);

  const figure = el("div", {class: "choropleth"}) as unknown as ChoroplethElement<V>;
  figure.append(svg.node()!);
  attachTooltip(figure, communes, byCode, () => current.tooltip);
  figure.update = (values, changes) => {
    current = {...current, ...changes};
    paint(values);
  };
  return figure;
}

function drawLegend(
  legend: d3.Selection<SVGGElement, undefined, null, undefined>,
  scale: ReturnType<typeof colourScale>,
  {width, title, format, hasNull}: {width: number; title?: string; format: (v: number) => string; hasNull: boolean}
): void {
  let top = 0;
  if (title) {
    legend.append("text").attr("y", 11).attr("font-weight", 600).text(title);
    top = 18;
  }
  const boxes = scale.colours.length;
  const boxWidth = Math.max(12, Math.min(64, (width - (hasNull ? 90 : 0)) / boxes));
  scale.colours.forEach((colour, i) => {
    legend
      .append("rect")
      .attr("x", i * boxWidth)
      .attr("y", top)
      .attr("width", boxWidth - 2)
      .attr("height", 10)
      .attr("fill", colour);
  });
  // Threshold labels sit between boxes; the ends say where the scale starts.
  legend
    .append("text")
    .attr("x", 0)
    .attr("y", top + 24)
    .text(format(0));
  scale.thresholds.forEach((t, i) => {
    legend
      .append("text")
      .attr("x", (i + 1) * boxWidth - 1)
      .attr("y", top + 24)
      .attr("text-anchor", "middle")
      .text(format(t));
  });
  if (hasNull) {
    const nx = boxes * boxWidth + 16;
    legend
      .append("rect")
      .attr("x", nx)
      .attr("y", top)
      .attr("width", 14)
      .attr("height", 10)
      .attr("fill", NULL_FILL)
      .attr("stroke", "#adb5bd");
    legend
      .append("text")
      .attr("x", nx + 18)
      .attr("y", top + 9)
      .text("non publié");
  }
}

function attachTooltip<V extends ChoroplethValue>(
  figure: HTMLElement,
  communes: d3.Selection<SVGAElement, CommuneFeature, SVGGElement, undefined>,
  byCode: Map<string, V>,
  tooltipOf: () => ChoroplethOptions<V>["tooltip"]
): void {
  if (!tooltipOf()) return;
  const box = el("div", {class: "map-tooltip", role: "status", hidden: true});
  figure.append(box);
  let touch = false;
  // The commune a finger last tapped: a second tap on it follows the link.
  let tapped: string | null = null;
  const show = (feature: CommuneFeature, x: number, y: number) => {
    const tooltip = tooltipOf();
    if (!tooltip) return;
    box.replaceChildren(
      ...tooltip(feature.properties, byCode.get(feature.properties.code)).map((line) => el("div", {}, line))
    );
    box.hidden = false;
    const bounds = figure.getBoundingClientRect();
    const left = Math.min(Math.max(x - bounds.left + 12, 4), bounds.width - box.offsetWidth - 4);
    const top =
      y - bounds.top + 16 + box.offsetHeight > bounds.height
        ? y - bounds.top - box.offsetHeight - 12
        : y - bounds.top + 16;
    box.style.left = `${left}px`;
    box.style.top = `${Math.max(top, 4)}px`;
  };
  const hide = () => {
    box.hidden = true;
  };
  communes
    .on("pointerdown", (event: PointerEvent) => {
      touch = event.pointerType === "touch";
    })
    .on("pointermove", (event: PointerEvent, f) => show(f, event.clientX, event.clientY))
    .on("pointerleave", () => !touch && hide())
    .on("focus", function (_event, f) {
      const r = (this as SVGAElement).getBoundingClientRect();
      show(f, r.left + r.width / 2, r.top + r.height / 2);
    })
    .on("blur", () => !touch && hide())
    .on("click", (event: MouseEvent, f) => {
      // On a touch screen the first tap shows the figures; a second tap on the same commune opens it.
      if (touch && tapped !== f.properties.code) {
        event.preventDefault();
        tapped = f.properties.code;
        show(f, event.clientX, event.clientY);
      }
    });
}
