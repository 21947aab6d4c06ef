// What the review page receives of the reference edition (src/data/reference-edition.json, written
// by src/lib/build/reference-edition.ts): one shape for the loader and the page.
import type {Rules} from "../validation/rules.js";

export interface ReferenceData {
  year: number;
  text: string;
  /** Rows of its indicateurs.csv as written (values as printed). */
  rows: Record<string, string>[];
  coherence: unknown;
  rules: Rules;
  communes: {code: string; nom: string}[];
}
