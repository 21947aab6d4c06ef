// A notebook as a .sql file that any SQL tool can open: cells separated by a comment line
// `-- %% cellule`, a non-default chart on the line after it. JavaScript and Markdown cells are
// `-- %% cellule javascript` / `-- %% cellule markdown`, their lines commented out (`-- `), so the
// file stays valid SQL. Reading it back gives the same notebook; a plain .sql file without
// separators is one cell.
import {
  AUTO,
  type CellKind,
  type ChartChoice,
  type NotebookCell,
  type NotebookDocument,
  NotebookFormatError,
  parseNotebook
} from "./notebook.js";

export const CELL_SEPARATOR = "-- %% cellule";
const SEPARATOR_LINE = /^--\s*%%\s*cellule\b\s*(\S*).*$/i;
const CHART_LINE = /^--\s*graphique\s*:\s*(.*)$/i;
const KIND_WORDS: Record<string, CellKind> = {
  "": "sql",
  sql: "sql",
  javascript: "js",
  js: "js",
  markdown: "md",
  md: "md"
};
const SEPARATORS: Record<CellKind, string> = {
  sql: CELL_SEPARATOR,
  js: `${CELL_SEPARATOR} javascript`,
  md: `${CELL_SEPARATOR} markdown`
};

const HEADER = [
  "-- Carnet de l'Observatoire MNO (explorateur : /explorer).",
  "-- Chaque cellule commence par la ligne « -- %% cellule » (SQL), « -- %% cellule javascript » ou",
  "-- « -- %% cellule markdown » (lignes en commentaire). Ouvrez ce fichier dans l'explorateur avec",
  "-- « Ouvrir un fichier » pour retrouver le carnet."
];

function formatCell({kind, source, chart}: NotebookCell): string {
  const lines = [SEPARATORS[kind]];
  const text = source.replace(/\s+$/, "");
  if (kind === "sql") {
    if (chart.kind !== "auto") lines.push(`-- graphique: ${JSON.stringify(chart)}`);
    lines.push(text);
  } else {
    lines.push(...text.split("\n").map((line) => (line ? `-- ${line}` : "--")));
  }
  return lines.join("\n");
}

export function formatNotebookFile(doc: NotebookDocument): string {
  return [...HEADER, "", doc.cells.map(formatCell).join("\n\n")].join("\n") + "\n";
}

function chartFrom(text: string): ChartChoice {
  try {
    return parseNotebook({cells: [{sql: "", chart: JSON.parse(text)}]}).cells[0].chart;
  } catch {
    return AUTO;
  }
}

/** A commented-out line given back: `-- x` → `x`, `--` → ``. */
function uncomment(line: string): string {
  return line.replace(/^--(?: |$)/, "");
}

export function parseNotebookFile(text: string): NotebookDocument {
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");
  const starts = lines.flatMap((line, i) => (SEPARATOR_LINE.test(line.trim()) ? [i] : []));
  if (starts.length === 0) {
    const sql = lines.join("\n").trim();
    if (!sql) throw new NotebookFormatError("le fichier est vide");
    return parseNotebook({cells: [{sql}]});
  }
  const cells = starts.map((start, k) => {
    const word = SEPARATOR_LINE.exec(lines[start].trim())![1].toLowerCase();
    const kind = KIND_WORDS[word];
    if (!kind)
      throw new NotebookFormatError(
        `ligne ${start + 1} : type de cellule « ${word} » inconnu (javascript, markdown ou rien pour SQL)`
      );
    const body = lines.slice(start + 1, starts[k + 1] ?? lines.length);
    if (kind !== "sql") {
      const source = body.map(uncomment).join("\n").replace(/\s+$/, "");
      return kind === "js" ? {js: source} : {md: source};
    }
    let chart = AUTO;
    const chartLine = body.length ? CHART_LINE.exec(body[0].trim()) : null;
    if (chartLine) {
      chart = chartFrom(chartLine[1]);
      body.shift();
    }
    return {
      sql: body
        .join("\n")
        .replace(/^\s*\n/, "")
        .replace(/\s+$/, ""),
      chart
    };
  });
  return parseNotebook({v: 2, cells});
}
