// @vitest-environment jsdom
// The commune selector as a combobox: typing proposes, arrows move, Enter and a click choose, Escape closes.
import {describe, expect, it} from "vitest";
import {communePicker} from "../../../../src/components/commune/commune-picker.js";
import {loadCommunes} from "../../../../src/lib/build/datasets.js";

const communes = loadCommunes().map((c) => ({code: c.code, nom: c.nom}));

function setup() {
  const chosen: string[] = [];
  const picker = communePicker({communes, label: "Commune", onSelect: (code) => chosen.push(code), id: "p"});
  document.body.replaceChildren(picker.element);
  const type = (text: string) => {
    picker.input.value = text;
    picker.input.dispatchEvent(new Event("input"));
  };
  const key = (key: string) => picker.input.dispatchEvent(new KeyboardEvent("keydown", {key, cancelable: true}));
  const options = () => [...picker.element.querySelectorAll('[role="option"]')].map((o) => o.textContent);
  return {picker, chosen, type, key, options};
}

describe("communePicker", () => {
  it("is a labelled combobox that proposes the matching communes", () => {
    const {picker, type, options} = setup();
    expect(picker.input.getAttribute("role")).toBe("combobox");
    expect(picker.element.querySelector("label")?.getAttribute("for")).toBe("p");
    type("mar");
    expect(options()).toEqual(["Marcq-en-Barœul", "Marquette-lez-Lille"]);
    expect(picker.input.getAttribute("aria-expanded")).toBe("true");
    expect(picker.input.getAttribute("aria-activedescendant")).toBe("p-59378");
    expect(picker.element.querySelector('[role="status"]')?.textContent).toBe("2 communes proposées");
  });

  it("moves with the arrows and chooses with Enter", () => {
    const {picker, chosen, type, key} = setup();
    type("mar");
    key("ArrowDown");
    expect(picker.input.getAttribute("aria-activedescendant")).toBe("p-59386");
    key("Enter");
    expect(chosen).toEqual(["59386"]);
    expect(picker.input.value).toBe("Marquette-lez-Lille");
    expect(picker.input.getAttribute("aria-expanded")).toBe("false");
  });

  it("chooses with a click, closes with Escape, and says when nothing matches", () => {
    const {picker, chosen, type, key, options} = setup();
    type("st andre");
    picker.element.querySelector<HTMLElement>('[role="option"]')!.click();
    expect(chosen).toEqual(["59527"]);
    type("zz");
    expect(options()).toEqual([]);
    expect(picker.element.querySelector(".commune-picker-empty")?.textContent).toBe("Aucune commune");
    key("Escape");
    expect(picker.input.getAttribute("aria-expanded")).toBe("false");
    picker.set("59636");
    expect(picker.input.value).toBe("Wambrechies");
    expect(chosen).toEqual(["59527"]);
  });
});
