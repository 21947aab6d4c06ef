// The commune map: the ten communes coloured by a rate or a share, or a circle per commune whose
// area is proportional to a count (a count is never painted as colours; its change between two
// years is, on a diverging scale centred on 0, as are changes of rates and shares), or shapes only (before
// values arrive, or one commune highlighted as a locator), over the grey neighbouring communes with
// Lille named, with names, legend, scale bar and north arrow — one SVG, so that it exports as drawn.
// Every commune is a link with an accessible name; hovering, focusing or tapping shows a tooltip.
import * as d3 from "npm:d3";
import {el} from "../ui/dom.js";
import {formatNumber} from "../../lib/format.js";
import {communeHref} from "../../lib/routes.js";
import {type LabelCandidate, placeLabels} from "../../lib/map/label-placement.js";
import {fitProjection, scaleBar} from "../../lib/map/projection.js";
import {legendValues, maxRadius, radiusScale} from "../../lib/map/symbols.js";
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
  /** Counts: a circle per commune, area ∝ value, with a size legend, instead of colours. */
  symbols?: boolean;
  /** A commune picked out on a value map (outline and name on top), e.g. from `?commune=`. */
  selected?: string | null;
  /** Changes: a diverging scale centred on 0 (falls in orange, rises in purple), with a signed legend. */
  diverging?: boolean;
}

/** What a redraw may change. */
export type ChoroplethChanges<V extends ChoroplethValue> = Pick<
  ChoroplethOptions<V>,
  "format" | "describe" | "tooltip" | "legendTitle" | "symbols" | "selected" | "diverging"
>;

const NULL_FILL = "#e9ecef";
const CONTEXT_FILL = "#eef0f2";
const CONTEXT_STROKE = "#c3c8cf";
const HIGHLIGHT_FILL = "#0b5cad";
// Counts: pale communes under blue circles, white-edged and a little transparent where they overlap.
const SYMBOL_BASE_FILL = "#e4e8ed";
const SYMBOL_FILL = "#1f63b4";
const SYMBOL_OPACITY = 0.72;
const SELECTED_STROKE = "#111111";

/** Colour classes on round thresholds: a sequential blue ramp (colour-blind safe), never white. */
export function colourScale(values: number[]): {
  thresholds: number[];
  colours: string[];
  /** The largest value: the last class's upper bound, labelled at the legend's end. */
  max: number;
  colour: (v: number) => string;
} {
  const max = d3.max(values) ?? 0;
  const thresholds = max > 0 ? d3.ticks(0, max, 5).filter((t) => t > 0 && t < max) : [];
  const colours = d3.quantize((t) => d3.interpolateBlues(0.18 + 0.77 * t), Math.max(2, thresholds.length + 1));
  const scale = d3.scaleThreshold<number, string>().domain(thresholds).range(colours);
  return {thresholds, colours, max, colour: (v) => scale(v)};
}

/**
 * A change's colour: a diverging ramp (PuOr, colour-blind safe; neither end reads as « good ») on a
 * domain symmetric around 0, so that equal rises and falls are equally strong; `ticks` label it.
 */
