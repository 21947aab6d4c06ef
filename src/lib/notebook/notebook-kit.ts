// A notebook in Observable Notebook Kit's HTML format, so that it can go to Observable's own
// tools (Notebook Kit, Observable Desktop) and come back: a <notebook> element with a <title> and
// one <script> per cell — type="module" for JavaScript, "text/markdown" for Markdown,
// "application/sql" with output="name" for a named SQL result. The chart choice of an SQL cell,
// which Notebook Kit does not know, rides along in a data-mno-chart attribute that it ignores.
// Reading takes a DOM Document (the browser's DOMParser; jsdom in tests): the format is HTML.
import {AUTO, type NotebookCell, type NotebookDocument, NotebookFormatError, parseNotebook} from "./notebook.js";
import {cellName} from "./cell-name.js";

const TYPES: Record<NotebookCell["kind"], string> = {js: "module", md: "text/markdown", sql: "application/sql"};

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

/** A script's text cannot hold `</script`: Notebook Kit writes it `<\/script`, and so do we. */
function escapeScript(text: string): string {
  return text.replace(/<\/(script)/gi, "<\\/$1");
}

function unescapeScript(text: string): string {
  return text.replace(/<\\\/(script)/gi, "</$1");
}

export function formatNotebookKit(doc: NotebookDocument, title: string): string {
  const cells = doc.cells.map((cell, i) => {
    const attributes = [`id="${i + 1}"`, `type="${TYPES[cell.kind]}"`];
    if (cell.kind === "sql") {
      const named = cellName(cell.source);
      if (named && "name" in named) attributes.push(`output="${escapeAttribute(named.name)}"`);
      if (cell.chart.kind !== "auto")
        attributes.push(`data-mno-chart="${escapeAttribute(JSON.stringify(cell.chart))}"`);
    }
    return `  <script ${attributes.join(" ")}>\n${escapeScript(cell.source.replace(/\s+$/, ""))}\n  </script>`;
  });
  return `<!doctype html>\n<notebook>\n  <title>${escapeText(title)}</title>\n${cells.join("\n")}\n</notebook>\n`;
}

/** The text as written: the newline after the tag and the indentation before `</script>` dropped. */
function scriptText(raw: string): string {
  const lines = unescapeScript(raw)
    .replace(/^[ \t]*\n/, "")
    .replace(/\n[ \t]*$/, "")
    .split("\n");
  // Notebook Kit may indent the cells' text: remove the indentation all lines share.
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(common)).join("\n");
}

export interface NotebookKitFile {
  title: string;
  notebook: NotebookDocument;
  /** Cells of kinds this explorer does not run (TeX, Graphviz, HTML, Observable JavaScript…): dropped, counted. */
  skipped: string[];
}

/** Reads a Notebook Kit file; `parseHtml` is the platform's HTML parser. */
export function parseNotebookKit(html: string, parseHtml: (html: string) => Document): NotebookKitFile {
  const document = parseHtml(html);
  const root = document.querySelector("notebook");
  if (!root) throw new NotebookFormatError("le fichier n'a pas d'élément <notebook> (format Notebook Kit)");
  const title = root.querySelector("title")?.textContent?.trim() || "Carnet sans titre";
  const skipped: string[] = [];
  const cells: unknown[] = [];
  for (const script of root.querySelectorAll("script")) {
    const type = (script.getAttribute("type") ?? "module").toLowerCase();
    const text = scriptText(script.textContent ?? "");
    if (type === "module" || type === "text/javascript") cells.push({js: text});
    else if (type === "text/markdown") cells.push({md: text});
    else if (type === "application/sql") {
      const output = script.getAttribute("output");
      const named = cellName(text);
      // Notebook Kit names a result with output="x"; this explorer with a `-- name: x` line.
      const sql = output && !(named && "name" in named) ? `-- name: ${output}\n${text}` : text;
      let chart: unknown;
      try {
        chart = JSON.parse(script.getAttribute("data-mno-chart") ?? "null") ?? AUTO;
      } catch {
        chart = AUTO;
      }
      cells.push({sql, chart});
    } else skipped.push(type);
  }
  return {title, notebook: parseNotebook({v: 2, cells}), skipped};
}
