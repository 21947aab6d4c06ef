// The notebook: its cells in order, and how they run. Every cell is a variable of Framework's
// reactive runtime (lib/notebook/reactive.ts): SQL cells on the one engine (a named result
// becomes a view for later SQL, and rows for JavaScript), JavaScript and Markdown cells each in
// their sandbox. Running a cell re-runs the cells that read it, and only them. Code from a link
// or a file waits for the reader's agreement. The link holds it all (`?n=`).
import {el} from "../ui/dom.js";
import {writeUrl as writeLocation} from "../ui/url-state.js";
import {cellName} from "../../lib/notebook/cell-name.js";
import {checkStatement} from "../../lib/notebook/guard.js";
import {parseJavaScriptCell, parseMarkdownCell} from "../../lib/notebook/js-cell.js";
import {
  AUTO,
  MAX_CELLS,
  type CellKind,
  type ChartChoice,
  type NotebookDocument,
  hasCode,
  moveItem
} from "../../lib/notebook/notebook.js";
import {type CellDefinition, CellRunError, ReactiveNotebook, describeCellError} from "../../lib/notebook/reactive.js";
import {completionSchema} from "../../lib/notebook/schema.js";
import {type FrenchError, frenchDuckDbError, unknownStatement} from "../../lib/notebook/sql-errors.js";
import {bindSqlParameters, bindableValue, setVariableSql, sqlWords} from "../../lib/notebook/sql-params.js";
import {tableMarker} from "../../lib/notebook/transfer.js";
import {URL_PARAM, decodeNotebook, notebookSearch} from "../../lib/notebook/url-state.js";
import {Cell, type CellActions} from "./cell.js";
import type {CompletionSchema} from "./editor.js";
import {type RunOutcome, type Runner, Ticket} from "./runner.js";
import type {SchemaPanel} from "./schema-panel.js";

export interface NotebookViewOptions {
  runner: Runner;
  schema: SchemaPanel;
  /** Resolves once the schema is first read: names are checked against the base tables. */
  schemaReady: Promise<unknown>;
  communeNames: Map<string, string>;
  /** A sentence for screen readers and sighted users (cell moved, link copied…). */
  announce(message: string): void;
}

/** Where a notebook comes from: code of the first two kinds waits for the reader's agreement. */
export type NotebookOrigin = "link" | "file" | "mine" | "example";

/** The suffix of an SQL result's Arquero table in JavaScript (`participants` → `participants_aq`). */
export const TABLE_SUFFIX = "_aq";

class SqlFailure extends CellRunError {
  constructor(readonly french: FrenchError) {
    super(french.message);
  }
}

class SqlCancelled extends CellRunError {}

type Ok = Extract<RunOutcome, {status: "ok"}>;

interface Applied {
  inputs: string[];
  outputs: string[];
  /** SQL: the result's name. */
  name: string | null;
}

export class NotebookView {
  readonly element: HTMLElement;
  private cells: Cell[] = [];
  private readonly list = el("div", {class: "cells"});
  private readonly addButton = el("button", {type: "button", class: "button-add"}, "+ Ajouter une cellule");
  private readonly undoBar = el("div", {class: "undo-bar", hidden: true});
  private readonly banner = el("div", {
    class: "consent-banner",
    role: "region",
    "aria-label": "Code du carnet",
    hidden: true
  });
  private active: Cell | null = null;
  private completion: CompletionSchema = {};
  private urlTimer: ReturnType<typeof setTimeout> | undefined;
  private urlWrite: Promise<void> = Promise.resolve();
  private graph = new ReactiveNotebook();
  private readonly applied = new Map<Cell, Applied>();
  /** False while a notebook from a link or a file has code the reader has not agreed to run. */
  private trusted = true;
  /** Resolves when the reader agrees: the code cells waiting for it go on. */
  private consent: Promise<void> = Promise.resolve();
  private agreed: () => void = () => {};
  /** `width` in JavaScript cells: the width of a cell's output (its sandbox), followed on resize. */
  private width = 640;