export function divergingScale(values: number[]): {extent: number; ticks: number[]; colour: (v: number) => string} {
  const largest = d3.max(values, Math.abs) ?? 0;
  const extent = largest > 0 ? d3.nice(0, largest, 4)[1] : 1;
  const scale = d3.scaleDiverging((t) => d3.interpolatePuOr(1 - t)).domain([-extent, 0, extent]);
  return {extent, ticks: [-extent, -extent / 2, 0, extent / 2, extent], colour: (v) => scale(v)};
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
  // Fit to the ten communes and to the centres of the named neighbours, so that « Lille » shows.
  const named = territory.context.features.filter((f) => namedContext.includes(f.properties.code));
  const plane = d3.geoPath();
  const extent = {
    type: "FeatureCollection",
    features: [
      ...territory.communes.features,
      ...named.map((f) => ({
        type: "Feature",
        properties: {},
        geometry: {type: "Point", coordinates: plane.centroid(f)}
      }))
    ]
  } as d3.ExtendedFeatureCollection;
  const {projection, height: mapHeight} = fitProjection(extent, width, {padding, maxHeight});
  const path = d3.geoPath(projection);
  const geometry: Geometry = {
    mapHeight,
    communePaths: territory.communes.features.map((f) => path(f) ?? ""),
    contextPaths: territory.context.features.map((f) => path(f) ?? ""),
    outline: path({type: "FeatureCollection", features: territory.communes.features} as never) ?? "",
    anchors: territory.communes.features.map((f) => {
      const [x, y] = path.centroid(f);
      const [[x0], [x1]] = path.bounds(f);
      return {code: f.properties.code, nom: f.properties.nom, x, y, priority: path.area(f), span: x1 - x0};
    }),
    named: named.map((f) => {
      const [x, y] = path.centroid(f);
      return {nom: f.properties.nom, x, y};
    }),
    bar: scaleBar(projection.scale() * territory.unitsPerKm, width)
  };
  cache.set(key, geometry);
  return geometry;
}

/** A drawn map whose values can change without redrawing its shapes. */
export interface ChoroplethElement<V extends ChoroplethValue> extends HTMLElement {
  /** Recolours the communes and redraws names, legend and tooltips for new values. */
  update(values: V[], options: ChoroplethChanges<V>): void;
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
  const largest = maxRadius(width, mapHeight);

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
  // A commune without a change (one of the two years missing): hatched, unlike any colour of the ramp.
  const hatch = `${clip}-hatch`;
  const pattern = svg
    .append("pattern")
    .attr("id", hatch)
    .attr("patternUnits", "userSpaceOnUse")
    .attr("width", 6)
    .attr("height", 6)
    .attr("patternTransform", "rotate(45)");
  pattern.append("rect").attr("width", 6).attr("height", 6).attr("fill", "#ffffff");
  pattern
    .append("line")
    .attr("x1", 0)
    .attr("y1", 0)
    .attr("x2", 0)
    .attr("y2", 6)
    .attr("stroke", "#9aa3ad")
    .attr("stroke-width", 2);
  const hatchFill = `url(#${hatch})`;
  const map = svg.append("g").attr("clip-path", `url(#${clip})`);
  map
    .append("g")
    .attr("class", "context")
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
    .attr("class", "outline")
    .attr("fill", "none")
    .attr("stroke", "#3b4754")
    .attr("stroke-width", 1.2)
    .attr("pointer-events", "none");
  // Circles of a count, largest first (at the bottom); they lead where their commune leads.
  const symbolLayer = map.append("g").attr("class", "symbols").attr("aria-hidden", "true");
  const selectionLayer = map.append("g").attr("class", "selection").attr("pointer-events", "none");
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
    const diverging = Boolean(values && current.diverging);
    const scale = colourScale(numeric);
    const changes = divergingScale(numeric);
    const symbols = Boolean(values && current.symbols && !diverging);
    const selected = highlight ? null : (current.selected ?? null);
    const fillOf = (code: string) => {
      if (highlight) return code === highlight ? HIGHLIGHT_FILL : "#d5dae0";
      if (!values) return "#dfe3e8";
      const v = byCode.get(code)?.value;
      if (v === null || v === undefined) return diverging ? hatchFill : NULL_FILL;
      return symbols ? SYMBOL_BASE_FILL : diverging ? changes.colour(v) : scale.colour(v);
    };
    communes.attr("aria-label", (f) => describe(f.properties, byCode.get(f.properties.code)));
    communes.attr("aria-current", (f) => (f.properties.code === selected ? "true" : null));
    shapes.attr("fill", (f) => fillOf(f.properties.code)).attr("data-fill", (f) => fillOf(f.properties.code));

