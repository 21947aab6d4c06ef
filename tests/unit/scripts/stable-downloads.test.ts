// The stable addresses of /donnees (/donnees/indicateurs.parquet…): copied from the build's hashed
// files byte for byte, precached by the service worker under a content revision, precompressed
// like any text file, and served by the static server as a host would (200, no immutable cache).
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {request} from "node:http";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {brotliDecompressSync} from "node:zlib";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {precompress, writeStableDownloads} from "../../../scripts/postbuild.js";
import {buildOffline} from "../../../scripts/service-worker.js";
import {type StaticServer, startStaticServer} from "../../../scripts/static-server.js";
import {DOWNLOADS, hashedNamePattern, stableHref} from "../../../src/lib/downloads.js";

const dist = mkdtempSync(join(tmpdir(), "observatoire-stable-"));
let server: StaticServer;
/** Each attachment's built name and content, as Framework would write them. */
const built = DOWNLOADS.map((d, i) => {
  const hash = (0x1a2b3c00 + i).toString(16);
  const name = d.attachment.replace(/(\.[a-z]+)$/, `.${hash}$1`);
  return {download: d, name, body: `${d.name} ${"données ".repeat(100)}\n`};
});

beforeAll(async () => {
  mkdirSync(join(dist, "_file/data"), {recursive: true});
  for (const {name, body} of built) writeFileSync(join(dist, "_file", name), body);
  writeFileSync(join(dist, "donnees.html"), "<!doctype html><title>Données</title>");
  writeFileSync(join(dist, "404.html"), "<!doctype html><title>Page introuvable</title>");
});
afterAll(async () => {
  await server?.close();
  rmSync(dist, {recursive: true, force: true});
});

function get(path: string, headers: Record<string, string> = {}) {
  const {port} = new URL(server.origin);
  return new Promise<{status: number; headers: Record<string, unknown>; body: Buffer}>((resolve, reject) => {
    const req = request({host: "127.0.0.1", port, path, headers}, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks)})
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("hashedNamePattern", () => {
  it("matches Framework's hashed name of an attachment, and no other file", () => {
    const pattern = hashedNamePattern("data/indicators.parquet");
    expect(pattern.test("data/indicators.d5de78a9.parquet")).toBe(true);
    expect(pattern.test("data/indicators.d5de78a9.parquet.br")).toBe(false);
    expect(pattern.test("data/indicatorsXd5de78a9.parquet")).toBe(false);
    expect(pattern.test("data/catalog.d5de78a9.parquet")).toBe(false);
  });
});

describe("stable downloads in a build", () => {
  it("are copies of the hashed files, under /donnees/", async () => {
    const written = writeStableDownloads(dist);
    expect(written).toEqual(DOWNLOADS.map((d) => `donnees/${d.name}`));
    for (const {download, body} of built) {
      expect(readFileSync(join(dist, "donnees", download.name), "utf-8")).toBe(body);
    }
  });

  it("are precached by the service worker under a content revision (their URL does not change)", async () => {
    await buildOffline(dist);
    const sw = readFileSync(join(dist, "sw.js"), "utf-8");
    for (const {download} of built) {
      expect(sw).toMatch(new RegExp(`url:"donnees/${download.name.replace(".", "\\.")}",revision:"[0-9a-f]{32}"`));
    }
  });

  it("are served with 200, their type, revalidated, CSV precompressed", async () => {
    await precompress(dist);
    server = await startStaticServer({root: dist});
    for (const {download, body} of built) {
      const response = await get(stableHref(download));
      expect(response.status, download.name).toBe(200);
      expect(response.body.toString()).toBe(body);
      expect(response.headers["cache-control"]).toBe("no-cache");
      expect(response.headers["content-type"]).toBe(
        download.format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.apache.parquet"
      );
    }
    const csv = await get("/donnees/indicateurs.csv", {"accept-encoding": "br"});
    expect(csv.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(csv.body).toString()).toBe(built[1].body);
    expect((await get("/donnees")).body.toString()).toContain("<title>Données</title>");
  });

  it("fail the build when an attachment was not built, or built twice", () => {
    const [first] = built;
    rmSync(join(dist, "_file", first.name));
    expect(() => writeStableDownloads(dist)).toThrow(/adresse stable \/donnees\/indicateurs\.parquet : 0 fichiers/);
    writeFileSync(join(dist, "_file", first.name), first.body);
    writeFileSync(join(dist, "_file/data/indicators.00000000.parquet"), "old");
    expect(() => writeStableDownloads(dist)).toThrow(/2 fichiers construits pour data\/indicators\.parquet/);
  });
});
