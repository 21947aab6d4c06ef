// What the « Exporter » menu of an explorer chart exports (src/components/export/toolbar.ts, the
// site's menu): the rows as drawn (the chart's categories and values, not the whole result), what
// they are (bars and lines become native PowerPoint charts; several series and the commune map
// are pictures) and the texts of the exported figure. Pure, so that Node tests check it.
import type {ChartSpec} from "./chart-suggest.js";
import {barData, communeData, lineData} from "./chart-data.js";
import {slugify} from "../text.js";

type Row = Record<string, unknown>;
export type ExportRow = Record<string, string | number | null>;

export interface ChartExport {
  rows: ExportRow[];
  figure: {kind: "bar" | "line" | "image"; label: string; value: string; order?: string[]};
  meta: {title: string; subtitle: string; unit: string; date: string; fileBase: string};
}

export interface ChartExportContext {
  /** The cell's place in the notebook (« cellule 2 »). */
  position: number;
  /** The chart's sentence (its caption). */
  caption: string;
  communeNames: Map<string, string>;
  /** The newest edition: the data's year when the rows do not say theirs. */
  latest: number;
  /** The line chart's x axis holds dates (epoch milliseconds), not years. */
  isDate?: boolean;
}

const YEAR_COLUMNS = ["annee", "edition", "year"];

/** The years the rows describe, when they have a year column: « 2022 », « 2020–2022 ». */
export function dataYears(rows: Row[], latest: number): string {
  const column = YEAR_COLUMNS.find((c) => rows.some((r) => typeof r[c] === "number"));
  const years = column ? rows.map((r) => r[column]).filter((v): v is number => Number.isInteger(v)) : [];
  if (!years.length) return String(latest);
  const [min, max] = [Math.min(...years), Math.max(...years)];
  return min === max ? String(min) : `${min}–${max}`;
}

export function chartExport(spec: ChartSpec, rows: Row[], context: ChartExportContext): ChartExport {
  const {position, caption, communeNames, latest, isDate} = context;
  const title = caption.charAt(0).toUpperCase() + caption.slice(1);
  const meta = {
    title,
    subtitle: `Explorateur, cellule ${position}`,
    unit: spec.y,
    date: dataYears(rows, latest),
    fileBase: `explorateur-cellule-${position}-${slugify(`${spec.y}-${spec.x}`) || "graphique"}`
  };
  if (spec.kind === "bar") {
    const {data} = barData(rows, spec);
    return {
      rows: data.map((d) => ({[spec.x]: d.x, [spec.y]: d.y})),
      figure: {kind: "bar", label: spec.x, value: spec.y, order: data.map((d) => d.x)},
      meta
    };
  }
  if (spec.kind === "line") {
    const {data} = lineData(rows, spec);
    const label = (x: number) => (isDate ? new Date(x).toISOString().slice(0, 10) : String(x));
    return {
      rows: data.map((d) => ({
        [spec.x]: label(d.x),
        ...(spec.series ? {[spec.series]: d.series} : {}),
        [spec.y]: d.y
      })),
      // One line is a native chart; several are the picture (the slide's chart has one series).
      figure: {kind: spec.series ? "image" : "line", label: spec.x, value: spec.y},
      meta
    };
  }
  const {data} = communeData(rows, spec, communeNames);
  return {
    rows: data.map((d) => ({code_insee: d.code, commune: d.nom, [spec.y]: d.value})),
    figure: {kind: "image", label: "commune", value: spec.y},
    meta
  };
}