    const radius = radiusScale(numeric, largest);
    const anchorOf = new Map(geometry.anchors.map((a) => [a.code, a]));
    const circles = symbols
      ? territory.communes.features
          .map((f) => ({feature: f, value: byCode.get(f.properties.code)?.value ?? null}))
          .filter((d): d is {feature: CommuneFeature; value: number} => d.value !== null && d.value > 0)
          .sort((a, b) => b.value - a.value)
      : [];
    symbolLayer
      .selectAll<SVGCircleElement, (typeof circles)[number]>("circle")
      .data(circles, (d) => d.feature.properties.code)
      .join("circle")
      .attr("class", "symbol")
      .attr("data-code", (d) => d.feature.properties.code)
      .attr("data-value", (d) => d.value)
      .attr("cx", (d) => anchorOf.get(d.feature.properties.code)!.x)
      .attr("cy", (d) => anchorOf.get(d.feature.properties.code)!.y)
      .attr("r", (d) => radius(d.value))
      .attr("fill", SYMBOL_FILL)
      .attr("fill-opacity", SYMBOL_OPACITY)
      .attr("stroke", "#ffffff")
      .attr("stroke-width", 1.2)
      .order();

    // The selected commune: a dark outline over a white one, so that it shows on any colour.
    selectionLayer.selectAll("*").remove();
    const selectedIndex = territory.communes.features.findIndex((f) => f.properties.code === selected);
    if (selectedIndex >= 0) {
      for (const [stroke, strokeWidth] of [
        ["#ffffff", 5],
        [SELECTED_STROKE, 2.5]
      ] as const) {
        selectionLayer
          .append("path")
          .attr("class", stroke === SELECTED_STROKE ? "selected-outline" : null)
          .attr("data-code", selected)
          .attr("d", geometry.communePaths[selectedIndex])
          .attr("fill", "none")
          .attr("stroke", stroke)
          .attr("stroke-width", strokeWidth)
          .attr("stroke-linejoin", "round");
      }
    }

    names.selectAll("*").remove();
    if (labels) {
      // The selected commune's name is placed first, so that it always shows.
      // A name would hide a small circle: it goes just under it instead.
      const anchors = geometry.anchors.map((a) => {
        const r = symbols ? radius(byCode.get(a.code)?.value ?? 0) : 0;
        const moved = r > 0 && r < fontSize ? {...a, y: a.y + r + fontSize * 0.75} : a;
        return a.code === selected ? {...moved, priority: Infinity} : moved;
      });
      for (const label of placeLabels(anchors, fontSize, width, mapHeight, {leaders: Boolean(values)})) {
        // A name sits on its commune's colour, or on a circle's blue where a circle is under it.
        const under =
          symbols && radius(byCode.get(label.code)?.value ?? 0) > fontSize ? SYMBOL_FILL : fillOf(label.code);
        // A hatched commune (a pattern, no colour) is light.
        const colour = d3.color(under);
        const dark = !label.leader && colour !== null && d3.hsl(colour).l < 0.55;
        if (label.leader) {
          const {x1, y1, x2, y2} = label.leader;
          names
            .append("line")
            .attr("x1", x1)
            .attr("y1", y1)
            .attr("x2", x2)
            .attr("y2", y2)
            .attr("stroke", "#3b4754")
            .attr("stroke-width", 1);
          names.append("circle").attr("cx", x1).attr("cy", y1).attr("r", 2).attr("fill", "#3b4754");
        }
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
          .attr("data-code", label.code)
          .attr("font-size", label.code === selected ? fontSize + 2 : null)
          .attr("font-weight", label.code === selected ? 800 : 600)
          .text(label.text);
      }
    }
    legend.selectAll("*").remove();
    let legendSize = values ? legendHeight : 0;
    if (values && symbols) {
      legendSize = drawSizeLegend(legend, radius, {
        max: d3.max(numeric) ?? 0,
        width: width - 24,
        title: current.legendTitle,
        format,
        hasNull: numeric.length < values.length
      });
    } else if (values && diverging) {
      legendSize = drawDivergingLegend(legend, changes, {
        width: width - 24,
        title: current.legendTitle,
        format,
        hasNull: numeric.length < values.length,
        hatchFill
      });
    } else if (values)
      legendSize = drawLegend(legend, scale, {
        width: width - 24,
        title: current.legendTitle,
        format,
        hasNull: numeric.length < values.length
      });
    // The size legend needs the height of its largest circle: the drawing grows or shrinks below the map.
    svg.attr("height", mapHeight + legendSize).attr("viewBox", `0 0 ${width} ${mapHeight + legendSize}`);
  };
  paint(options.values);

  const figure = el("div", {class: "choropleth"}) as unknown as ChoroplethElement<V>;
  figure.append(svg.node()!);
  attachTooltip(figure, communes, symbolLayer, byCode, () => current.tooltip, linkTo);
  figure.update = (values, changes) => {
    current = {...current, ...changes};
    paint(values);
  };
  return figure;
}

