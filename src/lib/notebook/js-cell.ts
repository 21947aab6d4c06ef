// What a JavaScript or Markdown cell needs from the others, and what it gives them: its text is
// parsed with acorn, and its free references and top-level declarations found with Framework's
// own scope analysis (the same rules as a ```js block of a Framework page, and as Notebook Kit).
// The result also holds the function body the sandbox runs: the cell's names come in as
// parameters and go out as the properties of the returned object.
import {Parser, getLineInfo, tokTypes, type Node, type Program} from "acorn";
import {simple} from "acorn-walk";
import {findReferences} from "@observablehq/framework/dist/javascript/references.js";
import {findDeclarations} from "@observablehq/framework/dist/javascript/declarations.js";
import {checkAssignments} from "@observablehq/framework/dist/javascript/assignments.js";

/** What the sandbox gives every cell: never inputs from another cell, never redefined. */
export const SANDBOX_NAMES = [
  "Plot",
  "d3",
  "aq",
  "op",
  "Inputs",
  "display",
  "view",
  "html",
  "svg",
  "width",
  "invalidation"
] as const;
const PROVIDED = new Set<string>(SANDBOX_NAMES);

/**
 * Names the page gives as reactive values (not constants of the sandbox): `width`, the width of a
 * cell's output, which changes when the window is resized. A cell that reads it is one of its
 * dependents, so it (and the cells reading it) run again at the new width, as in Framework.
 */
export const PAGE_NAMES = ["width"] as const;
const FROM_PAGE = new Set<string>(PAGE_NAMES);
/** Whether a free name is an input of the cell (from another cell or from the page). */
const isInput = (name: string) => !PROVIDED.has(name) || FROM_PAGE.has(name);

/** The sandbox's name for `view` when its value is named (`const x = view(…)`). */
export const NAMED_VIEW = "__viewAs";

const ACORN = {ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true} as const;

export interface CellProblem {
  /** In French, for the cell. */
  message: string;
  line?: number;
  column?: number;
  /** The parser's own words, shown in a details line. */
  original?: string;
}

export interface ParsedCode {
  /** Names the cell reads from other cells (SQL results, other cells' declarations, views). */
  inputs: string[];
  /** Names the cell declares at top level (empty for an expression). */
  outputs: string[];
  /** An expression cell: its value is displayed. */
  expression: boolean;
  /** Names bound to `view(…)`: their value follows the input. */
  views: string[];
  /** The body of an async function of `inputs` that returns `{value}` or the declared names. */
  body: string;
}

export type ParseResult = ({ok: true} & ParsedCode) | {ok: false; problem: CellProblem};

function syntaxProblem(error: unknown, input: string): CellProblem {
  const message = String((error as Error)?.message ?? error);
  const pos = (error as {pos?: number}).pos;
  const at = typeof pos === "number" ? getLineInfo(input, pos) : /\((\d+):(\d+)\)/.exec(message);
  const line = at ? Number(Array.isArray(at) ? at[1] : at.line) : undefined;
  const column = at ? Number(Array.isArray(at) ? at[2] : at.column) : undefined;
  const where = line ? ` ligne ${line}${column !== undefined ? `, colonne ${column + 1}` : ""}` : "";
  return {
    message: `Erreur de syntaxe JavaScript${where} : vérifiez les parenthèses, accolades et guillemets.`,
    line,
    column,
    original: message
  };
}

