import {describe, expect, it} from "vitest";
import {jsCell, mdCell, sqlCell} from "../../../../src/lib/notebook/notebook.js";
import {formatNotebookKit, parseNotebookKit} from "../../../../src/lib/notebook/notebook-kit.js";
import {EXAMPLES} from "../../../../src/lib/notebook/examples.js";

// jsdom (Framework's own dependency) stands in for the browser's DOMParser.
const jsdom = "jsdom";
const {JSDOM} = (await import(jsdom)) as {JSDOM: new (html: string) => {window: {document: Document}}};
const parseHtml = (html: string) => new JSDOM(html).window.document;

describe("Notebook Kit HTML", () => {
  it("writes a <notebook> with its title and one script per cell, of Notebook Kit's types", () => {
    const html = formatNotebookKit(
      {cells: [sqlCell("-- name: t\nSELECT 1 AS x"), jsCell("const y = t[0].x;"), mdCell("# ${y} & <b>")]},
      "Essai <1>"
    );
    expect(html).toBe(
      [
        "<!doctype html>",
        "<notebook>",
        "  <title>Essai &lt;1></title>",
        '  <script id="1" type="application/sql" output="t">',
        "-- name: t\nSELECT 1 AS x",
        "  </script>",
        '  <script id="2" type="module">',
        "const y = t[0].x;",
        "  </script>",
        '  <script id="3" type="text/markdown">',
        "# ${y} & <b>",
        "  </script>",
        "</notebook>",
        ""
      ].join("\n")
    );
  });

  it("round-trips every example, chart choices included, and a script that contains </script>", () => {
    for (const {title, notebook} of EXAMPLES) {
      expect(parseNotebookKit(formatNotebookKit(notebook, title), parseHtml)).toEqual({title, notebook, skipped: []});
    }
    const tricky = {
      cells: [jsCell('const s = "</script><script>alert(1)</script>";'), sqlCell("SELECT 1 AS a", {kind: "none"})]
    };
    expect(parseNotebookKit(formatNotebookKit(tricky, "x"), parseHtml).notebook).toEqual(tricky);
  });

  it("reads a file written by Notebook Kit: indented text, output= names, cells it cannot run counted", () => {
    const file = `<!doctype html>
<notebook theme="air">
  <title>Depuis Observable</title>
  <script id="1" type="text/markdown">
    # Bonjour
    Un texte.
  </script>
  <script id="2" type="application/sql" database="duckdb" output="communes_ok">
    SELECT * FROM communes
  </script>
  <script id="3" type="module" pinned="">
    display(communes_ok.length)
  </script>
  <script id="4" type="text/x-tex">
    E = mc^2
  </script>
</notebook>`;
    expect(parseNotebookKit(file, parseHtml)).toEqual({
      title: "Depuis Observable",
      notebook: {
        cells: [
          mdCell("# Bonjour\nUn texte."),
          sqlCell("-- name: communes_ok\nSELECT * FROM communes"),
          jsCell("display(communes_ok.length)")
        ]
      },
      skipped: ["text/x-tex"]
    });
    expect(() => parseNotebookKit("<html><body>non</body></html>", parseHtml)).toThrow(/<notebook>/);
  });
});