/**
 * A legend's title, on as many lines as the width needs (a phone's map is narrow): each line but the
 * last keeps its space, so that the text reads whole. Returns where the legend goes on below it.
 */
function legendTitleText(
  legend: d3.Selection<SVGGElement, undefined, null, undefined>,
  title: string | undefined,
  width: number
): number {
  if (!title) return 0;
  // About 7 px a character of 11 px bold type.
  const perLine = Math.max(20, Math.floor(width / 7));
  const lines: string[] = [];
  for (const word of title.split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] + word).length <= perLine) lines[last] += `${word} `;
    else lines.push(`${word} `);
  }
  const text = legend.append("text").attr("class", "legend-title").attr("font-weight", 600);
  lines.forEach((line, i) =>
    text
      .append("tspan")
      .attr("x", 0)
      .attr("y", 11 + i * 14)
      .text(i === lines.length - 1 ? line.trimEnd() : line)
  );
  return 18 + (lines.length - 1) * 14;
}

/** The size legend: nested reference circles at the map's scale, each with its value. Returns its height. */
function drawSizeLegend(
  legend: d3.Selection<SVGGElement, undefined, null, undefined>,
  radius: (value: number) => number,
  {
    max,
    width,
    title,
    format,
    hasNull
  }: {
    max: number;
    width: number;
    title?: string;
    format: (v: number) => string;
    hasNull: boolean;
  }
): number {
  const top = legendTitleText(legend, title, width);
  const references = legendValues(max, radius);
  const outer = references.length ? radius(references[0]) : 0;
  const cx = outer + 1;
  const base = top + 2 * outer + 2;
  const group = legend.append("g").attr("class", "size-legend");
  references.forEach((value, i) => {
    const r = radius(value);
    group
      .append("circle")
      .attr("cx", cx)
      .attr("cy", base - r)
      .attr("r", r)
      .attr("fill", i === 0 ? SYMBOL_FILL : "none")
      .attr("fill-opacity", i === 0 ? 0.18 : null)
      .attr("stroke", "currentColor")
      .attr("stroke-width", 1)
      .attr("data-value", value);
    // A leader from the top of each circle to its value, on the right.
    const y = base - 2 * r;
    group
      .append("path")
      .attr("d", `M${cx},${y}H${2 * outer + 12}`)
      .attr("stroke", "currentColor")
      .attr("stroke-width", 0.6)
      .attr("stroke-dasharray", "2,2");
    group
      .append("text")
      .attr("x", 2 * outer + 16)
      .attr("y", y + 4)
      .text(format(value));
  });
  // What the circles say, beside them where there is room, under them otherwise.
  const note = hasNull
    ? "Surface proportionnelle au nombre · sans cercle : non publié ou zéro"
    : "Surface proportionnelle au nombre";
  const beside = 2 * outer + 70 + note.length * 6 <= width;
  legend
    .append("text")
    .attr("class", "size-legend-note")
    .attr("x", beside ? 2 * outer + 70 : 0)
    .attr("y", beside ? base - 4 : base + 14)
    .text(note);
  return base + (beside ? 8 : 22);
}

