// The map's choices: the indicator (grouped by programme), then how to read it (count, rate, share)
// and the year. The indicator list is built once; the mode and year inputs follow the indicator.
import {programmeLabel} from "../../lib/programmes.js";
import {type CommuneIndicatorRow, MAP_MODES} from "../../lib/queries/index.js";
import {type MapState, availableModes, choicesKey} from "../../lib/map/view-state.js";
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
  const yearInput = (current: CommuneIndicatorRow, state: MapState) =>
    current.years.length > 1
      ? el(
          "label",
          {class: "field"},
          el("span", {}, "Année"),
          el(
            "select",
            {name: "annee", onchange: (e: Event) => onChange({year: Number((e.target as HTMLSelectElement).value)})},
            current.years.map((y) => el("option", {value: y, selected: y === state.year}, String(y)))
          )
        )
      : null;

  // Mode and year inputs are rebuilt only when the indicator offers other ones: an input the
  // reader (or a script) holds stays in the page.
  let shownKey = "";
  const show = (state: MapState) => {
    indicatorSelect.value = state.indicator;
    const current = indicatorOf(state.indicator);
    const key = choicesKey(current);
    if (key === shownKey) {
      for (const radio of choices.querySelectorAll<HTMLInputElement>('input[name="mode"]')) {
        radio.checked = radio.value === state.mode;
      }
      const year = choices.querySelector<HTMLSelectElement>('select[name="annee"]');
      if (year) year.value = String(state.year);
      return;
    }
    shownKey = key;
    const year = yearInput(current, state);
    choices.replaceChildren(modeInputs(current, state), ...(year ? [year] : []));
  };
  return {element, show};
}