  constructor(private readonly options: NotebookViewOptions) {
    this.graph.setBuiltin("width", this.width);
    this.followWidth();
    this.addButton.addEventListener("click", () => this.add(this.cells.length, "sql", "", true));
    this.element = el(
      "div",
      {class: "notebook"},
      el("h2", {class: "visually-hidden"}, "Carnet"),
      this.banner,
      this.list,
      this.undoBar,
      this.addButton
    );
  }

  /**
   * The cells' outputs all have the notebook's width: measured on the first one, and given to the
   * runtime, which re-runs the cells that read `width` (a few pixels of scrollbar are not a change).
   */
  private followWidth(): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    new ResizeObserver(() => {
      const output = this.list.querySelector<HTMLElement>(".cell-output");
      const next = Math.floor(output?.clientWidth ?? 0);
      if (!next || next === this.width) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        this.width = next;
        this.graph.setBuiltin("width", next);
      }, 150);
    }).observe(this.list);
  }

  private baseTables(): string[] {
    return this.options.schema
      .tables()
      .filter((t) => t.origin === "base")
      .map((t) => t.name);
  }

  private readonly actions: CellActions = {
    run: (cell) => this.run(cell),
    cancel: (cell) => {
      const ticket = cell.ticket;
      if (!ticket) return;
      this.options.runner.cancel(ticket);
    },
    stop: (cell) => this.stop(cell),
    move: (cell, delta) => this.move(cell, delta),
    remove: (cell) => this.remove(cell),
    insertBelow: (cell) => this.add(this.cells.indexOf(cell) + 1, cell.kind, "", true),
    changed: () => this.scheduleUrl(),
    focused: (cell) => (this.active = cell)
  };

  private renumber(): void {
    this.cells.forEach((cell, i) => cell.setPosition(i, this.cells.length));
    this.addButton.disabled = this.cells.length >= MAX_CELLS;
  }

  add(index: number, kind: CellKind, source: string, focus = false, chart: ChartChoice = AUTO): Cell {
    const cell = new Cell(
      {
        kind,
        source,
        chart,
        schema: this.completion,
        communeNames: this.options.communeNames,
        baseTables: () => this.baseTables()
      },
      this.actions
    );
    this.cells.splice(index, 0, cell);
    this.list.insertBefore(cell.element, this.list.children[index] ?? null);
    this.renumber();
    if (focus) {
      cell.focus();
      this.options.announce(`Cellule ${index + 1} ajoutée.`);
    }
    this.scheduleUrl();
    return cell;
  }

  private forget(cell: Cell): void {
    if (cell.ticket) this.options.runner.cancel(cell.ticket);
    this.graph.delete(cell.id);
    this.applied.delete(cell);
    // drop() and the schema panel's refresh() show or swallow their own errors.
    if (cell.viewName) void this.options.runner.drop([cell.viewName]).then(() => this.refreshSchema());
  }

  private remove(cell: Cell): void {
    const index = this.cells.indexOf(cell);
    const removed = {
      kind: cell.kind,
      source: cell.source(),
      chart: cell.chart,
      hadResult: cell.element.dataset.state === "ok"
    };
    this.forget(cell);
    this.cells.splice(index, 1);
    cell.destroy();
    if (this.active === cell) this.active = null;
    this.renumber();
    this.scheduleUrl();
    // Focus stays in the notebook: the cell that took its place, else the add button.
    const next = this.cells[Math.min(index, this.cells.length - 1)];
    if (next) next.focus();
    else this.addButton.focus();
    this.options.announce(`Cellule ${index + 1} supprimée. « Rétablir » la remet en place.`);
    this.offerUndo(index, removed);
  }

  /** A removed cell can come back (a click too fast loses no query), with its result if it had one. */
  private offerUndo(
    index: number,
    removed: {kind: CellKind; source: string; chart: ChartChoice; hadResult: boolean}
  ): void {
    const restore = el("button", {type: "button", class: "button-small"}, "Rétablir");
    restore.addEventListener("click", () => {
      this.undoBar.hidden = true;
      const cell = this.add(Math.min(index, this.cells.length), removed.kind, removed.source, true, removed.chart);
      this.options.announce(`Cellule ${cell.position} rétablie.`);
      if (removed.hadResult) this.run(cell);
    });
    this.undoBar.replaceChildren(el("span", {}, `Cellule ${index + 1} supprimée.`), restore);
    this.undoBar.hidden = false;
  }

  private move(cell: Cell, delta: number): void {
    const from = this.cells.indexOf(cell);
    this.cells = moveItem(this.cells, from, from + delta);
    const to = this.cells.indexOf(cell);
    if (to === from) return;
    const focused = document.activeElement as HTMLElement | null;
    this.list.insertBefore(cell.element, this.list.children[to + (to > from ? 1 : 0)] ?? null);
    this.renumber();
    // Moving a node loses the focus: give it back to the button that was pressed (or its twin).
    const button =
      focused && cell.element.contains(focused) && !(focused as HTMLButtonElement).disabled
        ? focused
        : cell.element.querySelector<HTMLElement>(".cell-tools button:not([disabled])");
    button?.focus();
    cell.element.scrollIntoView({block: "nearest"});
    this.options.announce(`Cellule déplacée en position ${to + 1}.`);
    this.scheduleUrl();
  }

  /**
   * Stops a cell that does not end. Chromium runs all the sandboxes of a page in one process, which
   * a looping cell keeps busy: only removing every sandbox frees it. So all go, and the other code
   * cells run again, in new sandboxes; the stopped cell waits to be edited and run.
   */
  private stop(cell: Cell): void {
    const others = this.cells.filter((c) => c !== cell && c.kind !== "sql" && c.hasSandbox());
    cell.sandbox().stop();
    for (const other of others) other.sandbox().stop("Bac à sable relancé après l'arrêt d'une autre cellule.");
    for (const other of others) if (this.applied.has(other)) this.define(other);
    this.options.announce(`Cellule ${cell.position} arrêtée.`);
  }

  /** « cellule 2 », the cell that gives `name` to the others (for messages). */
  private cellOf(name: string, except?: Cell): Cell | null {
    for (const [cell, applied] of this.applied) if (cell !== except && applied.outputs.includes(name)) return cell;
    return null;
  }

  /** Whether these names come, directly or through SQL cells, from JavaScript or Markdown cells. */
  private readsCode(names: string[], seen = new Set<Cell>()): boolean {
    return names.some((name) => {
      const source = this.cellOf(name);
      if (!source || seen.has(source)) return false;
      seen.add(source);
      return source.kind !== "sql" || this.readsCode(this.applied.get(source)?.inputs ?? [], seen);
    });
  }

  /** Names of SQL results other cells give (what an SQL cell may query as a table). */
  private sqlNames(except: Cell): Set<string> {
    const names = new Set<string>();
    for (const [cell, applied] of this.applied) if (cell !== except && applied.name) names.add(applied.name);
    return names;
  }

  /** Runs a cell with its current text: it and the cells that read it run again. */
  run(cell: Cell): void {
    const before = this.applied.get(cell)?.outputs ?? [];
    this.define(cell);
    const after = this.applied.get(cell)?.outputs ?? [];
    // SQL cells that query a name this cell gave or gives now read it from the new definition.
    if (before.join() !== after.join()) {
      const changed = new Set([...before, ...after]);
      for (const other of this.cells) {
        if (other === cell || other.kind !== "sql" || !this.applied.has(other)) continue;
        if (sqlWords(other.applied?.source ?? "").some((w) => changed.has(w))) this.define(other);
      }
    }
  }

  private define(cell: Cell): void {
    // The runtime waits for a cell's previous run before the next: stop it rather than wait.
    if (cell.ticket) this.options.runner.cancel(cell.ticket);
    if (cell.kind !== "sql" && cell.hasSandbox() && cell.sandbox().running)
      cell.sandbox().stop("Exécution remplacée par une nouvelle.");
    const source = cell.source();
    cell.applied = {kind: cell.kind, source};
    const definition = cell.kind === "sql" ? this.sqlDefinition(cell, source) : this.codeDefinition(cell, source);
    const clash = definition.outputs.map((name) => [name, this.cellOf(name, cell)] as const).find(([, other]) => other);
    if (clash) {
      const [name, other] = clash;
      this.graph.delete(cell.id);
      this.applied.delete(cell);
      cell.showProblem(
        "Cellule non exécutée",
        `« ${name} » est déjà défini par la cellule ${other!.position} : donnez un autre nom à l'une des deux.`
      );
      return;
    }
    this.applied.set(cell, {inputs: definition.inputs, outputs: definition.outputs, name: definition.name});
    // At once, not when the runtime gets to it: what is on screen is never taken for the new result.
    cell.showWaiting("En attente…");
    this.graph.set(cell.id, definition, {
      pending: () => {
        // Until the reader agrees, a cell that reads what code gives waits for the agreement, not for a run.
        // A code cell run again meanwhile (a new `width`) still waits for it, not for a run.
        const code = "code" in definition && definition.code === true;
        if (!this.trusted && (code || this.readsCode(definition.inputs))) {
          cell.showWaiting("En attente de votre accord pour exécuter le code (bandeau en haut du carnet).", "consent");
        } else cell.showWaiting("En attente…");
      },
      fulfilled: (value) => {
        if (cell.kind === "sql") cell.showOutcome((value as {__outcome: Ok}).__outcome, definition.name);
        else cell.showCodeDone(definition.outputs);
      },
      rejected: (error) => {
        if (error instanceof SqlCancelled) return cell.showCancelled();
        if (error instanceof SqlFailure) return cell.showSqlError(error.french);
        const said = describeCellError(error, definition.inputs, (name) => {
          const other = this.cellOf(name);
          return other ? `cellule ${other.position}` : null;
        });
        const title = said.waiting
          ? "En attente"
          : cell.kind === "sql"
            ? "Requête non exécutée"
            : "La cellule n'a pas pu s'exécuter";
        cell.showProblem(title, said.message, {detail: said.detail, waiting: said.waiting});
      }
    });
  }

  /** A cell that cannot run: its message, and no names for the others (they say they wait). */
  private failing(message: string, detail?: string): CellDefinition & {name: null} {
    return {
      inputs: [],
      outputs: [],
      name: null,
      run: () => {
        throw new CellRunError(message, detail);
      }
    };
  }

  /** An SQL cell: its name and statement are checked here, before anything reaches the engine. */
  private sqlDefinition(cell: Cell, text: string): CellDefinition & {name: string | null} {
    const tables = this.baseTables();
    const named = cellName(text, tables);
    if (named && "error" in named) return this.failing(named.error);
    const name = named?.name ?? null;
    const bound = bindSqlParameters(text);
    if (!bound.ok) return this.failing(bound.message);
    const checked = checkStatement(bound.sql);
    if (!checked.ok) {
      const typo = unknownStatement(bound.sql);
      if (typo) {
        return {inputs: [], outputs: [], name: null, run: () => Promise.reject(new SqlFailure(typo))};
      }
      return this.failing(checked.reason);
    }
    const others = this.sqlNames(cell);
    const reads = sqlWords(bound.sql).filter((w) => others.has(w) && !bound.params.includes(w));
    const runner = this.options.runner;
    return {
      inputs: [...bound.params, ...reads],
      outputs: name ? [name, `${name}${TABLE_SUFFIX}`] : [],
      name,
      run: async (...values: unknown[]) => {
        const ticket = new Ticket();
        cell.showRunning(ticket);
        await this.options.schemaReady.catch(() => undefined);
        for (const [i, param] of bound.params.entries()) {
          const value = bindableValue(param, values[i]);
          if (!value.ok) throw new CellRunError(value.message);
          // The value is a parameter of a prepared statement, never text of the query.
          await runner.exclusive((engine) => engine.sql(setVariableSql(param), [value.value]));
        }
        const before = cell.viewName;
        const drop = before && before !== name ? [before] : [];
        let outcome: RunOutcome;
        try {
          outcome = await runner.run(checked.sql, {wrappable: checked.wrappable, name, drop, tables}, ticket);
        } catch (error) {
          // The engine did not start: the page says why at the top; the cell says it could not run.
          outcome = {status: "error", message: String((error as Error)?.message ?? error), hint: null};
        }
        if (cell.ticket === ticket) cell.ticket = null;
        cell.viewName = outcome.status === "ok" && name && !outcome.viewError ? name : null;
        if (name || before) await this.refreshSchema();
        if (outcome.status === "cancelled") throw new SqlCancelled("Requête annulée.");
        if (outcome.status === "error") {
          const french = frenchDuckDbError(outcome.message, [...tables, ...others]);
          throw new SqlFailure({...french, hint: french.hint ?? outcome.hint});
        }
        return name
          ? {__outcome: outcome, [name]: outcome.rows, [`${name}${TABLE_SUFFIX}`]: tableMarker(outcome.rows)}
          : {__outcome: outcome};
      }
    };
  }

  /** A JavaScript or Markdown cell: parsed here, run in its sandbox once the reader agrees. */
  private codeDefinition(cell: Cell, text: string): CellDefinition & {name: null; code?: boolean} {
    const kind = cell.kind as "js" | "md";
    const parsed = kind === "js" ? parseJavaScriptCell(text) : parseMarkdownCell(text);
    if (!parsed.ok) {
      const where =
        parsed.problem.line && kind === "js" && !/^Ligne|ligne \d/.test(parsed.problem.message)
          ? `Ligne ${parsed.problem.line} : `
          : "";
      return this.failing(where + parsed.problem.message, parsed.problem.original);
    }
    // A name no cell gives but the browser has (location, localStorage, parent…) is the sandbox's
    // own global, as the page's would be in Framework: not an input from the page.
    const inputs = parsed.inputs.filter((name) => this.cellOf(name, cell) || !(name in globalThis));
    const isCode =
      kind === "js"
        ? text.trim() !== ""
        : inputs.length > 0 || ("parts" in parsed && parsed.parts.some((p) => "expression" in p));
    const outputs = "outputs" in parsed ? parsed.outputs : [];
    const views = "views" in parsed ? parsed.views : [];
    const request = (values: unknown[]) => ({
      kind,
      body: parsed.body,
      parts: "parts" in parsed ? parsed.parts : undefined,
      names: inputs,
      values,
      expression: "expression" in parsed ? parsed.expression : false
    });
    return {
      inputs,
      outputs,
      name: null,
      code: isCode,
      run: async (...values: unknown[]) => {
        if (isCode && !this.trusted) {
          cell.showWaiting("En attente de votre accord pour exécuter le code (bandeau en haut du carnet).", "consent");
          await this.consent;
        }
        cell.showCodeRunning();
        const sandbox = cell.sandbox();
        if (!views.length) return sandbox.run(request(values)).then((result) => result.outputs);
        return follow(sandbox, request(values));
      }
    };
  }

  /** Runs every cell; the runtime orders them (a cell runs once the cells it reads have). */
  runAll(): void {
    for (const cell of this.cells) this.define(cell);
  }

  async refreshSchema(): Promise<void> {
    this.completion = completionSchema(await this.options.schema.refresh());
    for (const cell of this.cells) cell.setSchema(this.completion);
  }

  /** Writes `text` into the editor last used (or the last cell); says where. */
  insert(text: string): string | null {
    const cell = this.active && this.cells.includes(this.active) ? this.active : this.cells[this.cells.length - 1];
    if (!cell) return null;
    cell.editor.insert(text);
    return `cellule ${cell.position}`;
  }

  document(): NotebookDocument {
    return {
      cells: this.cells.map((cell) => ({
        kind: cell.kind,
        source: cell.source(),
        chart: cell.kind === "sql" ? cell.chart : AUTO
      }))
    };
  }

  private showBanner(): void {
    const agree = el("button", {type: "button", class: "button-primary"}, "Exécuter le code");
    agree.addEventListener("click", () => this.agree());
    this.banner.replaceChildren(
      el("strong", {}, "Ce carnet contient du code écrit par la personne qui vous l'a envoyé."),
      el(
        "p",
        {},
        "Les cellules JavaScript et les valeurs ${…} du Markdown ne s'exécutent qu'avec votre accord. " +
          "Lisez-les d'abord. " +
          "Elles tournent isolées dans un bac à sable : sans accès à vos données sur ce site, " +
          "à cette page ni au réseau. " +
          "Les requêtes SQL, en lecture seule, s'exécutent déjà."
      ),
      agree
    );
    this.banner.hidden = false;
  }

  /** The reader agrees: the code cells run, in the sandbox. */
  agree(): void {
    this.trusted = true;
    this.banner.hidden = true;
    this.options.announce("Code du carnet autorisé : les cellules s'exécutent.");
    this.agreed();
    this.cells.find((c) => c.kind !== "sql")?.element.scrollIntoView({block: "nearest"});
  }

  /** Replaces the notebook (an example, a file, a link) and runs it. */
  async load(
    doc: NotebookDocument,
    {history = "push" as "push" | "replace" | "none", origin = "example" as NotebookOrigin} = {}
  ): Promise<void> {
    const views = this.cells.map((c) => c.viewName).filter((v): v is string => !!v);
    for (const cell of this.cells) {
      if (cell.ticket) this.options.runner.cancel(cell.ticket);
      cell.destroy();
    }
    this.graph.dispose();
    this.graph = new ReactiveNotebook();
    this.graph.setBuiltin("width", this.width);
    this.applied.clear();
    this.cells = [];
    this.active = null;
    this.undoBar.hidden = true;
    this.trusted = !((origin === "link" || origin === "file") && hasCode(doc));
    this.banner.hidden = true;
    this.consent = this.trusted ? Promise.resolve() : new Promise<void>((resolve) => (this.agreed = resolve));
    if (!this.trusted) this.showBanner();
    if (views.length) {
      await this.options.runner.drop(views);
      await this.refreshSchema();
    }
    for (const cell of doc.cells) this.add(this.cells.length, cell.kind, cell.source, false, cell.chart);
    this.runAll();
    if (history !== "none") await this.writeUrl(history);
  }

  /** The notebook from the page's link, if it has one. */
  static async fromLocation(): Promise<NotebookDocument | null> {
    const param = new URLSearchParams(location.search).get(URL_PARAM);
    return param ? decodeNotebook(param) : null;
  }

  private scheduleUrl(): void {
    clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => void this.writeUrl("replace"), 300);
  }

  /** The link always holds the notebook: replaced as one types, pushed when another is opened. */
  writeUrl(mode: "push" | "replace" = "replace"): Promise<void> {
    clearTimeout(this.urlTimer);
    const doc = this.document();
    this.urlWrite = this.urlWrite.then(async () => {
      const url = `${location.pathname}${await notebookSearch(doc, location.search)}${location.hash}`;
      if (url === `${location.pathname}${location.search}${location.hash}`) return;
      writeLocation(url, {push: mode === "push"});
    });
    return this.urlWrite;
  }
}

/**
 * A cell with `const x = view(…)`: its value is first what the run declared, then the same with
 * each new value of a view, as the sandbox reports them — the runtime re-runs the cells reading x.
 */
async function* follow(
  sandbox: ReturnType<Cell["sandbox"]>,
  request: Parameters<ReturnType<Cell["sandbox"]>["run"]>[0]
): AsyncGenerator<Record<string, unknown>> {
  const queue: [string, unknown][] = [];
  let wake: () => void = () => {};
  const first = await sandbox.run(request, (name, value) => {
    queue.push([name, value]);
    wake();
  });
  let outputs = first.outputs;
  yield outputs;
  for (;;) {
    while (!queue.length) await new Promise<void>((resolve) => (wake = resolve));
    const [name, value] = queue.shift()!;
    outputs = {...outputs, [name]: value};
    yield outputs;
  }
}
