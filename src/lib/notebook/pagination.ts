// Large results are shown a page at a time; the table never holds more than a page of rows.
import {formatNumber} from "../format.js";

export const PAGE_SIZE = 50;

export interface PageView {
  page: number;
  pages: number;
  start: number;
  end: number;
  hasPrevious: boolean;
  hasNext: boolean;
  /** « Lignes 51 à 100 sur 1 000 » */
  label: string;
}

export function pageView(total: number, page: number, size = PAGE_SIZE): PageView {
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const start = current * size;
  const end = Math.min(total, start + size);
  const label =
    total === 0
      ? "Aucune ligne"
      : `Lignes ${formatNumber(start + 1)} à ${formatNumber(end)} sur ${formatNumber(total)}`;
  return {page: current, pages, start, end, hasPrevious: current > 0, hasNext: current < pages - 1, label};
}

/** « 1 ligne », « 333 lignes », « 12 ms », « 1,2 s ». */
export function rowCountLabel(count: number): string {
  return `${formatNumber(count)} ligne${count > 1 ? "s" : ""}`;
}

export function durationLabel(ms: number): string {
  return ms < 1000
    ? `${formatNumber(Math.max(ms, 0), ms < 10 ? 1 : 0)}\u202fms`
    : `${formatNumber(ms / 1000, 1)}\u202fs`;
}
