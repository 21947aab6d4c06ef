// The year a programme view shows, as a select: « Année affichée ». The drill-down and the
// overviews use the same control; the page decides what a choice does (a history entry).
import {el} from "../ui/dom.js";

export function yearChoice(years: number[], year: number, onYear: (year: number) => void): HTMLElement | null {
  if (years.length < 2) return null;
  return el(
    "label",
    {class: "field inline year-choice"},
    "Année affichée ",
    el(
      "select",
      {name: "annee", onchange: (e: Event) => onYear(Number((e.target as HTMLSelectElement).value))},
      years.map((y) => el("option", {value: y, selected: y === year}, String(y)))
    )
  );
}
