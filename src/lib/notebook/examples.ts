// Example notebooks, one click away on /explorer: each answers a question an analyst asks of the
// report, and shows a feature (SQL, JavaScript and Markdown together, a view driving a query, a
// named result, a map, a line, bars).
import {type NotebookCell, type NotebookDocument, jsCell, mdCell, sqlCell} from "./notebook.js";

export interface ExampleNotebook {
  id: string;
  title: string;
  description: string;
  notebook: NotebookDocument;
}

const cells = (...sql: string[]): NotebookDocument => ({cells: sql.map((s) => sqlCell(s.trim()))});
const mixed = (...cells: NotebookCell[]): NotebookDocument => ({
  cells: cells.map((c) => ({...c, source: c.source.trim()}))
});

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
    description: "SQL, puis Arquero et Plot en JavaScript, puis une phrase en Markdown qui suit les chiffres.",
    notebook: mixed(
      sqlCell(`
-- name: participants
-- Participants du PLIE en 2022 et population (INSEE, recensement 2020), commune par commune
SELECT c.nom, i.value AS participants, c.population
FROM indicators AS i
JOIN communes AS c ON c.code = i.commune_code
WHERE i.indicator = 'plie.participants' AND i.year = 2022
  AND i.commune_code IS NOT NULL AND i.dimension IS NULL
`),
      jsCell(`
// Arquero : le taux pour 1 000 habitants, du plus fort au plus faible
const taux = participants_aq
  .derive({pour_1000: (d) => op.round((100000 * d.participants) / d.population) / 100})
  .orderby(aq.desc("pour_1000"));
`),
      jsCell(`
Plot.plot({
  marginLeft: 120,
  x: {label: "Participants pour 1 000 habitants", grid: true},
  y: {label: null},
  marks: [
    Plot.barX(taux.objects(), {x: "pour_1000", y: "nom", sort: {y: "-x"}, fill: "#2a6f97"}),
    Plot.ruleX([0])
  ]
})
`),
      mdCell(`
**\${taux.get("nom", 0)}** compte le plus de participants au PLIE rapportés à sa population :
\${taux.get("pour_1000", 0)} pour 1 000 habitants (\${taux.get("participants", 0)} participants en 2022),
contre \${taux.get("pour_1000", taux.numRows() - 1)} à \${taux.get("nom", taux.numRows() - 1)}.
`)
    )
  },
  {
    id: "curseur",
    title: "Un curseur qui pilote une requête",
    description: "Un Inputs.range en JavaScript, dont la valeur entre dans le SQL comme paramètre ${seuil}.",
    notebook: mixed(
      jsCell(`const seuil = view(Inputs.range([0, 120], {label: "Au moins (participants)", step: 5, value: 40}));`),
      sqlCell(`
-- name: communes_retenues
-- \${seuil} est un paramètre : sa valeur est liée à la requête, jamais collée dans le texte
SELECT c.nom, i.value AS participants
FROM indicators AS i
JOIN communes AS c ON c.code = i.commune_code
WHERE i.indicator = 'plie.participants' AND i.year = 2022
  AND i.dimension IS NULL AND i.value >= \${seuil}
ORDER BY participants DESC
`),
      mdCell(`\${communes_retenues.length} communes comptent au moins \${seuil} participants au PLIE en 2022.`)
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
SELECT label, year, round(value) AS valeur,
       CASE status WHEN 'publie' THEN 'publié' WHEN 'derive' THEN 'calculé' ELSE status END AS statut
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
