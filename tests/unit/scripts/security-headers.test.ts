import {describe, expect, it} from "vitest";
import {contentSecurityPolicy} from "../../../scripts/security-headers.js";

const scriptSrc = (path: string) =>
  contentSecurityPolicy(path)
    .match(/script-src ([^;]+)/)?.[1]
    .split(" ");

describe("contentSecurityPolicy", () => {
  it("lets pages compile WebAssembly, never JavaScript from text", () => {
    for (const path of ["/", "/carte", "/communes/59328", "/embed/carte", "/donnees"]) {
      expect(scriptSrc(path)).toContain("'wasm-unsafe-eval'");
      expect(scriptSrc(path)).not.toContain("'unsafe-eval'");
    }
  });

  it("lets the explorer compile its cells and the programme pages their arquero verbs", () => {
    expect(scriptSrc("/explorer")).toContain("'unsafe-eval'");
    expect(scriptSrc("/programmes/plie")).toContain("'unsafe-eval'");
    expect(scriptSrc("/explorer-bis")).not.toContain("'unsafe-eval'");
    expect(scriptSrc("/programmes")).not.toContain("'unsafe-eval'");
  });

  it("lets only embeds be framed by other sites", () => {
    expect(contentSecurityPolicy("/carte")).toMatch(/frame-ancestors 'self'/);
    expect(contentSecurityPolicy("/embed/graphique")).not.toMatch(/frame-ancestors/);
  });
});
