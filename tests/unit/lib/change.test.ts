import {describe, expect, it} from "vitest";
import {
  changeSentence,
  computeChange,
  formatChangeAmount,
  formatChangeLabel,
  formatChangeShort,
  formatPoints
} from "../../../src/lib/change.js";

const units = {participants: "participants", pourcent: "%", euros: "euros"};
const nn = (s: string) => s.replace(/\u202f/g, " ");

describe("change", () => {
  it("says a share's change in points, never in %", () => {
    const change = computeChange(56, 69, "pourcent");
    expect(change).toMatchObject({absolute: 13, relative: null, inPoints: true, direction: "hausse"});
    expect(nn(formatChangeLabel(change, "pourcent", units))).toBe("+13 points");
    expect(nn(changeSentence(change, "pourcent", units, 2021))).toBe("en hausse de 13 points depuis 2021");
  });

  it("agrees point in number", () => {
    expect(nn(formatPoints(-0.5))).toBe("−0,5 point");
    expect(nn(formatPoints(1))).toBe("+1 point");
    expect(nn(formatPoints(2))).toBe("+2 points");
    expect(nn(formatPoints(0))).toBe("0 point");
  });

  it("says a count's change in its unit and in %", () => {
    const change = computeChange(400, 450, "participants");
    expect(nn(formatChangeLabel(change, "participants", units))).toBe("+50 participants (+12,5 %)");
    const down = computeChange(500, 450, "participants");
    expect(nn(changeSentence(down, "participants", units, 2022))).toBe(
      "en baisse de 50 participants (−10 %) depuis 2022"
    );
  });

  it("marks a change from a derived value as approximate", () => {
    const change = computeChange(14995.3, 16000, "participants");
    expect(nn(formatChangeLabel(change, "participants", units, true))).toMatch(/^≈ \+1 005 participants \(\+6,7 %\)$/);
  });

  it("has no relative change from 0, and says « stable »", () => {
    expect(computeChange(0, 5, "participants").relative).toBeNull();
    expect(changeSentence(computeChange(5, 5, "participants"), "participants", units, 2022)).toBe("stable depuis 2022");
  });
});

describe("formatChangeShort", () => {
  it("says a share in points and a count in %", () => {
    expect(nn(formatChangeShort(computeChange(45, 52, "pourcent"), "pourcent", units))).toBe("+7 points");
    expect(nn(formatChangeShort(computeChange(16000, 17000, "participants"), "participants", units))).toBe("+6,3 %");
    expect(nn(formatChangeShort(computeChange(500, 450, "participants"), "participants", units))).toBe("−10 %");
  });

  it("marks a change from a derived value, and says a change from 0 in the unit", () => {
    expect(nn(formatChangeShort(computeChange(400, 450, "participants"), "participants", units, true))).toBe(
      "≈ +12,5 %"
    );
    expect(nn(formatChangeShort(computeChange(0, 5, "participants"), "participants", units))).toBe("+5 participants");
  });
});

describe("formatChangeAmount", () => {
  it("says the amount alone: points for a share, the unit for a count", () => {
    expect(nn(formatChangeAmount(computeChange(56, 69, "pourcent"), "pourcent", units))).toBe("+13 points");
    expect(nn(formatChangeAmount(computeChange(400, 450, "participants"), "participants", units))).toBe(
      "+50 participants"
    );
    expect(nn(formatChangeAmount(computeChange(52, 51, "pourcent"), "pourcent", units, true))).toBe("≈ −1 point");
  });
});
