// One cell of the notebook: its kind (SQL, JavaScript, Markdown), its editor, its run and stop
// buttons, and its output — for SQL the result (row count, time, chart, paginated table, CSV) or
// DuckDB's message in French; for JavaScript and Markdown the cell's sandbox, where the code runs
// and draws. A cell knows nothing of the others: the notebook orders, names and runs them.
import {el} from "../ui/dom.js";
import {cellName} from "../../lib/notebook/cell-name.js";
import {resultCsv, resultFileName} from "../../lib/notebook/export.js";
import {CELL_KIND_LABELS, type CellKind, type ChartChoice} from "../../lib/notebook/notebook.js";
import {durationLabel, rowCountLabel} from "../../lib/notebook/pagination.js";
import type {FrenchError} from "../../lib/notebook/sql-errors.js";
import {formatNumber} from "../../lib/format.js";
import {MAX_ROWS, truncationNotice} from "../../lib/notebook/run-plan.js";
import {type CompletionSchema, type SqlEditor, sqlEditor} from "./editor.js";
import {chartPanel} from "./chart-panel.js";
import {resultTable} from "./result-table.js";
import {download} from "../export/download.js";
import type {RunOutcome, Ticket} from "./runner.js";
import {Sandbox} from "./sandbox.js";
import {uid} from "./ids.js";

/** The key the shortcut uses here: ⌘ on a Mac, Ctrl elsewhere (CodeMirror's « Mod »). */
const MOD_KEY = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl";

const EDITOR_LABELS: Record<CellKind, string> = {sql: "Requête SQL", js: "Code JavaScript", md: "Texte Markdown"};

type OkOutcome = Extract<RunOutcome, {status: "ok"}>;

export interface CellActions {
  run(cell: Cell): void;
  cancel(cell: Cell): void;
  /** Stops a JavaScript or Markdown cell (its sandbox is replaced). */
  stop(cell: Cell): void;
  move(cell: Cell, delta: number): void;
  remove(cell: Cell): void;
  insertBelow(cell: Cell): void;
  /** The text, the kind or the chart choice changed (the link follows). */
  changed(cell: Cell): void;
  /** The editor got the focus: names from the schema panel go there. */
  focused(cell: Cell): void;
}

export interface CellOptions {
  kind: CellKind;
  source: string;
  chart: ChartChoice;
  schema: CompletionSchema;
  communeNames: Map<string, string>;
  baseTables: () => string[];
}

export class Cell {
  readonly id = uid("cellule");
  readonly element: HTMLElement;
  editor: SqlEditor;
  kind: CellKind;
  chart: ChartChoice;
  ticket: Ticket | null = null;
  /** The view this cell's result is, in the engine, since its last successful run. */
  viewName: string | null = null;
  /** The text of the cell's last run: the notebook's graph follows it, not the editor. */
  applied: {kind: CellKind; source: string} | null = null;
  position = 0;

