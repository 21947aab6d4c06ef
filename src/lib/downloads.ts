// The published files of /donnees: each table as Parquet and as CSV, under the hashed name Framework
// gives a file attachment (a new name at every change) and under a stable address that always holds
// the latest build (`/donnees/indicateurs.parquet`), which scripts/postbuild.ts copies at build time.

export interface Download {
  /** The file attachment, as the page names it (src/data/<loader>). */
  attachment: string;
  /** The stable name under /donnees/. */
  name: string;
  /** The table it holds (src/lib/schema.ts). */
  table: "indicators" | "communes" | "catalog";
  format: "parquet" | "csv";
  /** How the file is written (« Parquet, zstd »). */
  description: string;
}

/** What each table holds, for the download list. */
export const TABLE_TITLES: Record<Download["table"], {title: string; description: string}> = {
  indicators: {
    title: "Indicateurs",
    description: "toutes les valeurs de toutes les éditions, une ligne par chiffre, triées par indicateur et année"
  },
  communes: {title: "Communes", description: "les dix communes : code INSEE, nom, population, superficie, centre"},
  catalog: {title: "Catalogue", description: "l’ordre des indicateurs et des sections dans chaque édition du rapport"}
};

/** The folder of the stable addresses, beside the page /donnees. */
export const STABLE_FOLDER = "donnees";

export const DOWNLOADS: readonly Download[] = [
  {
    attachment: "data/indicators.parquet",
    name: "indicateurs.parquet",
    table: "indicators",
    format: "parquet",
    description: "Parquet, compressé en zstd"
  },
  {
    attachment: "data/indicateurs.csv",
    name: "indicateurs.csv",
    table: "indicators",
    format: "csv",
    description: "CSV : UTF-8, virgule, point décimal"
  },
  {
    attachment: "data/communes.parquet",
    name: "communes.parquet",
    table: "communes",
    format: "parquet",
    description: "Parquet, compressé en zstd"
  },
  {
    attachment: "data/communes.csv",
    name: "communes.csv",
    table: "communes",
    format: "csv",
    description: "CSV : UTF-8, virgule, point décimal"
  },
  {
    attachment: "data/catalog.parquet",
    name: "catalogue.parquet",
    table: "catalog",
    format: "parquet",
    description: "Parquet, compressé en zstd"
  },
  {
    attachment: "data/catalogue.csv",
    name: "catalogue.csv",
    table: "catalog",
    format: "csv",
    description: "CSV : UTF-8, virgule, point décimal"
  }
];

/** The stable address of a download, from the site's root: `/donnees/indicateurs.parquet`. */
export function stableHref(download: Pick<Download, "name">): string {
  return `/${STABLE_FOLDER}/${download.name}`;
}

/**
 * The name Framework gives a built attachment: `data/indicators.parquet` is written as
 * `_file/data/indicators.<8 hex>.parquet`. Returns the pattern of that name inside `_file/`.
 */
export function hashedNamePattern(attachment: string): RegExp {
  const slash = attachment.lastIndexOf("/");
  const dot = attachment.lastIndexOf(".");
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const folder = escape(attachment.slice(0, slash + 1));
  const base = escape(attachment.slice(slash + 1, dot));
  return new RegExp(`^${folder}${base}\\.[0-9a-f]{8}${escape(attachment.slice(dot))}$`);
}
