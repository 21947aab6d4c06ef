// The map's words for a value and for a change, in French: points for a rate or a share.
import {describe, expect, it} from "vitest";
import {
  evolutionTitle,
  formatCountChange,
  formatMapChange,
  formatMapValue,
  formatSigned,
  legendTitle
} from "../../../../src/lib/map/value-words.js";

const units = {participants: "participants"};
const nn = (s: string) => s.replace(/\u202f/g, " ");

describe("formatMapChange", () => {
  it("says a count's change in its unit, a rate's and a share's in points", () => {
    expect(nn(formatMapChange(30, "nombre", "participants", units))).toBe("+30 participants");
    expect(nn(formatMapChange(-1, "nombre", "participants", units))).toBe("−1 participant");
    expect(nn(formatMapChange(0.78, "taux", "participants", units))).toBe("+0,78 point pour 1 000 hab.");
    expect(nn(formatMapChange(-2.44, "part", "participants", units))).toBe("−2,4 points");
    expect(formatMapChange(null, "part", "participants", units)).toBe("non comparable");
  });

  it("marks a change from a derived figure « ≈ »", () => {
    expect(nn(formatMapChange(3.2, "part", "participants", units, true))).toBe("≈ +3,2 points");
    expect(nn(formatMapChange(12.4, "nombre", "participants", units, true))).toBe("≈ +12 participants");
  });

  it("gives a count's change with its % (the rule of src/lib/change.ts)", () => {
    expect(nn(formatCountChange(100, 130, "participants", units))).toBe("+30 participants (+30 %)");
  });

  it("never says a change as a level", () => {
    expect(nn(formatMapValue(30, "nombre", "participants", units))).toBe("30 participants");
  });
});

describe("formatSigned and evolutionTitle", () => {
  it("signs a legend's ticks, and writes no « −0 »", () => {
    expect(formatSigned(20, 0)).toBe("+20");
    expect(formatSigned(-7.5, 2)).toBe("−7,5");
    expect(formatSigned(0)).toBe("0");
    expect(formatSigned(-0.001, 1)).toBe("0");
  });

  it("names the years and the points of an évolution", () => {
    expect(evolutionTitle("Participants", "nombre", 2021, 2023)).toBe("Participants : évolution 2021 → 2023");
    expect(nn(evolutionTitle("Participants", "taux", 2021, 2023))).toBe(
      "Participants : évolution 2021 → 2023 (en points pour 1 000 habitants)"
    );
    expect(evolutionTitle("Participants", "part", 2022, 2023)).toMatch(/\(en points de part du territoire\)$/);
  });
});

describe("legendTitle", () => {
  it("says what the colours measure and the year, in one pair of brackets", () => {
    expect(legendTitle("Participants", "nombre", 2022)).toBe("Participants (2022)");
    expect(nn(legendTitle("Participants", "taux", 2022))).toBe("Participants pour 1 000 habitants (2022)");
    expect(legendTitle("Participants", "part", 2022)).toBe("Participants — part du territoire, en % (2022)");
    expect(legendTitle("Sorties positives rapportées aux participants", "ratio", 2022)).toBe(
      "Sorties positives rapportées aux participants, en % (2022)"
    );
    for (const mode of ["nombre", "taux", "part", "ratio"] as const)
      expect(legendTitle("Participants", mode, 2022)).not.toMatch(/\)\s*\(/);
  });
});