  private readonly title = el("h3", {class: "cell-title"});
  private readonly kindSelect = el("select", {class: "cell-kind"});
  private readonly badge = el("span", {class: "cell-badge", hidden: true});
  private readonly up = el("button", {type: "button", class: "icon-button"}, "↑");
  private readonly down = el("button", {type: "button", class: "icon-button"}, "↓");
  private readonly removeButton = el("button", {type: "button", class: "icon-button danger"}, "✕");
  private readonly addBelow = el("button", {type: "button", class: "button-small"}, "+ Cellule dessous");
  private readonly runButton = el("button", {type: "button", class: "button-primary"}, "▶ Exécuter");
  private readonly cancelButton = el("button", {type: "button", class: "button-secondary", hidden: true}, "■ Annuler");
  private readonly stopButton = el("button", {type: "button", class: "button-secondary", hidden: true}, "■ Arrêter");
  private readonly status = el("p", {class: "cell-status", role: "status"});
  private readonly problem = el("div", {class: "cell-problem"});
  private readonly output = el("div", {class: "cell-output", "aria-busy": "false"});
  private readonly editorLabel = el("span", {class: "editor-label"});
  private readonly editorHost = el("div", {class: "editor-host"});
  private sandboxHost: Sandbox | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly options: CellOptions,
    private readonly actions: CellActions
  ) {
    this.kind = options.kind;
    this.chart = options.chart;
    this.editorLabel.id = `${this.id}-label`;
    const hintId = `${this.id}-hint`;
    const kindId = `${this.id}-kind`;
    this.kindSelect.id = kindId;
    for (const kind of Object.keys(CELL_KIND_LABELS) as CellKind[]) {
      this.kindSelect.append(el("option", {value: kind, selected: kind === this.kind}, CELL_KIND_LABELS[kind]));
    }
    this.kindSelect.addEventListener("change", () => this.setKind(this.kindSelect.value as CellKind));
    this.editor = this.makeEditor(options.source, hintId);
    this.up.addEventListener("click", () => actions.move(this, -1));
    this.down.addEventListener("click", () => actions.move(this, 1));
    this.removeButton.addEventListener("click", () => actions.remove(this));
    this.addBelow.addEventListener("click", () => actions.insertBelow(this));
    this.runButton.addEventListener("click", () => actions.run(this));
    this.cancelButton.addEventListener("click", () => actions.cancel(this));
    this.stopButton.addEventListener("click", () => actions.stop(this));
    this.title.id = `${this.id}-title`;
    this.element = el(
      "section",
      {class: "cell", id: this.id, "aria-labelledby": this.title.id, "data-state": "idle", "data-kind": this.kind},
      el(
        "header",
        {class: "cell-header"},
        this.title,
        el("span", {class: "field cell-kind-field"}, el("label", {for: kindId}, "Type"), this.kindSelect),
        this.badge,
        el("div", {class: "cell-tools"}, this.addBelow, this.up, this.down, this.removeButton)
      ),
      this.editorLabel,
      this.editorHost,
      el(
        "div",
        {class: "cell-run"},
        this.runButton,
        this.cancelButton,
        this.stopButton,
        el(
          "span",
          {class: "shortcut", id: hintId},
          el("kbd", {}, MOD_KEY),
          "+",
          el("kbd", {}, "Entrée"),
          " pour exécuter"
        ),
        this.status
      ),
      this.problem,
      this.output
    );
    this.showName();
  }

  private makeEditor(source: string, hintId = `${this.id}-hint`): SqlEditor {
    this.editorLabel.textContent = EDITOR_LABELS[this.kind];
    const editor = sqlEditor({
      doc: source,
      language: this.kind,
      labelledBy: this.editorLabel.id,
      describedBy: hintId,
      schema: this.options.schema,
      onRun: () => this.actions.run(this),
      onChange: () => {
        this.showName();
        this.actions.changed(this);
      },
      onFocus: () => this.actions.focused(this)
    });
    this.editorHost.replaceChildren(editor.dom);
    return editor;
  }

  source(): string {
    return this.editor.text();
  }

  /** SQL ↔ JavaScript ↔ Markdown: the text stays, the editor and the output change. */
  setKind(kind: CellKind): void {
    if (kind === this.kind) return;
    const text = this.source();
    this.editor.destroy();
    this.kind = kind;
    this.kindSelect.value = kind;
    this.element.dataset.kind = kind;
    this.editor = this.makeEditor(text);
    this.sandboxHost?.destroy();
    this.sandboxHost = null;
    this.settle("idle");
    this.status.textContent = "";
    this.problem.replaceChildren();
    this.output.replaceChildren();
    this.showName();
    this.actions.changed(this);
  }

  hasSandbox(): boolean {
    return this.sandboxHost !== null;
  }

  /** The cell's sandbox (JavaScript, Markdown), made on first use. */
  sandbox(): Sandbox {
    if (!this.sandboxHost) {
      this.sandboxHost = new Sandbox(`Sortie de la cellule ${this.position} (bac à sable)`);
      this.output.replaceChildren(this.sandboxHost.element);
    }
    return this.sandboxHost;
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
    // The accessible name starts with the visible text (WCAG 2.5.3, « label in name »).
    this.addBelow.setAttribute("aria-label", `+ Cellule dessous (sous la ${label})`);
    this.kindSelect.setAttribute("aria-label", `Type de la ${label}`);
    this.runButton.setAttribute("aria-label", `Exécuter la ${label}`);
    this.cancelButton.setAttribute("aria-label", `Annuler l'exécution de la ${label}`);
    this.stopButton.setAttribute("aria-label", `Arrêter la ${label}`);
  }

  private showName(): void {
    const name = this.kind === "sql" ? cellName(this.source(), this.options.baseTables()) : null;
    this.badge.hidden = !name;
    this.badge.classList.toggle("invalid", !!name && "error" in name);
    this.badge.textContent = !name ? "" : "name" in name ? `résultat « ${name.name} »` : "nom invalide";
    this.badge.title =
      name && "error" in name
        ? name.error
        : name
          ? "Les cellules suivantes peuvent interroger ce résultat par son nom, et le lire en JavaScript."
          : "";
  }

  setSchema(schema: CompletionSchema): void {
    this.editor.setSchema(schema);
  }

  private busy(): void {
    this.element.dataset.state = "running";
    this.output.setAttribute("aria-busy", "true");
    this.output.classList.add("stale");
    this.runButton.disabled = true;
  }

  /** Waiting for the cells it reads (the graph says so), or for the reader's agreement. */
  showWaiting(text: string, state = "running"): void {
    clearInterval(this.timer);
    this.busy();
    this.element.dataset.state = state;
    if (state !== "running") {
      this.output.setAttribute("aria-busy", "false");
      this.runButton.disabled = false;
    }
    this.problem.replaceChildren();
    this.status.textContent = text;
  }

  /** SQL: queued (the engine starts, another cell runs), then running: the status says which. */
  showRunning(ticket: Ticket): void {
    this.ticket = ticket;
    this.busy();
    this.cancelButton.hidden = false;
    this.problem.replaceChildren();
    const start = performance.now();
    const tick = () => {
      const seconds = Math.floor((performance.now() - start) / 1000);
      this.status.textContent = ticket.running
        ? `Exécution…${seconds >= 1 ? ` ${formatNumber(seconds)}\u202fs` : ""}`
        : "En attente…";
    };
    tick();
    clearInterval(this.timer);
    this.timer = setInterval(tick, 500);
  }

  /** JavaScript, Markdown: running in the sandbox; « Arrêter » stops a cell that does not end. */
  showCodeRunning(): void {
    this.busy();
    this.problem.replaceChildren();
    this.stopButton.hidden = false;
    const start = performance.now();
    const tick = () => {
      const seconds = Math.floor((performance.now() - start) / 1000);
      this.status.textContent = `Exécution…${seconds >= 1 ? ` ${formatNumber(seconds)}\u202fs` : ""}`;
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
    this.stopButton.hidden = true;
  }

  /** Anything that kept the cell from giving a value, in French, with the original words if any. */
  showProblem(
    title: string,
    message: string,
    {detail, hint, waiting = false}: {detail?: string; hint?: string | null; waiting?: boolean} = {}
  ): void {
    this.settle(waiting ? "waiting" : "error");
    this.status.textContent = waiting ? "En attente d'une autre cellule." : `${title}.`;
    this.problem.replaceChildren(
      el(
        "div",
        {class: waiting ? "cell-note" : "cell-error", role: waiting ? null : "alert"},
        el("strong", {}, title),
        el("p", {}, message),
        hint ? el("p", {class: "cell-hint"}, hint) : null,
        detail
          ? el(
              "details",
              {class: "error-original"},
              el("summary", {}, "Message d'origine"),
              el("pre", {class: "error-message"}, detail)
            )
          : null
      )
    );
    if (this.kind === "sql" && !waiting) this.output.replaceChildren();
  }

  /** A statement refused before it reached the engine (read-only explorer, a bad name…). */
  showRefused(message: string): void {
    this.showProblem("Requête non exécutée", message);
  }

  showSqlError(error: FrenchError): void {
    this.showProblem("DuckDB a refusé la requête", error.message, {hint: error.hint, detail: error.original});
  }

  showCancelled(): void {
    this.settle("cancelled");
    this.status.textContent = "Exécution annulée.";
    this.problem.replaceChildren();
    this.output.replaceChildren(
      el("p", {class: "muted cell-note"}, "Requête annulée : aucun résultat. Modifiez-la ou relancez-la.")
    );
  }

  /** JavaScript, Markdown: the sandbox shows the output; the status says what the cell gives. */
  showCodeDone(outputs: string[]): void {
    this.settle("ok");
    this.problem.replaceChildren();
    this.status.textContent = outputs.length ? `Définit ${outputs.map((n) => `« ${n} »`).join(", ")}.` : "Exécutée.";
  }

  showOutcome(outcome: OkOutcome, name: string | null): void {
    this.settle("ok");
    this.problem.replaceChildren();
    const {columns, rows, total, truncated, ms} = outcome;
    const countLabel = `${truncated && total === null ? "Plus de " : ""}${rowCountLabel(total ?? rows.length)}`;
    this.status.textContent = `${countLabel} · ${durationLabel(ms)}`;
    const csv = el("button", {type: "button", class: "button-small"}, "Télécharger le CSV");
    csv.addEventListener("click", () =>
      download(resultCsv(columns, rows), resultFileName(this.position, name), "text/csv;charset=utf-8")
    );
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
            position: () => this.position,
            onChange: (choice) => {
              this.chart = choice;
              this.actions.changed(this);
            }
          })
        : null,
      columns.length
        ? resultTable({columns, rows, label: `Résultat de la cellule ${this.position}`})
        : el("p", {class: "muted"}, "Instruction exécutée, sans résultat à afficher.")
    ];
    this.output.replaceChildren(...parts.filter((p): p is Node => p !== null));
  }

  focus(): void {
    this.editor.focus();
  }

  destroy(): void {
    clearInterval(this.timer);
    this.editor.destroy();
    this.sandboxHost?.destroy();
    this.element.remove();
  }
}
