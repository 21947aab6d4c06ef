// The data contract (docs/data-contract.md): the tables the site publishes, their columns and SQL types.
// Everything that writes or reads these tables takes the column lists from here.

import type {Programme} from "./programmes.js";

export type {Programme};
export type Status = "publie" | "derive";

/** One published (or derived) figure of an activity report: a row of `indicators.parquet`. */
export interface IndicatorRow {
  report_year: number;
  year: number;
  programme: Programme;
  section: string;
  indicator: string;
  label: string;
  commune_code: string | null;
  dimension: string | null;
  category: string | null;
  value: number;
  unit: string;
  status: Status;
  derivation: string | null;
  quote: string;
}

/** One of the ten communes: a row of `communes.parquet`. */
export interface CommuneRow {
  code: string;
  nom: string;
  population: number;
  population_year: number;
  area_km2: number;
  lon: number;
  lat: number;
}

export type SqlType = "INTEGER" | "VARCHAR" | "DOUBLE";

export interface ColumnSchema<Row> {
  name: keyof Row & string;
  type: SqlType;
  nullable: boolean;
  /** What the column holds, in French: written into the Parquet file's metadata and shown on /donnees. */
  description: string;
}

export interface TableSchema<Row> {
  name: string;
  /** What one row is, in French (the Parquet file's metadata, /donnees). */
  description: string;
  columns: ColumnSchema<Row>[];
  /** Rows are written in this order: the queries filter on these columns (README.md, « A national deployment »). */
  orderBy: (keyof Row & string)[];
}

export const indicatorsTable: TableSchema<IndicatorRow> = {
  name: "indicators",
  description:
    "Un chiffre d'une édition du rapport d'activité : publié tel qu'imprimé, " +
    "ou calculé à partir du rapport avec sa formule.",
  columns: [
    {
      name: "report_year",
      type: "INTEGER",
      nullable: false,
      description: "Édition du rapport d'activité qui publie ou calcule le chiffre (son année)."
    },
    {
      name: "year",
      type: "INTEGER",
      nullable: false,
      description:
        "Année que le chiffre décrit : celle de l'édition ; l'année précédente pour une comparaison, " +
        "un stock au 31 décembre ou un niveau déduit d'une évolution ; l'année du recensement pour une population."
    },
    {
      name: "programme",
      type: "VARCHAR",
      nullable: false,
      description: "Programme du rapport : territoire, mde (Maison de l'Emploi), plie, mission_locale, association."
    },
    {
      name: "section",
      type: "VARCHAR",
      nullable: false,
      description: "Section du rapport qui publie le chiffre, dans son programme."
    },
    {
      name: "indicator",
      type: "VARCHAR",
      nullable: false,
      description: "Identifiant stable de l'indicateur (programme.nom), le même d'une édition à l'autre."
    },
    {name: "label", type: "VARCHAR", nullable: false, description: "Libellé de l'indicateur dans l'édition."},
    {
      name: "commune_code",
      type: "VARCHAR",
      nullable: true,
      description: "Code INSEE de la commune ; vide pour l'ensemble du territoire."
    },
    {
      name: "dimension",
      type: "VARCHAR",
      nullable: true,
      description: "Axe de ventilation (sexe, âge, public, secteur, territoire…) ; vide pour un total."
    },
    {
      name: "category",
      type: "VARCHAR",
      nullable: true,
      description: "Catégorie de la ventilation (hommes, femmes, moins de 26 ans…) ; vide pour un total."
    },
    {
      name: "value",
      type: "DOUBLE",
      nullable: false,
      description: "Valeur du chiffre ; les pourcentages comme imprimés, de 0 à 100."
    },
    {
      name: "unit",
      type: "VARCHAR",
      nullable: false,
      description: "Unité de la valeur (participants, pourcent, euros, heures, evolution_pct…)."
    },
    {
      name: "status",
      type: "VARCHAR",
      nullable: false,
      description: "publie : imprimé dans le rapport ; derive : calculé à partir du rapport (voir derivation)."
    },
    {
      name: "derivation",
      type: "VARCHAR",
      nullable: true,
      description: "Formule d'une valeur calculée ; vide pour une valeur publiée."
    },
    {
      name: "quote",
      type: "VARCHAR",
      nullable: false,
      description: "Passage du rapport qui publie le chiffre, ou dont il est calculé."
    }
  ],
  orderBy: ["indicator", "year", "commune_code", "dimension", "category"]
};

export const communesTable: TableSchema<CommuneRow> = {
  name: "communes",
  description: "Une des dix communes du territoire : population légale, superficie et centre.",
  columns: [
    {name: "code", type: "VARCHAR", nullable: false, description: "Code INSEE de la commune."},
    {name: "nom", type: "VARCHAR", nullable: false, description: "Nom de la commune."},
    {
      name: "population",
      type: "INTEGER",
      nullable: false,
      description: "Population municipale (INSEE, populations légales)."
    },
    {
      name: "population_year",
      type: "INTEGER",
      nullable: false,
      description: "Année du recensement de la population municipale."
    },
    {
      name: "area_km2",
      type: "DOUBLE",
      nullable: false,
      description: "Superficie en km², calculée à partir des contours (projection ETRS89-LAEA)."
    },
    {
      name: "lon",
      type: "DOUBLE",
      nullable: false,
      description: "Longitude du centre de la commune (WGS 84, degrés décimaux)."
    },
    {
      name: "lat",
      type: "DOUBLE",
      nullable: false,
      description: "Latitude du centre de la commune (WGS 84, degrés décimaux)."
    }
  ],
  orderBy: ["code"]
};

/** One indicator of one edition, with its place in the report: a row of `catalog.parquet`. */
export interface CatalogRow {
  report_year: number;
  indicator: string;
  programme: Programme;
  section: string;
  /** Order of the indicator's first figure in the report (1 = first). */
  position: number;
  /** Order of the section within its programme (1 = first). */
  section_position: number;
}

export const catalogTable: TableSchema<CatalogRow> = {
  name: "catalog",
  description: "Un indicateur d'une édition, avec sa place dans le rapport (pour l'ordre des pages).",
  columns: [
    {name: "report_year", type: "INTEGER", nullable: false, description: "Édition du rapport d'activité."},
    {name: "indicator", type: "VARCHAR", nullable: false, description: "Identifiant stable de l'indicateur."},
    {name: "programme", type: "VARCHAR", nullable: false, description: "Programme du rapport qui publie l'indicateur."},
    {name: "section", type: "VARCHAR", nullable: false, description: "Section du rapport qui publie l'indicateur."},
    {
      name: "position",
      type: "INTEGER",
      nullable: false,
      description: "Rang du premier chiffre de l'indicateur dans l'édition (1 = le premier)."
    },
    {
      name: "section_position",
      type: "INTEGER",
      nullable: false,
      description: "Rang de la section dans son programme (1 = la première)."
    }
  ],
  orderBy: ["report_year", "position"]
};
