// Types for the untyped modules the notebook uses: Framework's runtime (served by Framework as
// /_observablehq/runtime.js, from node_modules in Node), Framework's scope analysis of a cell (its
// own pure functions over an acorn tree), and the libraries bundled into the sandbox.
declare module "npm:@observablehq/runtime" {
  export interface Observer {
    pending?(): void;
    fulfilled?(value: unknown, name?: string | null): void;
    rejected?(error: unknown, name?: string | null): void;
  }
  export interface Variable {
    define(name: string | null, inputs: string[], definition: (...values: any[]) => unknown): Variable;
    delete(): void;
  }
  export interface Module {
    variable(observer?: Observer | boolean): Variable;
    define(name: string, inputs: string[], definition: (...values: any[]) => unknown): Variable;
    value(name: string): Promise<unknown>;
  }
  export class Runtime {
    constructor(builtins?: Record<string, unknown>, global?: (name: string) => unknown);
    module(): Module;
    dispose(): void;
  }
  export class RuntimeError extends Error {
    input?: string;
  }
}

declare module "@observablehq/framework/dist/javascript/references.js" {
  import type {Identifier, Node} from "acorn";
  export function findReferences(node: Node, options?: {globals?: Set<string>}): Identifier[];
}

declare module "@observablehq/framework/dist/javascript/declarations.js" {
  import type {Identifier, Node} from "acorn";
  export function findDeclarations(node: Node, input: string): Identifier[];
}

declare module "@observablehq/framework/dist/javascript/assignments.js" {
  import type {Identifier, Node} from "acorn";
  export function checkAssignments(node: Node, references: Identifier[], input: string): void;
}

declare module "@observablehq/framework/dist/javascript/globals.js" {
  export const defaultGlobals: Set<string>;
}

declare module "@observablehq/inputs" {
  export const range: (...args: any[]) => HTMLElement & {value: unknown};
  const Inputs: Record<string, (...args: any[]) => HTMLElement & {value: unknown}>;
  export default Inputs;
}

// The page's Inputs (the exported page's tables, components/explorer/page-sql.ts).
declare module "npm:@observablehq/inputs" {
  export function table(data: unknown, options?: Record<string, unknown>): HTMLElement;
}

declare module "@observablehq/inspector" {
  export class Inspector {
    constructor(node: Element);
    fulfilled(value: unknown): void;
    rejected(error: unknown): void;
  }
}

declare module "markdown-it" {
  export default class MarkdownIt {
    constructor(options?: Record<string, unknown>);
    render(text: string): string;
  }
}

declare module "htl" {
  export function html(strings: TemplateStringsArray, ...values: unknown[]): Node;
  export function svg(strings: TemplateStringsArray, ...values: unknown[]): Node;
}
