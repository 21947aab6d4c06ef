// The notebook's cells as variables of Framework's reactive runtime (@observablehq/runtime): each
// cell is one variable whose inputs are the names it reads, and each name it gives the others is a
// variable reading that cell's value. The runtime orders the runs, re-runs a cell's dependents
// (only them) when it changes, and reports cycles and unknown names; this module only says so in
// French. Nothing here runs a cell's code: the definitions are the caller's (engine, sandbox).
import {Runtime, RuntimeError, type Module, type Observer, type Variable} from "npm:@observablehq/runtime";

export interface CellDefinition {
  /** Names read from other cells. */
  inputs: string[];
  /** Names given to other cells: each is the property of that name of the cell's value. */
  outputs: string[];
  /** Computes the cell's value (an object of its outputs) from its inputs' values, in order. */
  run(...values: unknown[]): unknown;
}

export interface CellObserver {
  pending(): void;
  fulfilled(value: unknown): void;
  rejected(error: unknown): void;
}

/** An error a cell's own run raised (shown on that cell; its dependents say they wait for it). */
export class CellRunError extends Error {
  constructor(
    message: string,
    readonly detail?: string
  ) {
    super(message);
  }
}

const NOT_DEFINED = / is not defined$/;

/** The variable name of a cell: not an identifier, so no cell's code can name it. */
export function cellVariable(id: string): string {
  return `cellule#${id}`;
}

interface Entry {
  variable: Variable;
  outputs: Map<string, Variable>;
  definition: CellDefinition;
  observer: CellObserver;
}

export class ReactiveNotebook {
  private readonly runtime: Runtime;
  private readonly module: Module;
  private readonly cells = new Map<string, Entry>();

  constructor() {
    // No global fallback: a name no cell defines is an error, never the page's `window[name]`.
    this.runtime = new Runtime({}, (name: string) => {
      throw new RuntimeError(`${name} is not defined`);
    });
    this.module = this.runtime.module();
  }

  private readonly builtins = new Map<string, Variable>();

  /**
   * A value the page gives every cell under `name` (the output width): defined or redefined, and
   * then the cells that read it, and theirs, run again.
   */
  setBuiltin(name: string, value: unknown): void {
    const existing = this.builtins.get(name);
    if (existing) existing.define(name, [], () => value);
    else
      this.builtins.set(
        name,
        this.module.define(name, [], () => value)
      );
  }

  /** Defines or redefines a cell (then it and its dependents run). */
  set(id: string, definition: CellDefinition, observer: CellObserver): void {
    const name = cellVariable(id);
    let entry = this.cells.get(id);
    if (!entry) {
      // The runtime keeps a variable's first observer: it hands over to the latest one given.
      const wrapped: Observer = {
        pending: () => this.cells.get(id)?.observer.pending(),
        fulfilled: (value) => this.cells.get(id)?.observer.fulfilled(value),
        rejected: (error) => this.cells.get(id)?.observer.rejected(error)
      };
      entry = {variable: this.module.variable(wrapped), outputs: new Map(), definition, observer};
      this.cells.set(id, entry);
    }
    entry.definition = definition;
    entry.observer = observer;
    // A fresh function each time: the runtime re-runs a variable whose definition changed.
    entry.variable.define(name, definition.inputs, (...values: unknown[]) => definition.run(...values));
    for (const [output, variable] of entry.outputs) {
      if (!definition.outputs.includes(output)) {
        variable.delete();
        entry.outputs.delete(output);
      }
    }
    for (const output of definition.outputs) {
      const pick = (value: unknown) => (value as Record<string, unknown> | null | undefined)?.[output];
      const existing = entry.outputs.get(output);
      if (existing) existing.define(output, [name], pick);
      else entry.outputs.set(output, this.module.define(output, [name], pick));
    }
  }

  /** Runs the cell again (and its dependents), with its current definition. */
  rerun(id: string): void {
    const entry = this.cells.get(id);
    if (!entry) return;
    const definition = entry.definition;
    entry.variable.define(cellVariable(id), definition.inputs, (...values: unknown[]) => definition.run(...values));
  }

  delete(id: string): void {
    const entry = this.cells.get(id);
    if (!entry) return;
    for (const variable of entry.outputs.values()) variable.delete();
    entry.variable.delete();
    this.cells.delete(id);
  }

  ids(): string[] {
    return [...this.cells.keys()];
  }

  dispose(): void {
    this.runtime.dispose();
    this.cells.clear();
    this.builtins.clear();
  }
}

/**
 * What a cell's failure means, in French. `ownNames`: the cell's inputs, to tell « this name is
 * defined nowhere » from « a cell this one reads failed ». `cellOf` names the cell that defines a name.
 */
export function describeCellError(
  error: unknown,
  inputs: string[],
  cellOf: (name: string) => string | null
): {message: string; detail?: string; waiting: boolean} {
  if (error instanceof CellRunError) return {message: error.message, detail: error.detail, waiting: false};
  const message = String((error as Error)?.message ?? error);
  const input = (error as {input?: string}).input;
  if (message === "circular definition") {
    return {
      message:
        "Définition circulaire : cette cellule dépend, directement ou par d'autres cellules, " +
        "de ce qu'elle définit elle-même.",
      waiting: false
    };
  }
  const undefinedName = NOT_DEFINED.test(message) ? message.replace(NOT_DEFINED, "") : null;
  if (undefinedName && inputs.includes(undefinedName) && !cellOf(undefinedName)) {
    return {
      message:
        `« ${undefinedName} » n'est défini par aucune cellule ` + "(ni résultat SQL nommé, ni déclaration JavaScript).",
      waiting: false
    };
  }
  const duplicate = /^(.+) is defined more than once$/.exec(message);
  if (duplicate)
    return {
      message: `« ${duplicate[1]} » est défini par plusieurs cellules : gardez-en une, ou renommez.`,
      waiting: false
    };
  if (input && !input.startsWith("cellule#")) {
    const where = cellOf(input);
    return {message: `En attente de « ${input} »${where ? ` (${where})` : ""}, qui est en erreur.`, waiting: true};
  }
  return {message: `La cellule a échoué : ${message}`, waiting: false};
}
