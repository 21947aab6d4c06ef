// The numbers of the new text that no proposal uses, each one click from a new row: a form with
// the indicator (one the site has), its label and unit, an optional commune and breakdown, and the
// passage, prefilled with the line that prints the number.
import type {UnusedNumber} from "../../lib/edition/propose.js";
import {type IndicatorChoice, lineText, newRow} from "../../lib/edition/new-row.js";
import {el} from "../ui/dom.js";

export interface UnusedContext {
  year: number;
  text: string;
  indicators: IndicatorChoice[];
  units: Record<string, string>;
  communes: {code: string; nom: string}[];
  add(row: Record<string, string>, unused: number): void;
}

function select(id: string, options: [string, string][], value = ""): HTMLSelectElement {
  const element = el("select", {id}, ...options.map(([v, label]) => el("option", {value: v}, label)));
  element.value = value;
  return element;
}

function labelled(label: string, control: HTMLElement): HTMLElement {
  return el("p", {}, el("label", {for: control.id}, label), control);
}

function rowForm(number: UnusedNumber, index: number, context: UnusedContext, close: () => void): HTMLFormElement {
  const id = (name: string) => `nombre-${index}-${name}`;
  const indicator = select(
    id("indicator"),
    context.indicators.map((c) => [c.indicator, `${c.indicator} — ${c.label}`])
  );
  const label = el("input", {type: "text", id: id("label"), required: true});
  const unit = select(
    id("unit"),
    Object.entries(context.units).map(([slug, word]) => [slug, `${word} (${slug})`])
  );
  const commune = select(id("commune"), [
    ["", "aucune (tout le territoire)"],
    ...context.communes.map((c): [string, string] => [c.code, c.nom])
  ]);
  const dimension = el("input", {type: "text", id: id("dimension"), placeholder: "sexe, âge, public…"});
  const category = el("input", {type: "text", id: id("category"), placeholder: "femmes, moins de 25 ans…"});
  const value = el("input", {type: "text", id: id("value"), value: number.number, required: true});
  const quote = el("textarea", {id: id("quote"), rows: 3, required: true});
  quote.value = lineText(context.text, number.line);
  const choose = () => {
    const choice = context.indicators.find((c) => c.indicator === indicator.value);
    if (!choice) return;
    label.value = choice.label;
    if (Object.hasOwn(context.units, choice.unit)) unit.value = choice.unit;
  };
  indicator.addEventListener("change", choose);
  choose();
  const form = el(
    "form",
    {class: "importer-new-row"},
    labelled("Indicateur", indicator),
    labelled("Libellé", label),
    labelled("Unité", unit),
    labelled("Commune (facultatif)", commune),
    labelled("Dimension (facultatif)", dimension),
    labelled("Catégorie (facultatif)", category),
    labelled("Valeur, comme imprimée", value),
    labelled("Passage du nouveau rapport", quote),
    el(
      "p",
      {class: "importer-buttons"},
      el("button", {type: "submit"}, "Ajouter la ligne"),
      el("button", {type: "button", onclick: close}, "Annuler")
    )
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const choice = context.indicators.find((c) => c.indicator === indicator.value);
    if (!choice) return;
    const row = newRow(context.year, {
      indicator: choice,
      label: label.value,
      unit: unit.value,
      commune_code: commune.value,
      dimension: dimension.value,
      category: category.value,
      value: value.value,
      quote: quote.value
    });
    context.add(row, index);
    close();
  });
  return form;
}

export function unusedList(numbers: UnusedNumber[], context: UnusedContext): HTMLElement {
  if (!numbers.length) return el("p", {}, "Chaque nombre du nouveau rapport est repris par une proposition.");
  const items = numbers.map((number, index) => {
    const item = el("li", {class: "importer-unused"});
    const open = el("button", {type: "button", "aria-expanded": "false"}, "Créer une ligne");
    const close = () => {
      item.querySelector("form")?.remove();
      open.setAttribute("aria-expanded", "false");
      open.focus();
    };
    open.addEventListener("click", () => {
      if (item.querySelector("form")) return;
      open.setAttribute("aria-expanded", "true");
      const form = rowForm(number, index, context, close);
      item.append(form);
      form.querySelector("select")?.focus();
    });
    item.append(
      el("p", {}, el("strong", {}, number.number), ` — ligne ${number.line} : « `, number.context, " » ", open)
    );
    return item;
  });
  return el("ul", {class: "importer-unused-list"}, ...items);
}
