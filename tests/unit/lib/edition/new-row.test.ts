// A number no proposal uses, made a row: its indicator's programme, section and label come along,
// its quote is the whole line that prints it.
import {describe, expect, it} from "vitest";
import {indicatorChoices, lineText, newRow} from "../../../../src/lib/edition/new-row.js";

describe("new rows from unused numbers", () => {
  it("lists each indicator once, in the report's order, with its first row's label and unit", () => {
    const rows = [
      {indicator: "plie.participants", programme: "plie", section: "PLIE", label: "Participants", unit: "participants"},
      {indicator: "mde.salon_exposants", programme: "mde", section: "Salon", label: "Exposants", unit: "exposants"},
      {indicator: "plie.participants", programme: "plie", section: "PLIE", label: "Autre", unit: "personnes"}
    ];
    expect(indicatorChoices(rows)).toEqual([rows[0], rows[1]]);
  });

  it("quotes the whole line, its runs of spaces as one", () => {
    const text = "Titre\n  Les 20 ans\u202fde l'association  \nFin";
    expect(lineText(text, 2)).toBe("Les 20 ans de l'association");
    expect(lineText(text, 9)).toBe("");
  });

  it("writes a published row of the edition's year", () => {
    const indicator = {
      indicator: "mde.salon_exposants",
      programme: "mde",
      section: "Salon",
      label: "Exposants",
      unit: "exposants"
    };
    expect(
      newRow(2023, {
        indicator,
        label: " Exposants MNO ",
        unit: "exposants",
        category: "",
        value: "27 ",
        quote: "27 exposants"
      })
    ).toEqual({
      year: "2023",
      programme: "mde",
      section: "Salon",
      indicator: "mde.salon_exposants",
      label: "Exposants MNO",
      commune_code: "",
      dimension: "",
      category: "",
      value: "27",
      unit: "exposants",
      status: "publie",
      derivation: "",
      quote: "27 exposants"
    });
  });
});
