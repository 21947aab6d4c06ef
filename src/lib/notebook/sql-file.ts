// A notebook as a .sql file that any SQL tool can open: cells separated by a comment line
// `-- %% cellule`, a non-default chart on the line after it. Reading it back gives the same
// notebook; a plain .sql file without separators is one cell.
import {AUTO, type ChartChoice, type NotebookDocument, NotebookFormatError, parseNotebook} from "./notebook.js";

export const CELL_SEPARATOR = "-- %% cellule";
const SEPARATOR_LINE = /^--\s*%%\s*cellule\b.*$/i;
const CHART_LINE = /^--\s*graphique\s*:\s*(.*)$/i;

const HEADER = [
  "-- Carnet SQL de l'Observatoire MNO (explorateur : /explorer).",
  "-- Chaque cellule commence par la ligne « -- %% cellule ». Ouvrez ce fichier dans l'explorateur",
  "-- avec « Ouvrir un fichier .sql » pour retrouver le carnet."
];

export function formatNotebookFile(doc: NotebookDocument): string {
  const parts = doc.cells.map(({sql, chart}) => {
    const lines = [CELL_SEPARATOR];
    if (chart.kind !== "auto") lines.push(`-- graphique: ${JSON.stringify(chart)}`);
    lines.push(sql.replace(/\s+$/, ""));
    return lines.join("\n");
  });
  return [...HEADER, "", parts.join("\n\n")].join("\n") + "\n";
}

function chartFrom(text: string): ChartChoice {
  try {
    return parseNotebook({cells: [{sql: "", chart: JSON.parse(text)}]}).cells[0].chart;
  } catch {
    return AUTO;
  }
}

export function parseNotebookFile(text: string): NotebookDocument {
  const lines = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
  const starts = lines.flatMap((line, i) => (SEPARATOR_LINE.test(line.trim()) ? [i] : []));
  if (starts.length === 0) {
    const sql = lines.join("\n").trim();
    if (!sql) throw new NotebookFormatError("le fichier est vide");
    return parseNotebook({cells: [{sql}]});
  }
  const cells = starts.map((start, k) => {
    const body = lines.slice(start + 1, starts[k + 1] ?? lines.length);
    let chart = AUTO;
    const chartLine = body.length ? CHART_LINE.exec(body[0].trim()) : null;
    if (chartLine) {
      chart = chartFrom(chartLine[1]);
      body.shift();
    }
    return {sql: body.join("\n").replace(/^\s*\n/, "").replace(/\s+$/, ""), chart};
  });
  return parseNotebook({cells});
}