/** The change legend: the ramp from the largest fall to the largest rise, signed ticks, words. Returns its height. */
function drawDivergingLegend(
  legend: d3.Selection<SVGGElement, undefined, null, undefined>,
  scale: ReturnType<typeof divergingScale>,
  {
    width,
    title,
    format,
    hasNull,
    hatchFill
  }: {width: number; title?: string; format: (v: number) => string; hasNull: boolean; hatchFill: string}
): number {
  const top = legendTitleText(legend, title, width);
  const ramp = Math.max(120, Math.min(320, width - (hasNull ? 140 : 0) - 16));
  const x = d3
    .scaleLinear()
    .domain([-scale.extent, scale.extent])
    .range([8, 8 + ramp]);
  const steps = 64;
  const group = legend.append("g").attr("class", "diverging-legend");
  for (let i = 0; i < steps; i++) {
    const v0 = -scale.extent + (2 * scale.extent * i) / steps;
    group
      .append("rect")
      .attr("x", x(v0))
      .attr("y", top)
      .attr("width", ramp / steps + 0.5)
      .attr("height", 10)
      .attr("fill", scale.colour(v0 + scale.extent / steps));
  }
  for (const t of scale.ticks) {
    group
      .append("path")
      .attr("d", `M${x(t)},${top + (t === 0 ? -2 : 10)}v${t === 0 ? 16 : 4}`)
      .attr("stroke", "currentColor")
      .attr("stroke-width", t === 0 ? 1.2 : 0.8);
    group
      .append("text")
      .attr("class", "tick")
      .attr("x", x(t))
      .attr("y", top + 25)
      .attr("text-anchor", "middle")
      .text(format(t));
  }
  group
    .append("text")
    .attr("x", 8)
    .attr("y", top + 39)
    .text("← baisse");
  group
    .append("text")
    .attr("x", 8 + ramp)
    .attr("y", top + 39)
    .attr("text-anchor", "end")
    .text("hausse →");
  if (hasNull) {
    legendKey(legend, 8 + ramp + 24, top, hatchFill, "non comparable");
  }
  return top + 46;
}

/** A legend's key for what has no colour of the scale (a swatch and its words). */
function legendKey(
  legend: d3.Selection<SVGGElement, undefined, null, undefined>,
  x: number,
  top: number,
  fill: string,
  label: string
): void {
  legend
    .append("rect")
    .attr("x", x)
    .attr("y", top)
    .attr("width", 14)
    .attr("height", 10)
    .attr("fill", fill)
    .attr("stroke", "#adb5bd");
  legend
    .append("text")
    .attr("x", x + 18)
    .attr("y", top + 9)
    .text(label);
}

interface LegendLabel {
  x: number;
  anchor: string;
  text: string;
  className?: string;
}

/** The least room between two of the legend's labels, in px. */
const LABEL_GAP = 6;

/**
 * Where a label of the legend's 11 px type spans, at the widths of DejaVu Sans (the widest of the
 * readers' likely fonts: digits 0.64 em): estimated, as the legend is drawn before it is shown.
 */
function labelSpan({x, anchor, text}: LegendLabel): [number, number] {
  const width = [...text].reduce((w, c) => w + (/\d/.test(c) ? 7 : /[,.\s]/.test(c) ? 3.5 : 7.7), 0);
  const left = anchor === "end" ? x - width : anchor === "middle" ? x - width / 2 : x;
  return [left, left + width];
}

