// Errors about curated data: each one names the file, the line and the reason, so that whoever
// maintains the data can fix it without reading code.

export interface DataProblem {
  file: string;
  /** 1-based line in `file`, or undefined when the problem concerns the whole file. */
  line?: number;
  reason: string;
}

export function formatProblem({file, line, reason}: DataProblem): string {
  return `${file}${line === undefined ? "" : `:${line}`}: ${reason}`;
}

/** Thrown when curated data breaks a rule; carries every problem found, not just the first. */
export class DataError extends Error {
  readonly problems: DataProblem[];
  constructor(problems: DataProblem[]) {
    const count = problems.length;
    super(
      `${count} problème${count > 1 ? "s" : ""} dans les données :\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join("\n")
    );
    this.name = "DataError";
    this.problems = problems;
  }
}

/**
 * A piece of the data quoted back in a message, cut to `max` characters: a 400 000-digit value
 * must not turn one message into 400 kB.
 */
export function echo(text: string, max = 80): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}… (${chars.length} caractères)`;
}
