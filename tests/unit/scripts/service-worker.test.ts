// The offline copy's build step: the manifest it writes, and a service worker over a small dist/.
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {MANIFEST, buildOffline} from "../../../scripts/service-worker.js";

const dist = mkdtempSync(join(tmpdir(), "mno-sw-"));
afterAll(() => rmSync(dist, {recursive: true, force: true}));

describe("buildOffline", () => {
  it("writes an installable French manifest with its icons", async () => {
    for (const dir of ["_import", "_npm/@duckdb/duckdb-wasm@1.29.0/dist"]) {
      mkdirSync(join(dist, dir), {recursive: true});
    }
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>Accueil</title>");
    writeFileSync(join(dist, "carte.html"), "<!doctype html><title>Carte</title>");
    writeFileSync(join(dist, "404.html"), "<!doctype html><title>Page introuvable</title>");
    writeFileSync(join(dist, "_import/page.1a2b3c4d.js"), "export {};");
    writeFileSync(join(dist, "_npm/@duckdb/duckdb-wasm@1.29.0/dist/duckdb-eh.wasm"), "\0asm");
    const {files, warnings} = await buildOffline(dist);
    expect(warnings).toEqual([]);

    const manifest = JSON.parse(readFileSync(join(dist, "manifest.webmanifest"), "utf-8"));
    expect(manifest).toEqual(MANIFEST);
    expect(manifest).toMatchObject({lang: "fr", display: "standalone", start_url: "/"});
    const icons: {sizes: string; type: string; purpose: string}[] = manifest.icons;
    const sizes = icons.filter((i) => i.type === "image/png").map((i) => `${i.sizes} ${i.purpose}`);
    expect(sizes).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));
    for (const {src} of manifest.icons) expect(readFileSync(join(dist, src)).length).toBeGreaterThan(100);

    // Every file is in the copy; a hashed name or the versioned engine is its own revision.
    const sw = readFileSync(join(dist, "sw.js"), "utf-8");
    expect(files).toBe(5 + manifest.icons.length + 1);
    expect(sw).toMatch(/url:"_import\/page\.1a2b3c4d\.js",revision:null/);
    expect(sw).toMatch(/url:"_npm\/@duckdb\/duckdb-wasm@1\.29\.0\/dist\/duckdb-eh\.wasm",revision:null/);
    expect(sw).toMatch(/url:"carte\.html",revision:"[0-9a-f]{32}"/);
    // A new build waits for the reader: skipWaiting only on the page's SKIP_WAITING message.
    expect(sw.match(/skipWaiting\(\)/g)).toHaveLength(1);
    expect(sw).toMatch(/"SKIP_WAITING"===\w+\.data\.type&&self\.skipWaiting\(\)/);
  });
});
