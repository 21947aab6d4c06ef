// When the engine waits and the offline copy is not installed: Save-Data or a slow connection.
import {describe, expect, it} from "vitest";
import {lightConnection} from "../../../../src/components/offline/connection.js";

describe("lightConnection", () => {
  it("is light when the reader saves data, whatever the speed", () => {
    expect(lightConnection({saveData: true, effectiveType: "4g"})).toBe(true);
  });
  it("is light on 2G and 3G", () => {
    for (const effectiveType of ["slow-2g", "2g", "3g"]) {
      expect(lightConnection({saveData: false, effectiveType})).toBe(true);
    }
  });
  it("is not light on 4G, nor where the browser says nothing (no Network Information API)", () => {
    expect(lightConnection({saveData: false, effectiveType: "4g"})).toBe(false);
    expect(lightConnection({})).toBe(false);
    expect(lightConnection(undefined)).toBe(false);
  });
});
