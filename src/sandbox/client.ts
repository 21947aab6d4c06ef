// The code of a cell's sandbox: an iframe with an opaque origin (sandbox="allow-scripts", no
// allow-same-origin) and a Content-Security-Policy that forbids any network access. It receives a
// cell's code and the values it reads by postMessage, runs it with Plot, d3, Arquero and Inputs in
// scope, shows its output in the iframe, and posts back its declared values and its views' values.
// Bundled with its libraries into one classic script by src/sandbox/bundle.js.ts.
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";
import * as aq from "arquero";
import * as Inputs from "@observablehq/inputs";
import {html, svg} from "htl";
import {Inspector} from "@observablehq/inspector";
import MarkdownIt from "markdown-it";
import {formatResultNumber} from "../lib/notebook/values.js";
import {FR_D3_LOCALE} from "../lib/format.js";
import {NAMED_VIEW} from "../lib/notebook/js-cell.js";
import {describeValue, isMarker, toTransfer} from "../lib/notebook/transfer.js";
import type {RunRequest, SandboxMessage} from "./protocol.js";

/** The stylesheets of Inputs and of the inspector, inlined by the bundler. */
declare const __SANDBOX_CSS__: string;

// d3 and Plot (which formats its axis ticks with d3's default locale) write numbers in French.
d3.formatDefaultLocale(FR_D3_LOCALE);

const parentOrigin = document.documentElement.dataset.parent ?? "";
const root = document.getElementById("root")!;
const style = document.createElement("style");
style.textContent = __SANDBOX_CSS__;
document.head.append(style);

function post(message: SandboxMessage): void {
  parent.postMessage(message, parentOrigin);
}

const isTable = (value: unknown): value is {objects(): Record<string, unknown>[]} =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as {objects?: unknown}).objects === "function" &&
  typeof (value as {numRows?: unknown}).numRows === "function";

/** A value from the page: tables rebuilt, markers of values that could not cross refused. */
function fromTransfer(name: string, value: unknown): unknown {
  if (!isMarker(value)) return value;
  if (value.__mno === "table") return aq.from(value.rows);
  throw new Error(
    `« ${name} » est ${value.what}, qui ne passe pas d'une cellule à l'autre : ` +
      "donnez-lui plutôt des données (tableau, nombre, texte)."
  );
}

// Markdown as text only: raw HTML in a cell stays text (values come in through `${…}`).
const markdown = new MarkdownIt({html: false, linkify: false, typographer: false});

/** A `${…}` value as the reader sees it: numbers in French, nodes as they are. */
function formatted(value: unknown): Node {
  if (value instanceof Node) return value;
  if (typeof value === "number") return document.createTextNode(formatResultNumber(value));
  if (value === null || value === undefined) return document.createTextNode("");
  if (value instanceof Date) return document.createTextNode(value.toLocaleDateString("fr-FR"));
  if (Array.isArray(value))
    return document.createTextNode(
      value.map((v) => (typeof v === "number" ? formatResultNumber(v) : String(v))).join(", ")
    );
  return document.createTextNode(String(value));
}

function renderMarkdown(parts: NonNullable<RunRequest["parts"]>, values: unknown[]): HTMLElement {
  // Placeholders that Markdown leaves alone (letters and digits), replaced by the values' nodes.
  const token = `MNOVALEUR${Math.random().toString(36).slice(2)}X`;
  let k = 0;
  const text = parts.map((p) => ("text" in p ? p.text : `${token}${k++}Y`)).join("");
  const container = document.createElement("div");
  container.className = "markdown";
  container.innerHTML = markdown.render(text);
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  const pattern = new RegExp(`${token}(\\d+)Y`, "g");
  for (const node of texts) {
    const content = node.data;
    if (!pattern.test(content)) continue;
    pattern.lastIndex = 0;
    const pieces: Node[] = [];
    let last = 0;
    for (const match of content.matchAll(pattern)) {
      pieces.push(document.createTextNode(content.slice(last, match.index)), formatted(values[Number(match[1])]));
      last = match.index! + match[0].length;
    }
    pieces.push(document.createTextNode(content.slice(last)));
    node.replaceWith(...pieces);
  }
  return container;
}

let current = 0;
let invalidate: () => void = () => {};
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<Record<string, unknown>>;

function show(value: unknown): void {
  if (value instanceof Node) {
    root.append(value);
    return;
  }
  const holder = document.createElement("div");
  holder.className = "observablehq";
  root.append(holder);
  new Inspector(holder).fulfilled(value);
}

async function run(request: RunRequest): Promise<void> {
  const run = (current = request.run);
  invalidate();
  const invalidation = new Promise<void>((resolve) => (invalidate = resolve));
  root.replaceChildren();
  let displayed = false;
  const display = (value: unknown) => {
    displayed = true;
    show(value);
    return value;
  };
  const view = (input: HTMLElement & {value: unknown}) => {
    display(input);
    return input.value;
  };
  const viewAs = (name: string) => (input: HTMLElement & {value: unknown}) => {
    display(input);
    input.addEventListener("input", () => {
      if (run === current) post({type: "view", run, name, value: toTransfer(input.value, isTable)});
    });
    return input.value;
  };
  try {
    const values = request.names.map((name, i) => fromTransfer(name, request.values[i]));
    const provided: Record<string, unknown> = {
      Plot,
      d3,
      aq,
      op: aq.op,
      Inputs,
      display,
      view,
      html,
      svg,
      width: root.clientWidth || 640,
      invalidation,
      [NAMED_VIEW]: viewAs
    };
    // A name the page gives (`width`, reactive) comes in with the values, not from here.
    for (const name of request.names) delete provided[name];
    const fn = new AsyncFunction(...request.names, ...Object.keys(provided), request.body);
    const result = await fn(...values, ...Object.values(provided));
    if (run !== current) return;
    const outputs: Record<string, unknown> = {};
    if (request.kind === "md") {
      root.append(
        renderMarkdown(
          request.parts ?? [],
          (result.values as unknown[]).map((v) => v)
        )
      );
    } else if (request.expression) {
      const value = await result.value;
      if (value !== undefined && !(displayed && value === undefined)) show(value);
      outputs.value = toTransfer(value, isTable);
    } else {
      for (const [name, value] of Object.entries(result)) outputs[name] = toTransfer(await value, isTable);
    }
    if (run === current) post({type: "done", run, outputs});
  } catch (error) {
    if (run !== current) return;
    const e = error as Error;
    post({
      type: "error",
      run,
      message: e instanceof Error ? `${e.name} : ${e.message}` : `valeur levée : ${describeValue(error)}`
    });
  }
}

addEventListener("message", (event) => {
  if (event.source !== parent) return;
  const message = event.data as RunRequest;
  if (message?.type === "run") void run(message);
});

new ResizeObserver(() =>
  post({type: "height", height: Math.ceil(document.documentElement.getBoundingClientRect().height)})
).observe(document.documentElement);
post({type: "ready"});
