// Which editions of the report the site holds, and the sentences that name them (source lines,
// footer). The build reads them from data/ (src/lib/build/datasets.ts) and writes them into every
// page's head; the browser reads them back (src/components/ui/edition.ts): no page names a year.

export interface EditionInfo {
  /** The report's editions, oldest first. */
  editions: number[];
  /** The newest edition: what every page shows unless told otherwise. */
  latest: number;
  /** The census year of the communes' population (« RP2020 »). */
  populationYear: number;
}

/** The name of the `<meta>` that carries the editions in every page. */
export const EDITION_META = "mno-editions";

const ORGANISATION = "MDE Métropole Nord-Ouest";

/** « Source : rapport d’activité 2023, MDE Métropole Nord-Ouest » (exports, embeds). */
export function sourceLine(edition: number): string {
  return `Source : rapport d’activité ${edition}, ${ORGANISATION}`;
}

/** « les éditions 2021 à 2023 » / « l’édition 2023 ». */
export function editionsPhrase({editions}: Pick<EditionInfo, "editions">): string {
  if (editions.length <= 1) return `l’édition ${editions[0] ?? ""}`.trim();
  return `les éditions ${editions[0]} à ${editions[editions.length - 1]}`;
}

/** The content of the `<meta name="mno-editions">`: JSON of EditionInfo. */
export function editionMetaContent(info: EditionInfo): string {
  return JSON.stringify(info);
}

/** Reads the `<meta>` content back; null when it is missing or not what the build writes. */
export function parseEditionMeta(content: string | null | undefined): EditionInfo | null {
  if (!content) return null;
  try {
    const value = JSON.parse(content) as Partial<EditionInfo>;
    const years = Array.isArray(value.editions) ? value.editions.filter(Number.isInteger) : [];
    if (!years.length || !Number.isInteger(value.latest) || !Number.isInteger(value.populationYear)) return null;
    return {editions: years, latest: value.latest!, populationYear: value.populationYear!};
  } catch {
    return null;
  }
}
