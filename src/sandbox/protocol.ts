// The messages between the explorer page and a cell's sandbox (an iframe with an opaque origin).
// Both sides check who sent a message: the page only listens to its iframe's window, the sandbox
// only to its parent.

export type CellCodeKind = "js" | "md";

export interface RunRequest {
  type: "run";
  /** Numbers the runs of this sandbox: late answers of an older run are ignored. */
  run: number;
  kind: CellCodeKind;
  /** The body of an async function (see lib/notebook/js-cell.ts). */
  body: string;
  /** For Markdown: the text with one placeholder per `${…}` (see sandbox/client.ts). */
  parts?: ({text: string} | {expression: string})[];
  names: string[];
  values: unknown[];
  /** An expression cell: its value is displayed. */
  expression: boolean;
}

export type SandboxMessage =
  | {type: "ready"}
  | {type: "height"; height: number}
  | {type: "done"; run: number; outputs: Record<string, unknown>}
  | {type: "error"; run: number; message: string; detail?: string}
  | {type: "view"; run: number; name: string; value: unknown};
