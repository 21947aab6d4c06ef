import {describe, expect, it} from "vitest";
import {NAMED_VIEW, parseJavaScriptCell, parseMarkdownCell} from "../../../../src/lib/notebook/js-cell.js";

const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
const ok = <T extends {ok: boolean}>(result: T) => {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, {ok: true}>;
};

describe("parseJavaScriptCell", () => {
  it("finds the names a program reads and declares (scope-aware: locals and parameters are not inputs)", () => {
    const cell = ok(
      parseJavaScriptCell(
        "const t = participants_aq.derive({r: (d) => d.x * k});\n" +
          "function f(y) { const z = y; return z + w; }\nlet {a, b: [c]} = obj;"
      )
    );
    expect(cell.expression).toBe(false);
    expect(cell.outputs).toEqual(["t", "f", "a", "c"]);
    expect(cell.inputs).toEqual(["participants_aq", "k", "w", "obj"]);
  });

  it("treats one expression as an expression cell, and leaves the sandbox's names and globals out", () => {
    const cell = ok(
      parseJavaScriptCell("Plot.barY(taux.objects(), {x: \"nom\", y: d3.max(taux.array('n'))}).plot({width}) // fin")
    );
    expect(cell.expression).toBe(true);
    expect(cell.outputs).toEqual([]);
    // `width` is the page's reactive value: an input, so that the cell follows a resize.
    expect(cell.inputs).toEqual(["taux", "width"]);
    expect(ok(parseJavaScriptCell("Math.max(1, Number(x))")).inputs).toEqual(["x"]);
    expect(ok(parseJavaScriptCell("Plot.plot({width: width - 20})")).inputs).toEqual(["width"]);
    expect(parseJavaScriptCell("const width = 3;")).toMatchObject({ok: false});
    // A named function alone is a declaration, as in Framework.
    expect(ok(parseJavaScriptCell("function double(x) { return 2 * x; }")).outputs).toEqual(["double"]);
  });

  it("builds a body that returns the declared names, and marks the names bound to view()", async () => {
    const cell = ok(
      parseJavaScriptCell("const seuil = view(Inputs.range([0, 10], {value: 4}));\nconst double = seuil * 2;")
    );
    expect(cell.views).toEqual(["seuil"]);
    expect(cell.body).toContain(`${NAMED_VIEW}("seuil")(Inputs.range`);
    const input = {value: 4};
    const viewAs = () => (i: {value: number}) => i.value;
    const result = await new AsyncFunction("Inputs", NAMED_VIEW, cell.body)({range: () => input}, viewAs);
    expect(result).toEqual({seuil: 4, double: 8});
  });

  it("says in French what is wrong, with the line", () => {
    const syntax = parseJavaScriptCell("const a = 1;\nconst b = ;");
    expect(syntax).toMatchObject({
      ok: false,
      problem: {line: 2, message: expect.stringMatching(/^Erreur de syntaxe JavaScript ligne 2/)}
    });
    expect(parseJavaScriptCell("x = 2")).toMatchObject({
      ok: false,
      problem: {message: expect.stringContaining("« x » vient d'une autre cellule")}
    });
    expect(parseJavaScriptCell("import * as fs from 'fs'")).toMatchObject({
      ok: false,
      problem: {message: expect.stringContaining("import et export")}
    });
    expect(parseJavaScriptCell("const Plot = 1;")).toMatchObject({
      ok: false,
      problem: {message: "« Plot » est fourni par le carnet : choisissez un autre nom."}
    });
  });
});

describe("parseMarkdownCell", () => {
  it("finds each ${…} with the JavaScript parser: braces and quotes inside do not end it", () => {
    const cell = ok(parseMarkdownCell("**${taux.get('nom', 0)}** : ${ {a: '}'}.a } et \\${pas une valeur}"));
    expect(cell.parts).toEqual([
      {text: "**"},
      {expression: "taux.get('nom', 0)"},
      {text: "** : "},
      {expression: "{a: '}'}.a"},
      {text: " et ${pas une valeur}"}
    ]);
    expect(cell.inputs).toEqual(["taux"]);
  });

  it("refuses an unclosed or invalid expression, naming the line", () => {
    expect(parseMarkdownCell("Titre\n\n${1 +}")).toMatchObject({
      ok: false,
      problem: {message: expect.stringMatching(/^Ligne 3/)}
    });
    expect(parseMarkdownCell("${a b}")).toMatchObject({
      ok: false,
      problem: {message: expect.stringContaining("pas fermée")}
    });
  });

  it("evaluates its values in order", async () => {
    const cell = ok(parseMarkdownCell("${n} et ${n * 2}"));
    expect(await new AsyncFunction("n", cell.body)(21)).toEqual({values: [21, 42]});
  });
});
