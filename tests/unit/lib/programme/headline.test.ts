import {describe, expect, it} from "vitest";
import {compareWithPrevious, headlineAt} from "../../../../src/lib/programme/headline.js";
import {row} from "./rows.js";

const units = {participants: "participants", entretiens: "entretiens"};
const nn = (s: string | undefined) => s?.replace(/\u202f/g, " ");

describe("compareWithPrevious", () => {
  it("says a share's change in points", () => {
    const c = compareWithPrevious(
      {year: 2023, value: 52, status: "publie"},
      {year: 2022, value: 45, status: "publie"},
      null,
      "pourcent",
      units
    );
    expect(nn(c?.label)).toBe("+7 points");
    expect(c).toMatchObject({since: 2022, direction: "hausse", printed: false});
  });

  it("says a count's change in its unit and in %, approximate from a derived value", () => {
    const published = compareWithPrevious(
      {year: 2023, value: 520, status: "publie"},
      {year: 2022, value: 470, status: "publie"},
      null,
      "participants",
      units
    );
    expect(nn(published?.label)).toBe("+50 participants (+10,6 %)");
    const derived = compareWithPrevious(
      {year: 2022, value: 400, status: "publie"},
      {year: 2021, value: 450.4, status: "derive"},
      null,
      "participants",
      units
    );
    expect(nn(derived?.label)).toBe("≈ −50 participants (−11,2 %)");
    expect(derived?.direction).toBe("baisse");
  });

  it("prefers the evolution the report prints, and says nothing without a previous value", () => {
    const printed = compareWithPrevious(
      {year: 2022, value: 15843, status: "publie"},
      {year: 2021, value: 13541, status: "derive"},
      17,
      "entretiens",
      units
    );
    expect(nn(printed?.label)).toBe("+17 %");
    expect(printed?.printed).toBe(true);
    expect(compareWithPrevious({year: 2022, value: 1, status: "publie"}, null, null, "entretiens", units)).toBeNull();
  });
});

describe("headlineAt", () => {
  const rows = [
    row({year: 2021, value: 15000, report_year: 2021}),
    row({year: 2022, value: 16000, report_year: 2022}),
    row({year: 2022, value: 80, commune_code: "59328", commune: "Lambersart"}),
    row({indicator: "mission_locale.entretiens_evolution", year: 2022, value: 6.7, unit: "evolution_pct"})
  ];

  it("finds the territory's figure of the year, the year before and the printed evolution", () => {
    expect(headlineAt(rows, "mission_locale.entretiens", 2022)).toEqual({
      current: {year: 2022, value: 16000, status: "publie", edition: 2022},
      previous: {year: 2021, value: 15000, status: "publie", edition: 2021},
      evolution: 6.7
    });
    expect(headlineAt(rows, "mission_locale.entretiens", 2021)?.previous).toBeNull();
    expect(headlineAt(rows, "mission_locale.entretiens", 2020)).toBeNull();
  });
});