function drawLegend(
  legend: d3.Selection<SVGGElement, undefined, null, undefined>,
  scale: ReturnType<typeof colourScale>,
  {width, title, format, hasNull}: {width: number; title?: string; format: (v: number) => string; hasNull: boolean}
): number {
  const top = legendTitleText(legend, title, width);
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
  // Threshold labels sit between boxes; the ends say where the scale starts and where it stops (the
  // last class ends at the largest value: without it, « 4 » would read as the top of the scale).
  // A threshold whose label would touch its neighbour's is left out, the two ends never.
  const start = {x: 0, anchor: "start", text: format(0)};
  const end =
    scale.max > (scale.thresholds.at(-1) ?? 0)
      ? {x: boxes * boxWidth - 2, anchor: "end", text: format(scale.max), className: "legend-max"}
      : null;
  const kept: LegendLabel[] = [start];
  scale.thresholds.forEach((t, i) => {
    const label = {x: (i + 1) * boxWidth - 1, anchor: "middle", text: format(t)};
    if (labelSpan(label)[0] - labelSpan(kept.at(-1)!)[1] < LABEL_GAP) return;
    if (end && labelSpan(end)[0] - labelSpan(label)[1] < LABEL_GAP) return;
    kept.push(label);
  });
  if (end) kept.push(end);
  for (const label of kept)
    legend
      .append("text")
      .attr("x", label.x)
      .attr("y", top + 24)
      .attr("text-anchor", label.anchor === "start" ? null : label.anchor)
      .attr("class", label.className ?? null)
      .text(label.text);
  if (hasNull) {
    legendKey(legend, boxes * boxWidth + 16, top, NULL_FILL, "non publié");
  }
  return top + 40;
}

function attachTooltip<V extends ChoroplethValue>(
  figure: HTMLElement,
  communes: d3.Selection<SVGAElement, CommuneFeature, SVGGElement, undefined>,
  symbolLayer: d3.Selection<SVGGElement, undefined, null, undefined>,
  byCode: Map<string, V>,
  tooltipOf: () => ChoroplethOptions<V>["tooltip"],
  linkTo: ((code: string) => string) | null
): void {
  if (!tooltipOf()) return;
  const box = el("div", {class: "map-tooltip", role: "status", hidden: true});
  figure.append(box);
  let touch = false;
  // The commune a finger last tapped: a second tap on it follows the link.
  let tapped: string | null = null;
  /** The commune under the pointer or the focus, and its circle, drawn as active. */
  const activate = (code: string | null) => {
    communes.classed("active", (f) => f.properties.code === code);
    symbolLayer.selectAll<SVGCircleElement, unknown>("circle").classed("active", function () {
      return this.dataset.code === code;
    });
  };
  const show = (feature: CommuneFeature, x: number, y: number, hint = false) => {
    const tooltip = tooltipOf();
    if (!tooltip) return;
    activate(feature.properties.code);
    box.replaceChildren(
      ...tooltip(feature.properties, byCode.get(feature.properties.code)).map((line) => el("div", {}, line)),
      ...(hint && linkTo ? [el("div", {class: "map-tooltip-hint"}, "Touchez à nouveau pour ouvrir la fiche")] : [])
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
    activate(null);
  };
  /** A click or a tap on a commune or its circle: on a touch screen the first tap shows the figures. */
  const select = (event: MouseEvent, f: CommuneFeature, circle: boolean) => {
    if (touch && tapped !== f.properties.code) {
      event.preventDefault();
      tapped = f.properties.code;
      show(f, event.clientX, event.clientY, true);
      return;
    }
    // A circle is not itself a link (its commune is, once, for the keyboard): it opens what its commune opens.
    if (circle && linkTo) {
      // In an embed, a link opens a new tab (src/components/embed/embed-frame.ts), never inside the iframe.
      if (document.documentElement.dataset.embed === "true")
        window.open(linkTo(f.properties.code), "_blank", "noopener");
      else location.assign(linkTo(f.properties.code));
    }
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
    .on("click", (event: MouseEvent, f) => select(event, f, false));
  const featureOf = (circle: SVGCircleElement) => communes.filter((f) => f.properties.code === circle.dataset.code);
  symbolLayer
    .on("pointerdown", (event: PointerEvent) => {
      touch = event.pointerType === "touch";
    })
    .on("pointermove", (event: PointerEvent) => {
      const target = event.target as Element;
      if (target instanceof SVGCircleElement) show(featureOf(target).datum(), event.clientX, event.clientY);
    })
    .on("pointerleave", () => !touch && hide())
    .on("click", (event: MouseEvent) => {
      const target = event.target as Element;
      if (!(target instanceof SVGCircleElement)) return;
      select(event, featureOf(target).datum(), true);
    });
}
