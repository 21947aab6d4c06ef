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
-- Participants du PLIE de la dernière édition, sa dernière année, et population (INSEE), commune par commune
SELECT c.nom, i.value AS participants, c.population, i.year AS annee
FROM indicators AS i
JOIN communes AS c ON c.code = i.commune_code
WHERE i.indicator = 'plie.participants' AND i.report_year = (SELECT max(report_year) FROM indicators)
  AND i.commune_code IS NOT NULL AND i.dimension IS NULL
QUALIFY i.year = max(i.year) OVER ()
`),
      jsCell(`
// Arquero : le taux pour 1\u202f000 habitants, du plus fort au plus faible
const taux = participants_aq
  .derive({pour_1000: (d) => op.round((100000 * d.participants) / d.population) / 100})
  .orderby(aq.desc("pour_1000"));
`),
      jsCell(`
Plot.plot({
  width, // la largeur de la cellule : le graphique la suit quand la fenêtre change
  marginLeft: 120,
  x: {label: "Participants pour 1\u202f000 habitants", grid: true},
  y: {label: null},
  marks: [
    Plot.barX(taux.objects(), {x: "pour_1000", y: "nom", sort: {y: "-x"}, fill: "#2a6f97"}),
    Plot.ruleX([0])
  ]
})
`),
      mdCell(`
**\${taux.get("nom", 0)}** compte le plus de participants au PLIE rapportés à sa population :
\${taux.get("pour_1000", 0)} pour 1\u202f000 habitants
(\${taux.get("participants", 0)} participants en \${String(taux.get("annee", 0))}),
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
WHERE i.indicator = 'plie.participants' AND i.report_year = (SELECT max(report_year) FROM indicators)
  AND i.dimension IS NULL AND i.value >= \${seuil}
QUALIFY i.year = max(i.year) OVER ()
ORDER BY participants DESC
`),
      mdCell(
        `\${communes_retenues.length} communes comptent au moins \${seuil} participants au PLIE ` +
          "dans la dernière édition du rapport."
      )
    )
  },
  {
    id: "programmes",
    title: "Les chiffres du rapport par programme",
    description: "Combien de chiffres chaque programme publie dans la dernière édition, et combien sont calculés.",
    notebook: cells(`
SELECT programme,
       count(*) AS chiffres,
       count(*) FILTER (WHERE status = 'publie') AS publies,
       count(*) FILTER (WHERE status = 'derive') AS calcules
FROM indicators
WHERE report_year = (SELECT max(report_year) FROM indicators)
GROUP BY programme
ORDER BY chiffres DESC
`)
  },
  {
    id: "evolution",
    title: "Ce qui a changé d'une année à l'autre",
    description:
      "Les indicateurs publiés sur plusieurs années, toutes éditions confondues (une valeur par année, " +
      "l'imprimée avant la calculée), en courbe puis en évolution.",
    notebook: cells(
      `
-- name: series
-- Une valeur par année : l'imprimée, sinon la calculée
SELECT label, year, round(value) AS valeur, status
FROM indicators
WHERE indicator IN ('mission_locale.entretiens', 'territoire.demandeurs_emploi')
  AND commune_code IS NULL AND dimension IS NULL
QUALIFY row_number() OVER (PARTITION BY indicator, year
  ORDER BY status = 'publie' DESC, report_year DESC) = 1
ORDER BY label, year
`,
      `
-- L'évolution sur l'année précédente, en %
SELECT label, year, round(100 * (valeur / prec - 1), 1) AS evolution_pct
FROM (SELECT *, lag(valeur) OVER (PARTITION BY label ORDER BY year) AS prec FROM series)
WHERE prec IS NOT NULL
ORDER BY label, year
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
  AND report_year = (SELECT max(report_year) FROM indicators)
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
