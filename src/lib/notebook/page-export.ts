// « Exporter en page »: a notebook as a Markdown page of this site (Observable Framework), to drop
// into src/ where it builds and shows the same cells:
// - an SQL cell is a ```sql block run on the site's own engine (its tables, read in the page like
//   /explorer) by the `sql` tag of src/components/explorer/page-sql.ts, which the page declares;
//   `${x}` stays a parameter (Framework passes the value, the tag binds it), a named result
//   (`-- name: x`) is block `id=x` and a table of that name for the SQL blocks after it; those
//   blocks name what they read in a comment (`-- lit : ${x}`), which is what makes them follow it;
//   each result is shown by `frTable` (its numbers in French, as in the explorer), not by
//   Framework's own table, whose numbers are English (« 1,234 »); an unnamed result gets a name;
// - a JavaScript cell is a ```js block, as is (the same names: Plot, d3, aq, Inputs, display,
//   view, width… are Framework's); `x_aq`, the Arquero table of a result, is a block of its own;
// - a Markdown cell is Markdown, its `${…}` values formatted in French as in the explorer, its raw
//   HTML kept as text (as in the explorer).
// What does not carry over is said in PAGE_EXPORT_LIMITS (and in the page's first lines).
import {cellName} from "./cell-name.js";
import {parseMarkdownCell} from "./js-cell.js";
import type {NotebookDocument} from "./notebook.js";
import {bindSqlParameters, sqlWords} from "./sql-params.js";
import {slugify} from "../text.js";

/** Where the page's helper lives, from the source root (the page may sit in any folder of src/). */
export const PAGE_SQL_MODULE = "/components/explorer/page-sql.js";

/** The suffix of a result's Arquero table (as in the explorer). */
const TABLE_SUFFIX = "_aq";

export const PAGE_EXPORT_LIMITS = [
  "les graphiques proposés sous les résultats SQL (dessinez-les avec Plot dans une cellule JavaScript)",
  "la pagination des résultats (Framework montre le tableau entier, défilant) et leur CSV",
  "le bac à sable et l'accord du lecteur : dans une page du site, le JavaScript s'exécute comme " +
    "le reste du site (relisez-le avant de l'ajouter)",
  "la transaction annulée après chaque cellule (le filtre qui n'admet que des lectures, lui, est repris)"
];

/** A fence longer than any run of backticks in the text (a cell may hold ``` itself). */
function fence(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(Math.max(3, longest + 1));
}

function block(tag: string, attributes: string, text: string): string {
  const f = fence(text);
  return `${f}${tag}${attributes ? ` ${attributes}` : ""}\n${text.replace(/\s+$/, "")}\n${f}`;
}

/** A YAML scalar: a JSON string is a valid double-quoted YAML string. */
function yamlString(text: string): string {
  return JSON.stringify(text.replace(/[\r\n]+/g, " "));
}

/** Markdown text as the explorer shows it: raw HTML as text, a literal `${` kept literal. */
function markdownText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/\$\{/g, "&#36;{");
}

function markdownCell(source: string): string {
  const parsed = parseMarkdownCell(source);
  // A cell the explorer could not read is kept as text (its `${` shown, not run).
  if (!parsed.ok) return markdownText(source);
  return parsed.parts.map((p) => ("text" in p ? markdownText(p.text) : `\${fr(${p.expression})}`)).join("");
}

export function notebookPage(doc: NotebookDocument, {title, date}: {title: string; date: string}): string {
  const named = new Set<string>();
  for (const cell of doc.cells) {
    const name = cell.kind === "sql" ? cellName(cell.source) : null;
    if (name && "name" in name) named.add(name.name);
  }
  const parts: string[] = [
    `---\ntitle: ${yamlString(title)}\n---`,
    `# ${markdownText(title.replace(/[\r\n]+/g, " "))}`,
    `<!-- Carnet exporté de l'explorateur de l'Observatoire MNO (/explorer) le ${date}.\n` +
      `     Ne sont pas repris : ${PAGE_EXPORT_LIMITS.join(" ; ")}. -->`,
    block(
      "js",
      "",
      [
        "// Les tables du site (celles de l'explorateur), interrogées dans la page par les blocs SQL.",
        `import {fr, frTable, notebookSql} from "${PAGE_SQL_MODULE}";`,
        "const sql = notebookSql();",
        "const op = aq.op;"
      ].join("\n")
    )
  ];
  const words = new Set(doc.cells.flatMap((c) => c.source.match(/[\p{L}\p{N}_$]+/gu) ?? []));
  /** A name for an unnamed result, used by no cell (« resultat_3 » for the third cell). */
  const unnamed = (index: number) => {
    let name = `resultat_${index + 1}`;
    while (words.has(name) || named.has(name)) name += "_";
    return name;
  };
  for (const [index, cell] of doc.cells.entries()) {
    if (cell.kind === "js") {
      if (cell.source.trim()) parts.push(block("js", "", cell.source));
      continue;
    }
    if (cell.kind === "md") {
      parts.push(markdownCell(cell.source));
      continue;
    }
    const name = cellName(cell.source);
    const own = name && "name" in name ? name.name : null;
    const bound = bindSqlParameters(cell.source);
    const params = bound.ok ? bound.params : [];
    const reads = [...named].filter(
      (n) => n !== own && !params.includes(n) && sqlWords(bound.ok ? bound.sql : cell.source).includes(n)
    );
    const text = (reads.length ? `-- lit : ${reads.map((n) => `\${${n}}`).join(", ")}\n` : "") + cell.source;
    const id = own ?? unnamed(index);
    parts.push(block("sql", `id=${id}`, text));
    const show = `display(frTable(${id}));`;
    parts.push(block("js", "", own ? `${show}\nconst ${own}${TABLE_SUFFIX} = aq.from(${own});` : show));
  }
  return `${parts.join("\n\n")}\n`;
}

/** « carnet-participants-par-commune.md » from the title. */
export function pageFileName(title: string): string {
  const slug = slugify(title).slice(0, 60).replace(/-$/, "");
  return `${slug || "carnet"}.md`;
}
