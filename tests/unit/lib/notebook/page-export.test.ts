import {describe, expect, it} from "vitest";
import {jsCell, mdCell, sqlCell} from "../../../../src/lib/notebook/notebook.js";
import {PAGE_SQL_MODULE, notebookPage, pageFileName} from "../../../../src/lib/notebook/page-export.js";

const page = (cells: Parameters<typeof notebookPage>[0]["cells"], title = "Mon carnet") =>
  notebookPage({cells}, {title, date: "02/12/2026"});

describe("notebookPage", () => {
  it("writes a Framework page: front matter, the sql tag, then one block per cell in order", () => {
    const text = page([
      sqlCell("-- name: participants\nSELECT nom, value FROM indicators"),
      jsCell("const t = participants_aq.orderby('nom');"),
      mdCell("Il y a ${participants.length} communes, dont **${t.get('nom', 0)}**.")
    ]);
    expect(text.startsWith('---\ntitle: "Mon carnet"\n---\n')).toBe(true);
    expect(text).toContain(`import {fr, frTable, notebookSql} from "${PAGE_SQL_MODULE}";\nconst sql = notebookSql();`);
    const sql = text.indexOf("```sql id=participants\n-- name: participants\nSELECT nom, value FROM indicators\n```");
    // Shown by frTable (numbers in French), not by Framework's own table (`display` on the block).
    const aq = text.indexOf(
      "```js\ndisplay(frTable(participants));\nconst participants_aq = aq.from(participants);\n```"
    );
    const js = text.indexOf("```js\nconst t = participants_aq.orderby('nom');\n```");
    const md = text.indexOf("Il y a ${fr(participants.length)} communes, dont **${fr(t.get('nom', 0))}**.");
    expect([sql, aq, js, md].every((i) => i > 0)).toBe(true);
    expect(sql < aq && aq < js && js < md).toBe(true);
  });

  it("keeps ${x} as a parameter, and names the results an SQL cell reads so that it follows them", () => {
    const text = page([
      sqlCell("-- name: base\nSELECT 1 AS n"),
      sqlCell("SELECT * FROM base WHERE n >= ${seuil} -- not base_2")
    ]);
    expect(text).toContain(
      "```sql id=resultat_2\n-- lit : ${base}\nSELECT * FROM base WHERE n >= ${seuil} -- not base_2\n```\n\n" +
        "```js\ndisplay(frTable(resultat_2));\n```"
    );
    // A cell does not read itself, and a parameter is not a table.
    expect(text).not.toContain("```sql id=base\n-- lit");
    expect(text).not.toMatch(/```sql[^\n]* display/);
  });

  it("names an unnamed result with a name no cell uses", () => {
    const text = page([jsCell("const resultat_2 = 2;"), sqlCell("SELECT 1 AS n"), sqlCell("SELECT 2 AS n")]);
    // The second cell's default name is taken by the first cell; the third's is free.
    expect(text).toContain("```sql id=resultat_2_\nSELECT 1 AS n\n```\n\n```js\ndisplay(frTable(resultat_2_));\n```");
    expect(text).toContain("```sql id=resultat_3\nSELECT 2 AS n\n```");
  });

  it("keeps hostile text as text: HTML in Markdown, a title that breaks YAML, fences inside a cell", () => {
    const text = page(
      [mdCell('<img src=x onerror="alert(1)"> \\${pas une valeur}'), jsCell("const s = `\n```\n`;"), mdCell("")],
      'Titre "rouge"\n---\n<script>'
    );
    expect(text).toContain('title: "Titre \\"rouge\\" --- <script>"');
    expect(text).toContain('# Titre "rouge" --- &lt;script>');
    expect(text).toContain('&lt;img src=x onerror="alert(1)"> &#36;{pas une valeur}');
    // Framework escapes the front matter's title itself; the page's body holds no raw tag.
    expect(text.slice(text.indexOf("\n# "))).not.toMatch(/<img|<script/);
    expect(text).toContain("````js\nconst s = `\n```\n`;\n````");
  });

  it("names the file after the title", () => {
    expect(pageFileName("Participants PLIE pour 1\u202f000 habitants")).toBe(
      "participants-plie-pour-1-000-habitants.md"
    );
    expect(pageFileName("« »")).toBe("carnet.md");
  });
});
