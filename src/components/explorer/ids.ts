// Unique ids for labels and descriptions (several cells hold the same controls).
let next = 0;

export function uid(prefix: string): string {
  return `${prefix}-${++next}`;
}
