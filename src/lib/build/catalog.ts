// The catalogue of indicators: where each one comes in the report, so that pages present
// programmes, sections and figures in the report's own order (indicators.parquet is sorted by
// indicator for fast filtering, which loses that order).
import type {CatalogRow, IndicatorRow} from "../schema.js";

/** Rows in file order → one catalogue row per (edition, indicator). O(n): counters, no rescans. */
export function buildCatalog(rows: IndicatorRow[]): CatalogRow[] {
  const catalog = new Map<string, CatalogRow>();
  const sections = new Map<string, number>();
  const sectionsPerProgramme = new Map<string, number>();
  const indicatorsPerEdition = new Map<number, number>();
  for (const row of rows) {
    const programmeKey = JSON.stringify([row.report_year, row.programme]);
    const sectionKey = JSON.stringify([row.report_year, row.programme, row.section]);
    if (!sections.has(sectionKey)) {
      const inProgramme = (sectionsPerProgramme.get(programmeKey) ?? 0) + 1;
      sectionsPerProgramme.set(programmeKey, inProgramme);
      sections.set(sectionKey, inProgramme);
    }
    const key = JSON.stringify([row.report_year, row.indicator]);
    if (catalog.has(key)) continue;
    const position = (indicatorsPerEdition.get(row.report_year) ?? 0) + 1;
    indicatorsPerEdition.set(row.report_year, position);
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
