// The catalogue of indicators: where each one comes in the report, so that pages present
// programmes, sections and figures in the report's own order (indicators.parquet is sorted by
// indicator for fast filtering, which loses that order).
import type {CatalogRow, IndicatorRow} from "../schema.js";

/** Rows in file order → one catalogue row per (edition, indicator). */
export function buildCatalog(rows: IndicatorRow[]): CatalogRow[] {
  const catalog = new Map<string, CatalogRow>();
  const sections = new Map<string, number>();
  for (const row of rows) {
    const sectionKey = `${row.report_year}|${row.programme}|${row.section}`;
    if (!sections.has(sectionKey)) {
      const inProgramme = [...sections.keys()].filter((k) => k.startsWith(`${row.report_year}|${row.programme}|`)).length;
      sections.set(sectionKey, inProgramme + 1);
    }
    const key = `${row.report_year}|${row.indicator}`;
    if (catalog.has(key)) continue;
    const position = [...catalog.values()].filter((c) => c.report_year === row.report_year).length + 1;
    catalog.set(key, {
      report_year: row.report_year,
      indicator: row.indicator,
      programme: row.programme,
      section: row.section,
      position,
      section_position: sections.get(sectionKey)!
    });
  }
  return [...catalog.values()];
}
