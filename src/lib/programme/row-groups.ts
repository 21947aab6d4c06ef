// The drill-down's « Toutes les valeurs », in groups a reader tells apart: the territory as a whole
// (with its printed evolution), one group per breakdown axis (« sexe : femmes »), then the communes.
import type {IndicatorRowDetail} from "../queries/index.js";

export interface RowGroup {
  /** « territoire », « dimension:sexe », « communes » (stable, for tests). */
  key: string;
  title: string;
  rows: IndicatorRowDetail[];
}

export function rowGroups(rows: IndicatorRowDetail[]): RowGroup[] {
  const territory = rows.filter((r) => r.commune_code === null && r.dimension === null);
  const communes = rows.filter((r) => r.commune_code !== null);
  const parts = rows.filter((r) => r.commune_code === null && r.dimension !== null);
  const groups: RowGroup[] = [];
  if (territory.length) groups.push({key: "territoire", title: "Ensemble du territoire", rows: territory});
  for (const dimension of [...new Set(parts.map((r) => r.dimension!))]) {
    groups.push({
      key: `dimension:${dimension}`,
      title: `Selon ${dimension}`,
      rows: parts.filter((r) => r.dimension === dimension)
    });
  }
  if (communes.length) groups.push({key: "communes", title: "Par commune", rows: communes});
  return groups;
}
