// Example notebooks, one click away on /explorer: each answers a question an analyst asks of the
// report, and shows a feature (a named result, a map, a line, bars).
import {AUTO, type NotebookDocument} from "./notebook.js";

export interface ExampleNotebook {
  id: string;
  title: string;
  description: string;
  notebook: NotebookDocument;
}

const cells = (...sql: string[]): NotebookDocument => ({cells: sql.map((s) => ({sql: s.trim(), chart: AUTO}))});

export const DEFAULT_NOTEBOOK: NotebookDocument = cells(`
-- Écrivez une requête, puis « Exécuter » (Ctrl+Entrée).
SELECT programme, count(*) AS chiffres
FROM indicators
GROUP BY programme
ORDER BY chiffres DESC
`);

export const EXAMPLES: ExampleNotebook[] = [
  {
    id: "plie-pour-1000",
    title: "Participants PLIE pour 1\u202f000 habitants",
    description: "Un résultat nommé, rapporté à la population de chaque commune.",
    notebook: cells(
      `
-- name: participants
-- Participants du PLIE en 2022, commune par commune
SELECT commune_code, value AS participants
FROM indicators
WHERE indicator = 'plie.participants' AND year = 2022
  AND commune_code IS NOT NULL AND dimension IS NULL
`,
      `
-- Rapportés à la population (INSEE, recensement 2020)
SELECT p.commune_code, c.nom, p.participants, c.population,
       round(p.participants * 1000.0 / c.population, 2) AS pour_1000_habitants
FROM participants AS p
JOIN communes AS c ON c.code = p.commune_code
ORDER BY pour_1000_habitants DESC
`
    )
  },
  {
    id: "programmes",
    title: "Les chiffres du rapport par programme",
    description: "Combien de chiffres chaque programme publie, et combien sont calculés.",
    notebook: cells(`
SELECT programme,
       count(*) AS chiffres,
       count(*) FILTER (WHERE status = 'publie') AS publies,
       count(*) FILTER (WHERE status = 'derive') AS calcules
FROM indicators
GROUP BY programme
ORDER BY chiffres DESC
`)
  },
  {
    id: "evolution",
    title: "Ce qui a changé entre 2021 et 2022",
    description: "Les indicateurs publiés sur deux années, en courbe puis en évolution.",
    notebook: cells(
      `
-- name: series
SELECT label, year, round(value) AS valeur, status
FROM indicators
WHERE indicator IN ('mission_locale.entretiens', 'territoire.demandeurs_emploi')
  AND commune_code IS NULL AND dimension IS NULL
ORDER BY label, year
`,
      `
SELECT label,
       max(valeur) FILTER (WHERE year = 2021) AS en_2021,
       max(valeur) FILTER (WHERE year = 2022) AS en_2022,
       round(100 * (en_2022 / en_2021 - 1), 1) AS evolution_pct
FROM series
GROUP BY label
ORDER BY label
`
    )
  },
  {
    id: "sorties-secteur",
    title: "Sorties du PLIE vers l'emploi, par secteur",
    description: "Une répartition publiée par le rapport, en barres.",
    notebook: cells(`
SELECT category AS secteur, value AS sorties
FROM indicators
WHERE indicator = 'plie.sorties_emploi' AND dimension = 'secteur'
ORDER BY sorties DESC
`)
  },
  {
    id: "decouvrir",
    title: "Découvrir la table des indicateurs",
    description: "Un résumé de chaque colonne, puis les axes de ventilation.",
    notebook: cells(
      `SUMMARIZE indicators`,
      `
SELECT dimension, count(*) AS chiffres, list(DISTINCT category) AS categories
FROM indicators
WHERE dimension IS NOT NULL
GROUP BY dimension
ORDER BY chiffres DESC
`
    )
  }
];
