// One cell of the notebook: its SQL editor, its run and cancel buttons, and its output — the
// result (row count, time, chart, paginated table, CSV) or DuckDB's message. A cell knows nothing
// of the others: the notebook orders, names and runs them.
import {el} from "../ui/dom.js";
import {cellName} from "../../lib/notebook/cell-name.js";
import {resultCsv, resultFileName} from "../../lib/notebook/export.js";
import type {ChartChoice} from "../../lib/notebook/notebook.js";
import {durationLabel, rowCountLabel} from "../../lib/notebook/pagination.js";
import {formatNumber} from "../../lib/format.js";
import {MAX_ROWS, truncationNotice} from "../../lib/notebook/run-plan.js";
import {type CompletionSchema, type SqlEditor, sqlEditor} from "./editor.js";
import {chartPanel} from "./chart-panel.js";
import {resultTable} from "./result-table.js";
import {download} from "../export/download.js";
import type {RunOutcome, Ticket} from "./runner.js";
import {uid} from "./ids.js";

/** The key the shortcut uses here: ⌘ on a Mac, Ctrl elsewhere (CodeMirror's « Mod »). */
const MOD_KEY = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl";

export interface CellActions {
  run(cell: Cell): void;
  cancel(cell: Cell): void;
  move(cell: Cell, delta: number): void;
  remove(cell: Cell): void;
  insertBelow(cell: Cell): void;
  /** The SQL or the chart choice changed (the link follows). */
  changed(cell: Cell): void;
  /** The editor got the focus: names from the schema panel go there. */
  focused(cell: Cell): void;
}

export interface CellOptions {
  sql: string;
  chart: ChartChoice;
  schema: CompletionSchema;
  communeNames: Map<string, string>;
  baseTables: () => string[];
}

export class Cell {
  readonly id = uid("cellule");
  readonly element: HTMLElement;
  readonly editor: SqlEditor;
  chart: ChartChoice;
  ticket: Ticket | null = null;
  /** The view this cell's result is, in the engine, since its last successful run. */
  viewName: string | null = null;
  position = 0;

