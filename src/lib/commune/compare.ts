// Communes side by side (/communes/comparer?communes=59636,59378): the URL's list read and checked
// (two to four known communes, errors in French), the figures the chosen communes all have, and the
// gaps said with their unit. Pure: used by the page and its tests alike.
import {formatGap, formatNumber} from "../format.js";
import type {CommuneProfileRow} from "../queries/index.js";

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;

/** « /communes/comparer?communes=59636,59378 » (commas kept readable). */
export function compareHref(codes: string[]): string {
  return codes.length ? `/communes/comparer?communes=${codes.map(encodeURIComponent).join(",")}` : "/communes/comparer";
}

export type CompareSelection = {codes: string[]} | {error: string; codes: string[]};

/**
 * The communes asked for, in the URL's order, duplicates dropped: an error naming what is wrong
 * (unknown codes, too few, too many) and the known codes, so that the page can offer to fix it.
 */
export function parseCompared(
  param: string | null | undefined,
  known: {code: string; nom: string}[]
): CompareSelection {
  const asked = [...new Set((param ?? "").split(/[\s,;]+/).filter(Boolean))];
  const codes = asked.filter((c) => known.some((k) => k.code === c));
  const unknown = asked.filter((c) => !codes.includes(c));
  if (unknown.length > 0) {
    const list = unknown.map((c) => `« ${c} »`).join(", ");
    return {
      error:
        `${unknown.length > 1 ? "Codes inconnus" : "Code inconnu"} : ${list}. ` +
        `Les codes INSEE des dix communes sont ${known.map((k) => `${k.code} (${k.nom})`).join(", ")}.`,
      codes
    };
  }
  if (codes.length < MIN_COMPARED) {
    return {
      error:
        `Choisissez au moins ${MIN_COMPARED} communes à comparer ` +
        `(${codes.length === 0 ? "aucune choisie" : "une seule choisie"}).`,
      codes
    };
  }
  if (codes.length > MAX_COMPARED) {
    return {
      error: `On compare au plus ${MAX_COMPARED} communes à la fois (${codes.length} demandées).`,
      codes: codes.slice(0, MAX_COMPARED)
    };
  }
  return {codes};
}

export interface ComparedFigure {
  indicator: string;
  label: string;
  programme: string;
  unit: string;
  year: number;
  /** One row per compared commune that has the figure, in the order asked. */
  rows: {code: string; nom: string; row: CommuneProfileRow}[];
  /** The territory's rate per 1 000 inhabitants (the same for every commune's row). */
  territoryRate: number;
}

/** The figures of the compared communes, one per indicator, in the profile's order. */
export function comparedFigures(profiles: {code: string; nom: string; rows: CommuneProfileRow[]}[]): ComparedFigure[] {
  const figures = new Map<string, ComparedFigure>();
  for (const {code, nom, rows} of profiles) {
    for (const row of rows) {
      if (row.indicator === "territoire.population") continue;
      let figure = figures.get(row.indicator);
      if (!figure) {
        figure = {
          indicator: row.indicator,
          label: row.label,
          programme: row.programme,
          unit: row.unit,
          year: row.year,
          rows: [],
          territoryRate: row.territory_rate
        };
        figures.set(row.indicator, figure);
      }
      figure.rows.push({code, nom, row});
    }
  }
  return [...figures.values()];
}

/** « −0,28 pour 1 000 habitants »: a gap of rates, with its unit. */
export function rateGapWords(gap: number): string {
  const text = formatGap(gap);
  return text === "0" ? "0 pour 1\u202f000 habitants (égal)" : `${text} pour 1\u202f000 habitants`;
}

/** « −3 points »: a gap of two percentages, in points. */
export function pointGapWords(gap: number): string {
  const rounded = Math.round(gap * 10) / 10;
  if (rounded === 0) return "0 point";
  const text = formatNumber(Math.abs(rounded), 1);
  return `${rounded > 0 ? "+" : "−"}${text} point${Math.abs(rounded) >= 2 ? "s" : ""}`;
}
