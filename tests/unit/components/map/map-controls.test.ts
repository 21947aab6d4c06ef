// @vitest-environment jsdom
// The map's choices: the inputs a reader holds stay in the page while they offer the same choices.
import {describe, expect, it} from "vitest";
import {mapControls} from "../../../../src/components/map/map-controls.js";
import type {MapState} from "../../../../src/lib/map/view-state.js";
import {INDICATORS} from "./fixtures.js";

const VIEW: MapState = {indicator: "plie.participants", mode: "taux", year: 2021};
const modes = (form: HTMLElement) => [...form.querySelectorAll<HTMLInputElement>('input[name="mode"]')];

describe("mapControls", () => {
  it("lists the indicators by programme and shows the state", () => {
    const controls = mapControls(INDICATORS, () => {});
    controls.show(VIEW);
    const groups = [...controls.element.querySelectorAll("optgroup")].map((g) => [
      g.label,
      g.querySelectorAll("option").length
    ]);
    expect(groups).toEqual([
      ["Territoire", 1],
      ["PLIE", 2]
    ]);
    expect(controls.element.querySelector<HTMLSelectElement>("#map-indicator")!.value).toBe("plie.participants");
    expect(modes(controls.element).map((m) => [m.value, m.checked])).toEqual([
      ["nombre", false],
      ["taux", true],
      ["part", false]
    ]);
    expect(controls.element.querySelector<HTMLSelectElement>('select[name="annee"]')!.value).toBe("2021");
  });

  it("keeps the same inputs for an indicator with the same choices, and rebuilds them otherwise", () => {
    const controls = mapControls(INDICATORS, () => {});
    controls.show(VIEW);
    const taux = modes(controls.element)[1];
    controls.show({indicator: "plie.sorties", mode: "part", year: 2022});
    expect(modes(controls.element)[1]).toBe(taux);
    expect(modes(controls.element).find((m) => m.checked)?.value).toBe("part");
    expect(controls.element.querySelector<HTMLSelectElement>('select[name="annee"]')!.value).toBe("2022");

    // The population has no rate per 1 000 inhabitants and one year: other inputs, no year choice.
    controls.show({indicator: "territoire.population", mode: "nombre", year: 2020});
    expect(controls.element.contains(taux)).toBe(false);
    expect(modes(controls.element).map((m) => m.value)).toEqual(["nombre", "part"]);
    expect(controls.element.querySelector('select[name="annee"]')).toBeNull();
  });

  it("reports each choice the reader makes", () => {
    const changes: Partial<MapState>[] = [];
    const controls = mapControls(INDICATORS, (change) => changes.push(change));
    controls.show(VIEW);
    const indicator = controls.element.querySelector<HTMLSelectElement>("#map-indicator")!;
    indicator.value = "plie.sorties";
    indicator.dispatchEvent(new Event("change"));
    modes(controls.element)[2].dispatchEvent(new Event("change"));
    const year = controls.element.querySelector<HTMLSelectElement>('select[name="annee"]')!;
    year.value = "2022";
    year.dispatchEvent(new Event("change"));
    expect(changes).toEqual([{indicator: "plie.sorties"}, {mode: "part"}, {year: 2022}]);
  });
});

describe("mapControls: one year or an évolution", () => {
  const periods = (form: HTMLElement) => [...form.querySelectorAll<HTMLInputElement>('input[name="periode"]')];
  const visible = (form: HTMLElement, selector: string) => {
    const element = form.querySelector<HTMLElement>(selector);
    return element !== null && !element.closest("[hidden]");
  };

  it("offers the évolution only for an indicator with two years or more", () => {
    const controls = mapControls(INDICATORS, () => {});
    controls.show(VIEW);
    expect(periods(controls.element).map((p) => [p.value, p.checked])).toEqual([
      ["annee", true],
      ["evolution", false]
    ]);
    expect(visible(controls.element, 'select[name="annee"]')).toBe(true);
    expect(visible(controls.element, 'select[name="de"]')).toBe(false);
    controls.show({indicator: "territoire.population", mode: "nombre", year: 2020});
    expect(periods(controls.element)).toHaveLength(0);
  });

  it("turns to the évolution ending at the year shown, and shows its two years", () => {
    const changes: Partial<MapState>[] = [];
    const controls = mapControls(INDICATORS, (change) => changes.push(change));
    controls.show({...VIEW, year: 2022});
    periods(controls.element)[1].dispatchEvent(new Event("change"));
    expect(changes).toEqual([{from: 2021, year: 2022}]);

    const taux = modes(controls.element)[1];
    controls.show({...VIEW, year: 2022, from: 2021});
    // The same inputs, the other period's shown.
    expect(modes(controls.element)[1]).toBe(taux);
    expect(periods(controls.element)[1].checked).toBe(true);
    expect(visible(controls.element, 'select[name="annee"]')).toBe(false);
    const from = controls.element.querySelector<HTMLSelectElement>('select[name="de"]')!;
    const to = controls.element.querySelector<HTMLSelectElement>('select[name="fin"]')!;
    expect([from.value, to.value]).toEqual(["2021", "2022"]);
    // The start offers every year but the last, the end every year but the first.
    expect([...from.options].map((o) => o.value)).toEqual(["2021"]);
    expect([...to.options].map((o) => o.value)).toEqual(["2022"]);

    periods(controls.element)[0].dispatchEvent(new Event("change"));
    expect(changes[1]).toEqual({from: undefined});
  });
});
