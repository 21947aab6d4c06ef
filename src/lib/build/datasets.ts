// The site's datasets, read from data/ with every check applied: what the loaders publish and what
// tests and build-time rendering query.
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import {readCommunes} from "./communes.js";
import {readTerritory} from "./geometry.js";
import {projectTerritory} from "../map/planar-territory.js";
import type {Territory} from "../territory.js";
import {listEditions, readReports} from "./reports.js";
import type {EditionInfo} from "../editions.js";
import {buildCatalog} from "./catalog.js";
import {
  type CatalogRow,
  type CommuneRow,
  type IndicatorRow,
  catalogTable,
  communesTable,
  indicatorsTable
} from "../schema.js";
import {type TableData} from "./warehouse.js";

/** The project folder (this file is src/lib/build/datasets.ts). */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "../../..");

export interface DataPaths {
  root: string;
  communes: string;
  reports: string;
}

/** Where data/ is read from: the project, or MNO_DATA_ROOT (tests point it at corrupted copies). */
export function dataPaths(root = process.env.MNO_DATA_ROOT || projectRoot): DataPaths {
  return {root, communes: join(root, "data/communes"), reports: join(root, "data/reports")};
}

function show(paths: DataPaths, file: string): [string, string] {
  return [file, relative(paths.root, file)];
}

export function loadCommunes(paths = dataPaths()): CommuneRow[] {
  return readCommunes(...show(paths, join(paths.communes, "communes.csv")));
}

export function loadIndicators(paths = dataPaths(), communes = loadCommunes(paths)): IndicatorRow[] {
  return readReports(paths.reports, new Set(communes.map((c) => c.code)), paths.root);
}

/** The shapes, checked and projected into the plane the maps draw in. */
export function loadTerritory(paths = dataPaths(), communes = loadCommunes(paths)): Territory {
  const geo = readTerritory(
    {
      communes: show(paths, join(paths.communes, "mno-communes.geojson")),
      context: show(paths, join(paths.communes, "mno-context.geojson"))
    },
    new Set(communes.map((c) => c.code))
  );
  return projectTerritory(geo);
}

export interface Tables {
  indicators: TableData<IndicatorRow>;
  communes: TableData<CommuneRow>;
  catalog: TableData<CatalogRow>;
}

/** Every table, as the browser registers them. */
export function loadTables(paths = dataPaths()): Tables {
  const communes = loadCommunes(paths);
  const indicators = loadIndicators(paths, communes);
  return {
    communes: {schema: communesTable, rows: communes},
    indicators: {schema: indicatorsTable, rows: indicators},
    catalog: {schema: catalogTable, rows: buildCatalog(indicators)}
  };
}

/** Every table of `loadTables`, as a list (to load them all into a warehouse). */
export function tableList(tables: Tables): TableData<any>[] {
  return [tables.indicators, tables.communes, tables.catalog];
}

/** The editions under data/reports and the communes' census year, for the pages' head and footer. */
export function loadEditionInfo(paths = dataPaths(), communes = loadCommunes(paths)): EditionInfo {
  const {years} = listEditions(paths.reports, paths.root);
  return {
    editions: years,
    latest: years[years.length - 1] ?? 0,
    populationYear: Math.max(...communes.map((c) => c.population_year))
  };
}
