// The notebook: its cells in order, how they run (one after another on the one engine, named
// results becoming views for later cells), and the link that holds it all (`?n=`).
import {el} from "../ui/dom.js";
import {writeUrl as writeLocation} from "../ui/url-state.js";
import {cellName} from "../../lib/notebook/cell-name.js";
import {checkStatement} from "../../lib/notebook/guard.js";
import {AUTO, MAX_CELLS, type NotebookDocument, moveItem} from "../../lib/notebook/notebook.js";
import {completionSchema} from "../../lib/notebook/schema.js";
import {URL_PARAM, decodeNotebook, notebookSearch} from "../../lib/notebook/url-state.js";
import {Cell, type CellActions} from "./cell.js";
import type {CompletionSchema} from "./editor.js";
import {type RunOutcome, Runner, Ticket} from "./runner.js";
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

export class NotebookView {
  readonly element: HTMLElement;
  private cells: Cell[] = [];
  private readonly list = el("div", {class: "cells"});
  private readonly addButton = el("button", {type: "button", class: "button-add"}, "+ Ajouter une cellule");
  private readonly undoBar = el("div", {class: "undo-bar", hidden: true});
  private active: Cell | null = null;
  private completion: CompletionSchema = {};
  private urlTimer: ReturnType<typeof setTimeout> | undefined;
  private urlWrite: Promise<void> = Promise.resolve();

  constructor(private readonly options: NotebookViewOptions) {
    this.addButton.addEventListener("click", () => this.add(this.cells.length, "", true));
    this.element = el("div", {class: "notebook"}, el("h2", {class: "visually-hidden"}, "Carnet"), this.list, this.undoBar, this.addButton);
  }

  private baseTables(): string[] {
    return this.options.schema.tables().filter((t) => t.origin === "base").map((t) => t.name);
  }

  private readonly actions: CellActions = {
    run: (cell) => void this.run(cell),
    cancel: (cell) => {
      const ticket = cell.ticket;
      if (!ticket) return;
      this.options.runner.cancel(ticket);
      // Not started yet: nothing to wait for.
      if (!ticket.running) cell.showOutcome({status: "cancelled"}, null);
    },
    move: (cell, delta) => this.move(cell, delta),
    remove: (cell) => this.remove(cell),
    insertBelow: (cell) => this.add(this.cells.indexOf(cell) + 1, "", true),
    changed: () => this.scheduleUrl(),
    focused: (cell) => (this.active = cell)
  };

  private renumber(): void {
    this.cells.forEach((cell, i) => cell.setPosition(i, this.cells.length));
    this.addButton.disabled = this.cells.length >= MAX_CELLS;
  }

  add(index: number, sql: string, focus = false, chart = AUTO): Cell {
    const cell = new Cell(
      {sql, chart, schema: this.completion, communeNames: this.options.communeNames, baseTables: () => this.baseTables()},
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

  private remove(cell: Cell): void {
    const index = this.cells.indexOf(cell);
    const removed = {sql: cell.sql(), chart: cell.chart, hadResult: cell.element.dataset.state === "ok"};
    if (cell.ticket) this.options.runner.cancel(cell.ticket);
    if (cell.viewName) this.options.runner.drop([cell.viewName]).then(() => this.refreshSchema());
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
    this.offerUndo(index, removed.sql, removed.chart, removed.hadResult);
  }

  /** A removed cell can come back (a click too fast loses no query), with its result if it had one. */
  private offerUndo(index: number, sql: string, chart: Cell["chart"], rerun: boolean): void {
    const restore = el("button", {type: "button", class: "button-small"}, "Rétablir");
    restore.addEventListener("click", () => {
      this.undoBar.hidden = true;
      const cell = this.add(Math.min(index, this.cells.length), sql, true, chart);
      this.options.announce(`Cellule ${cell.position} rétablie.`);
      if (rerun) void this.run(cell);
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
    const button = focused && cell.element.contains(focused) && !(focused as HTMLButtonElement).disabled ? focused : cell.element.querySelector<HTMLElement>(".cell-tools button:not([disabled])");
    button?.focus();
    cell.element.scrollIntoView({block: "nearest"});
    this.options.announce(`Cellule déplacée en position ${to + 1}.`);
    this.scheduleUrl();
  }

  /** Runs one cell: its name and statement are checked here, before anything reaches the engine. */
  async run(cell: Cell, ticket = new Ticket()): Promise<void> {
    if (cell.ticket && cell.ticket !== ticket) return; // already running or queued
    cell.showRunning(ticket);
    await this.options.schemaReady.catch(() => undefined);
    const text = cell.sql();
    const tables = this.baseTables();
    const named = cellName(text, tables);
    if (cell.ticket !== ticket) return;
    if (named && "error" in named) return cell.showRefused(named.error);
    const name = named?.name ?? null;
    const twin = name ? this.cells.find((other) => other !== cell && (cellName(other.sql(), tables) as {name?: string} | null)?.name === name) : undefined;
    if (twin) return cell.showRefused(`Le nom « ${name} » est déjà celui de la cellule ${twin.position} : donnez un autre nom à l'une des deux.`);
    const checked = checkStatement(text);
    if (!checked.ok) return cell.showRefused(checked.reason);
    const before = cell.viewName;
    const drop = before && before !== name ? [before] : [];
    let outcome: RunOutcome;
    try {
      outcome = await this.options.runner.run(checked.sql, {wrappable: checked.wrappable, name, drop, tables}, ticket);
    } catch (error) {
      // The engine did not start: the page says why at the top; the cell says it could not run.
      outcome = {status: "error", message: String((error as Error)?.message ?? error), hint: null};
    }
    // Removed while it ran, or cancelled and run again since: this outcome is no one's.
    if (!this.cells.includes(cell) || cell.ticket !== ticket) return;
    // The runner dropped the old name, and the new one unless the run succeeded.
    cell.viewName = outcome.status === "ok" && name && !outcome.viewError ? name : null;
    cell.showOutcome(outcome, cell.viewName);
    if (name || before) await this.refreshSchema();
  }

  /** Runs every cell in order, each after the one before (a later cell may use an earlier name). */
  async runAll(): Promise<void> {
    // Every cell shows at once that it is queued, and can be cancelled before its turn.
    const queue = this.cells
      .filter((cell) => !cell.ticket)
      .map((cell) => {
        const ticket = new Ticket();
        cell.showRunning(ticket);
        return [cell, ticket] as const;
      });
    for (const [cell, ticket] of queue) {
      if (!this.cells.includes(cell)) continue;
      if (!ticket.cancelled) await this.run(cell, ticket);
    }
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
    return {cells: this.cells.map((cell) => ({sql: cell.sql(), chart: cell.chart}))};
  }

  /** Replaces the notebook (an example, a file, a link) and runs it. */
  async load(doc: NotebookDocument, {history = "push" as "push" | "replace" | "none"} = {}): Promise<void> {
    const views = this.cells.map((c) => c.viewName).filter((v): v is string => !!v);
    for (const cell of this.cells) {
      if (cell.ticket) this.options.runner.cancel(cell.ticket);
      cell.destroy();
    }
    this.cells = [];
    this.active = null;
    this.undoBar.hidden = true;
    if (views.length) {
      await this.options.runner.drop(views);
      await this.refreshSchema();
    }
    for (const cell of doc.cells) this.add(this.cells.length, cell.sql, false, cell.chart);
    const running = this.runAll(); // marks every cell as queued at once
    if (history !== "none") await this.writeUrl(history);
    await running;
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