/** The input as one expression, when it is exactly one (as Framework decides). */
function maybeExpression(input: string): Node | null {
  // acorn's own parser, driven as Framework does: one expression, then the end of the input.
  const Open = Parser as unknown as new (
    options: typeof ACORN,
    input: string,
    pos: number
  ) => {
    nextToken(): void;
    parseExpression(): Node;
    type: unknown;
  };
  const parser = new Open(ACORN, input, 0);
  try {
    parser.nextToken();
    const node = parser.parseExpression();
    if (parser.type !== tokTypes.eof) return null;
    // `class A {}` and `function f() {}` alone are declarations, not expressions.
    if ((node.type === "ClassExpression" || node.type === "FunctionExpression") && (node as {id?: unknown}).id)
      return null;
    return node;
  } catch {
    return null;
  }
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

/** Checks and prepares one JavaScript cell. */
export function parseJavaScriptCell(input: string): ParseResult {
  let root: Node;
  const expression = maybeExpression(input);
  try {
    root = expression ?? (Parser.parse(input, ACORN) as Program);
  } catch (error) {
    return {ok: false, problem: syntaxProblem(error, input)};
  }
  let imports: Node | undefined;
  simple(root, {
    ImportDeclaration: (node) => void (imports ??= node),
    ImportExpression: (node) => void (imports ??= node),
    ExportNamedDeclaration: (node) => void (imports ??= node),
    ExportDefaultDeclaration: (node) => void (imports ??= node)
  });
  if (imports) {
    const {line} = getLineInfo(input, imports.start);
    return {
      ok: false,
      problem: {
        message:
          `Ligne ${line} : import et export ne sont pas disponibles dans le carnet (rien ne se charge du réseau) ; ` +
          "Plot, d3, aq (Arquero) et Inputs sont déjà là.",
        line
      }
    };
  }
  let declarations: string[];
  let references: string[];
  try {
    declarations = expression ? [] : findDeclarations(root, input).map((d) => d.name);
    const found = findReferences(root);
    checkAssignments(root, found, input);
    references = found.map((r) => r.name);
  } catch (error) {
    const original = String((error as Error).message);
    const assignment = /Assignment to external variable '(.+)'/.exec(original);
    const global = /Global '(.+)' cannot be redefined/.exec(original);
    const message = assignment
      ? `« ${assignment[1]} » vient d'une autre cellule : ` +
        "une cellule ne modifie pas la valeur d'une autre (déclarez un nouveau nom)."
      : global
        ? `« ${global[1]} » est un nom réservé de JavaScript : choisissez un autre nom.`
        : `Cellule JavaScript invalide : ${original}`;
    return {ok: false, problem: {message, original}};
  }
  const provided = declarations.find((name) => PROVIDED.has(name));
  if (provided)
    return {ok: false, problem: {message: `« ${provided} » est fourni par le carnet : choisissez un autre nom.`}};
  const outputs = unique(declarations);
  const inputs = unique(references.filter((name) => isInput(name) && !outputs.includes(name)));
  // `const x = view(…)`: x follows the input, so the sandbox must know which input is x.
  const views: {name: string; start: number; end: number}[] = [];
  if (!expression) {
    for (const statement of (root as Program).body) {
      if (statement.type !== "VariableDeclaration") continue;
      for (const d of statement.declarations) {
        const init = d.init;
        if (
          d.id.type === "Identifier" &&
          init?.type === "CallExpression" &&
          init.callee.type === "Identifier" &&
          init.callee.name === "view"
        ) {
          views.push({name: d.id.name, start: init.callee.start, end: init.callee.end});
        }
      }
    }
  }
  let code = input;
  for (const v of [...views].reverse())
    code = `${code.slice(0, v.start)}${NAMED_VIEW}(${JSON.stringify(v.name)})${code.slice(v.end)}`;
  // New lines keep a final `// comment` from swallowing what follows.
  const body = expression ? `return {value: (\n${code}\n)};` : `${code}\nreturn {${outputs.join(", ")}};`;
  return {ok: true, inputs, outputs, expression: !!expression, views: views.map((v) => v.name), body};
}

export type MarkdownPart = {text: string} | {expression: string};

export type MarkdownParse =
  {ok: true; parts: MarkdownPart[]; inputs: string[]; body: string} | {ok: false; problem: CellProblem};

/**
 * A Markdown cell: its text and the `${…}` expressions in it, each found by the JavaScript parser
 * (a `}` inside a string of the expression does not end it). `\${` is a literal `${`.
 */
export function parseMarkdownCell(input: string): MarkdownParse {
  const parts: MarkdownPart[] = [];
  const references: string[] = [];
  let text = "";
  let i = 0;
  while (i < input.length) {
    if (input.startsWith("\\${", i)) {
      text += "${";
      i += 3;
      continue;
    }
    if (!input.startsWith("${", i)) {
      text += input[i++];
      continue;
    }
    const {line} = getLineInfo(input, i);
    let node: Node;
    try {
      node = Parser.parseExpressionAt(input, i + 2, ACORN);
    } catch (error) {
      const problem = syntaxProblem(error, input);
      return {
        ok: false,
        problem: {
          ...problem,
          message: `Ligne ${problem.line ?? line} : l'expression \${…} n'est pas du JavaScript valide.`
        }
      };
    }
    let end = node.end;
    while (/\s/.test(input[end] ?? "")) end++;
    if (input[end] !== "}")
      return {ok: false, problem: {message: `Ligne ${line} : l'expression \${…} n'est pas fermée par « } ».`, line}};
    if (text) parts.push({text});
    text = "";
    const expression = input.slice(node.start, node.end);
    parts.push({expression});
    try {
      references.push(...findReferences(node).map((r) => r.name));
    } catch (error) {
      return {
        ok: false,
        problem: {message: `Ligne ${line} : expression invalide.`, line, original: String((error as Error).message)}
      };
    }
    i = end + 1;
  }
  if (text) parts.push({text});
  const expressions = parts.flatMap((p) => ("expression" in p ? [p.expression] : []));
  const inputs = unique(references.filter(isInput));
  return {ok: true, parts, inputs, body: `return {values: [${expressions.map((e) => `(\n${e}\n)`).join(", ")}]};`};
}
