// The map's choices: the indicator (grouped by programme), then how to read it (count, rate, share),
// one year or the évolution between two (offered only for an indicator with two years or more), and
// the year or the two years. The indicator list is built once; the other inputs follow the indicator.
import {programmeLabel} from "../../lib/programmes.js";
import {type CommuneIndicatorRow, MAP_MODES} from "../../lib/queries/index.js";
import {
  EVOLUTION_LABEL,
  type MapState,
  availableModes,
  canEvolve,
  choicesKey,
  evolutionChoices,
  evolutionYears,
  withFrom,
  withTo
} from "../../lib/map/view-state.js";
import {el} from "../ui/dom.js";

export interface MapControls {
  element: HTMLFormElement;
  /** Shows `state` in the inputs (rebuilding the mode and year inputs only if they differ). */
  show(state: MapState): void;
}

export function mapControls(
  indicators: CommuneIndicatorRow[],
  onChange: (change: Partial<MapState>) => void
): MapControls {
  const element = el("form", {
    class: "map-controls",
    "aria-label": "Choix de la carte",
    onsubmit: (e: Event) => e.preventDefault()
  });
  const indicatorOf = (slug: string) => indicators.find((i) => i.indicator === slug)!;

  const groups = new Map<string, CommuneIndicatorRow[]>();
  for (const i of indicators) groups.set(i.programme, [...(groups.get(i.programme) ?? []), i]);
  const indicatorSelect = el(
    "select",
    {
      id: "map-indicator",
      name: "indicateur",
      onchange: (e: Event) => onChange({indicator: (e.target as HTMLSelectElement).value})
    },
    [...groups].map(([programme, list]) =>
      el(
        "optgroup",
        {label: programmeLabel(programme)},
        list.map((i) => el("option", {value: i.indicator}, i.label))
      )
    )
  );
  const choices = el("div", {class: "map-choices"});
  const label = el("label", {for: "map-indicator"}, "Indicateur");
  element.append(el("div", {class: "field"}, label, indicatorSelect), choices);

  const modeInputs = (current: CommuneIndicatorRow, state: MapState) =>
    el(
      "fieldset",
      {class: "mode-choice"},
      el("legend", {}, "Afficher"),
      MAP_MODES.filter((m) => availableModes(current).includes(m.mode)).map((m) =>
        el(
          "label",
          {},
          el("input", {
            type: "radio",
            name: "mode",
            value: m.mode,
            checked: m.mode === state.mode,
            onchange: () => onChange({mode: m.mode})
          }),
          ` ${m.label}`
        )
      )
    );
  // The state the inputs show: the évolution inputs compute their change from it.
  let shown: MapState | null = null;
  const yearSelect = (name: string, years: number[], selected: number, pick: (year: number) => void) =>
    el(
      "select",
      {name, onchange: (e: Event) => pick(Number((e.target as HTMLSelectElement).value))},
      years.map((y) => el("option", {value: y, selected: y === selected}, String(y)))
    );
  const yearInput = (current: CommuneIndicatorRow, state: MapState) =>
    current.years.length > 1
      ? el(
          "label",
          {class: "field year-field"},
          el("span", {}, "Année"),
          yearSelect("annee", current.years, state.year, (year) => onChange({year}))
        )
      : null;
  // One year or the évolution between two: both sets of inputs are built, the other one hidden.
  const periodInputs = (current: CommuneIndicatorRow, state: MapState) => {
    if (!canEvolve(current)) return [];
    const span = evolutionYears(current.years, state.from, state.year)!;
    const {from, to} = evolutionChoices(current.years);
    const periodRadio = (value: "annee" | "evolution", label: string) =>
      el(
        "label",
        {},
        el("input", {
          type: "radio",
          name: "periode",
          value,
          checked: (state.from !== undefined) === (value === "evolution"),
          // The évolution ends at the year shown, from the year before (or goes from it to the next).
          onchange: () =>
            onChange(value === "annee" ? {from: undefined} : evolutionYears(current.years, undefined, shown!.year)!)
        }),
        ` ${label}`
      );
    const period = el(
      "fieldset",
      {class: "mode-choice period-choice"},
      el("legend", {}, "Période"),
      periodRadio("annee", "Une année"),
      periodRadio("evolution", EVOLUTION_LABEL)
    );
    const years = el(
      "div",
      {class: "evolution-years"},
      el(
        "label",
        {class: "field"},
        el("span", {}, "De"),
        yearSelect("de", from, span.from, (year) => onChange(withFrom(current.years, shown!, year)))
      ),
      el(
        "label",
        {class: "field"},
        el("span", {}, "à"),
        yearSelect("fin", to, span.year, (year) => onChange(withTo(current.years, shown!, year)))
      )
    );
    return [period, years];
  };
  /** Shows the inputs of the state's period (one year, or two), set to its years. */
  const showPeriod = (state: MapState) => {
    const evolution = state.from !== undefined;
    for (const radio of choices.querySelectorAll<HTMLInputElement>('input[name="periode"]')) {
      radio.checked = (radio.value === "evolution") === evolution;
    }
    const single = choices.querySelector<HTMLElement>(".year-field");
    const double = choices.querySelector<HTMLElement>(".evolution-years");
    if (single) single.hidden = evolution;
    if (double) double.hidden = !evolution;
    const year = single?.querySelector("select");
    if (year) year.value = String(state.year);
    if (evolution && double) {
      double.querySelector<HTMLSelectElement>('select[name="de"]')!.value = String(state.from);
      double.querySelector<HTMLSelectElement>('select[name="fin"]')!.value = String(state.year);
    }
  };

  // Inputs are rebuilt only when the indicator offers other ones: an input the reader (or a script)
  // holds stays in the page.
  let shownKey = "";
  const show = (state: MapState) => {
    shown = state;
    indicatorSelect.value = state.indicator;
    const current = indicatorOf(state.indicator);
    const key = choicesKey(current);
    if (key !== shownKey) {
      shownKey = key;
      const year = yearInput(current, state);
      const [period, years] = periodInputs(current, state);
      choices.replaceChildren(
        ...[modeInputs(current, state), period, year, years].filter((e) => e !== null && e !== undefined)
      );
    }
    for (const radio of choices.querySelectorAll<HTMLInputElement>('input[name="mode"]')) {
      radio.checked = radio.value === state.mode;
    }
    showPeriod(state);
  };
  return {element, show};
}