  private readonly title = el("h3", {class: "cell-title"});
  private readonly badge = el("span", {class: "cell-badge", hidden: true});
  private readonly up = el("button", {type: "button", class: "icon-button"}, "↑");
  private readonly down = el("button", {type: "button", class: "icon-button"}, "↓");
  private readonly removeButton = el("button", {type: "button", class: "icon-button danger"}, "✕");
  private readonly addBelow = el("button", {type: "button", class: "button-small"}, "+ Cellule dessous");
  private readonly runButton = el("button", {type: "button", class: "button-primary"}, "▶ Exécuter");
  private readonly cancelButton = el("button", {type: "button", class: "button-secondary", hidden: true}, "■ Annuler");
  private readonly status = el("p", {class: "cell-status", role: "status"});
  private readonly output = el("div", {class: "cell-output", "aria-busy": "false"});
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: CellOptions, private readonly actions: CellActions) {
    this.chart = options.chart;
    const labelId = `${this.id}-label`;
    const hintId = `${this.id}-hint`;
    this.editor = sqlEditor({
      doc: options.sql,
      labelledBy: labelId,
      describedBy: hintId,
      schema: options.schema,
      onRun: () => actions.run(this),
      onChange: () => {
        this.showName();
        actions.changed(this);
      },
      onFocus: () => actions.focused(this)
    });
    this.up.addEventListener("click", () => actions.move(this, -1));
    this.down.addEventListener("click", () => actions.move(this, 1));
    this.removeButton.addEventListener("click", () => actions.remove(this));
    this.addBelow.addEventListener("click", () => actions.insertBelow(this));
    this.runButton.addEventListener("click", () => actions.run(this));
    this.cancelButton.addEventListener("click", () => actions.cancel(this));
    this.title.id = `${this.id}-title`;
    this.element = el(
      "section",
      {class: "cell", id: this.id, "aria-labelledby": this.title.id, "data-state": "idle"},
      el("header", {class: "cell-header"}, this.title, this.badge, el("div", {class: "cell-tools"}, this.addBelow, this.up, this.down, this.removeButton)),
      el("span", {class: "editor-label", id: labelId}, "Requête SQL"),
      el("div", {class: "editor-host"}, this.editor.dom),
      el(
        "div",
        {class: "cell-run"},
        this.runButton,
        this.cancelButton,
        el("span", {class: "shortcut", id: hintId}, el("kbd", {}, MOD_KEY), "+", el("kbd", {}, "Entrée"), " pour exécuter"),
        this.status
      ),
      this.output
    );
    this.showName();
  }

  sql(): string {
    return this.editor.text();
  }

  /** « Cellule 2 » and the controls' names follow the cell's place in the notebook. */
  setPosition(index: number, count: number): void {
    this.position = index + 1;
    const label = `cellule ${this.position}`;
    this.title.textContent = `Cellule ${this.position}`;
    this.up.setAttribute("aria-label", `Monter la ${label}`);
    this.up.title = "Monter";
    this.up.disabled = index === 0;
    this.down.setAttribute("aria-label", `Descendre la ${label}`);
    this.down.title = "Descendre";
    this.down.disabled = index === count - 1;
    this.removeButton.setAttribute("aria-label", `Supprimer la ${label}`);
    this.removeButton.title = "Supprimer";
    this.addBelow.setAttribute("aria-label", `Ajouter une cellule sous la ${label}`);
    this.runButton.setAttribute("aria-label", `Exécuter la ${label}`);
    this.cancelButton.setAttribute("aria-label", `Annuler l'exécution de la ${label}`);
  }

  private showName(): void {
    const name = cellName(this.sql(), this.options.baseTables());
    this.badge.hidden = !name;
    this.badge.classList.toggle("invalid", !!name && "error" in name);
    this.badge.textContent = !name ? "" : "name" in name ? `résultat « ${name.name} »` : "nom invalide";
    this.badge.title = name && "error" in name ? name.error : name ? "Les cellules suivantes peuvent interroger ce résultat par son nom." : "";
  }

  setSchema(schema: CompletionSchema): void {
    this.editor.setSchema(schema);
  }

  /** Queued (the engine starts, another cell runs), then running: the status says which. */
  showRunning(ticket: Ticket): void {
    this.ticket = ticket;
    this.element.dataset.state = "running";
    this.output.setAttribute("aria-busy", "true");
    this.output.classList.add("stale");
    this.runButton.disabled = true;
    this.cancelButton.hidden = false;
    const start = performance.now();
    const tick = () => {
      const seconds = Math.floor((performance.now() - start) / 1000);
      this.status.textContent = ticket.running ? `Exécution…${seconds >= 1 ? ` ${formatNumber(seconds)}\u202fs` : ""}` : "En attente…";
    };
    tick();
    clearInterval(this.timer);
    this.timer = setInterval(tick, 500);
  }

  private settle(state: string): void {
    clearInterval(this.timer);
    this.ticket = null;
    this.element.dataset.state = state;
    this.output.classList.remove("stale");
    this.output.setAttribute("aria-busy", "false");
    this.runButton.disabled = false;
    this.cancelButton.hidden = true;
  }

  /** A statement refused before it reached the engine (read-only explorer, a bad name…). */
  showRefused(message: string): void {
    this.settle("error");
    this.status.textContent = "Requête non exécutée.";
    this.output.replaceChildren(el("div", {class: "cell-error", role: "alert"}, el("strong", {}, "Requête non exécutée"), el("p", {}, message)));
  }

  showOutcome(outcome: RunOutcome, name: string | null): void {
    if (outcome.status === "cancelled") {
      this.settle("cancelled");
      this.status.textContent = "Exécution annulée.";
      this.output.replaceChildren(el("p", {class: "muted cell-note"}, "Requête annulée : aucun résultat. Modifiez-la ou relancez-la."));
      return;
    }
    if (outcome.status === "error") {
      this.settle("error");
      this.status.textContent = "Erreur : voir le message sous la cellule.";
      this.output.replaceChildren(
        el(
          "div",
          {class: "cell-error", role: "alert"},
          el("strong", {}, "DuckDB a refusé la requête"),
          el("pre", {class: "error-message"}, outcome.message),
          outcome.hint ? el("p", {}, outcome.hint) : null
        )
      );
      return;
    }
    this.settle("ok");
    const {columns, rows, total, truncated, ms} = outcome;
    const countLabel = `${truncated && total === null ? "Plus de " : ""}${rowCountLabel(total ?? rows.length)}`;
    this.status.textContent = `${countLabel} · ${durationLabel(ms)}`;
    const csv = el("button", {type: "button", class: "button-small"}, "Télécharger le CSV");
    csv.addEventListener("click", () => download(resultCsv(columns, rows), resultFileName(this.position, name), "text/csv;charset=utf-8"));
    const parts: (Node | null)[] = [
      el(
        "div",
        {class: "result-meta"},
        el("span", {class: "result-count"}, el("strong", {}, countLabel), ` · ${durationLabel(ms)}`),
        name ? el("span", {class: "cell-badge"}, `→ ${name}`) : null,
        columns.length ? csv : null
      ),
      truncated ? el("p", {class: "notice"}, outcome.notice ?? truncationNotice("rows", MAX_ROWS)) : null,
      outcome.viewError ? el("p", {class: "notice"}, `Le résultat n'a pas pu être nommé : ${outcome.viewError}`) : null,
      columns.length
        ? chartPanel({
            columns,
            rows,
            choice: this.chart,
            communeNames: this.options.communeNames,
            onChange: (choice) => {
              this.chart = choice;
              this.actions.changed(this);
            }
          })
        : null,
      columns.length ? resultTable({columns, rows, label: `Résultat de la cellule ${this.position}`}) : el("p", {class: "muted"}, "Instruction exécutée, sans résultat à afficher.")
    ];
    this.output.replaceChildren(...parts.filter((p): p is Node => p !== null));
  }

  focus(): void {
    this.editor.focus();
  }

  destroy(): void {
    clearInterval(this.timer);
    this.editor.destroy();
    this.element.remove();
  }
}
