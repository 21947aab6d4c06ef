// A figure's value as every page shows it: a published value as printed (with its exact value in a
// <data> element), a derived one rounded to what the report could have printed, marked « ≈ » and
// badged « calculé ». One renderer, so that a computed figure is never shown as a published one.
import {formatAmount, formatDerived} from "../../lib/units.js";
import {el} from "./dom.js";

/** « ≈ 13 541 » with a « calculé » badge explaining that the report does not print it. */
export function derivedValue(value: number, unit: string, shown = formatDerived(value, unit)): HTMLElement {
  return el(
    "span",
    {class: "derived"},
    shown,
    " ",
    el("abbr", {class: "badge-derive", title: "Valeur calculée à partir du rapport, qui ne l'imprime pas"}, "calculé")
  );
}

/**
 * A value with its provenance; `printed` is how a published value reads (« 108 participants »),
 * `derived` how a derived one does (« ≈ 13 541 »).
 */
export function figureValue(
  value: number,
  unit: string,
  status: string | null,
  printed: string,
  derived?: string
): HTMLElement {
  return status === "derive" ? derivedValue(value, unit, derived) : el("data", {value}, printed);
}

/** A value with its provenance, a published one printed with its unit (« 108 participants »). */
export function amountValue(
  value: number,
  unit: string,
  status: string | null,
  units: Record<string, string>
): HTMLElement {
  return figureValue(value, unit, status, formatAmount(value, unit, units));
}
