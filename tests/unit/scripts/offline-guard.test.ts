// The guard preloaded into the build refuses any request to another host, by fetch or by http(s).
import {spawnSync} from "node:child_process";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {projectRoot} from "../../../src/lib/build/datasets.js";

function runGuarded(code: string) {
  return spawnSync(
    process.execPath,
    ["--import", join(projectRoot, "scripts/offline-guard.mjs"), "--input-type=module", "-e", code],
    {encoding: "utf-8"}
  );
}

describe("offline guard", () => {
  it("refuses fetch to a CDN, naming the URL", () => {
    const result = runGuarded(
      `try { await fetch("https://cdn.jsdelivr.net/npm/d3/+esm"); console.log("fetched"); } catch (e) { console.log("refused:", e.message); }`
    );
    expect(result.stdout).toContain(
      "refused: offline-guard: network request refused: https://cdn.jsdelivr.net/npm/d3/+esm"
    );
  });

  it("refuses https.get to the npm registry", () => {
    const result = runGuarded(
      `import https from "node:https"; try { https.get("https://registry.npmjs.org/d3"); } catch (e) { console.log("refused:", e.message); }`
    );
    expect(result.stdout).toContain("refused: offline-guard: network request refused: https://registry.npmjs.org");
  });

  it("lets loopback through", () => {
    const result = runGuarded(
      `import http from "node:http"; const s = http.createServer((q, r) => r.end("ok")).listen(0, "127.0.0.1", async () => { const r = await fetch("http://127.0.0.1:" + s.address().port); console.log("got", await r.text()); s.close(); });`
    );
    expect(result.stdout).toContain("got ok");
  });
});
