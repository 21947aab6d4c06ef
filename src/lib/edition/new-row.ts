// A number of the new text that no proposal uses, turned into a row of indicateurs.csv: its
// indicator is one the site already has (programme, section, label and unit come with it), its
// quote the whole line that prints it.
import {normalizeWhitespace} from "../text.js";

export interface IndicatorChoice {
  indicator: string;
  programme: string;
  section: string;
  label: string;
  unit: string;
}

/** Every indicator of the reference edition, once, in the report's order. */
export function indicatorChoices(rows: Record<string, string>[]): IndicatorChoice[] {
  const seen = new Map<string, IndicatorChoice>();
  for (const row of rows) {
    if (!row.indicator || seen.has(row.indicator)) continue;
    const {indicator, programme = "", section = "", label = "", unit = ""} = row;
    seen.set(indicator, {indicator, programme, section, label, unit});
  }
  return [...seen.values()];
}

/** Line `line` (1-based) of a text, its runs of spaces as one: a quote that starts and ends on boundaries. */
export function lineText(text: string, line: number): string {
  return normalizeWhitespace(text.split(/\r?\n/)[line - 1] ?? "");
}

export interface NewRowForm {
  indicator: IndicatorChoice;
  label: string;
  unit: string;
  commune_code?: string;
  dimension?: string;
  category?: string;
  value: string;
  quote: string;
}

/** The row of indicateurs.csv for a figure printed in the new edition. */
export function newRow(year: number, form: NewRowForm): Record<string, string> {
  return {
    year: String(year),
    programme: form.indicator.programme,
    section: form.indicator.section,
    indicator: form.indicator.indicator,
    label: form.label.trim(),
    commune_code: form.commune_code?.trim() ?? "",
    dimension: form.dimension?.trim() ?? "",
    category: form.category?.trim() ?? "",
    value: form.value.trim(),
    unit: form.unit,
    status: "publie",
    derivation: "",
    quote: form.quote.trim()
  };
}
