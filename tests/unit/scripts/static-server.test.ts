// The project's static server (e2e tests, benchmark, serving dist/ by hand): a malformed URL is a
// 400 and the server keeps serving; the build's precompressed files are served as they are, in
// the encoding the client accepts.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {request} from "node:http";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gunzipSync} from "node:zlib";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {precompress} from "../../../scripts/postbuild.js";
import {type StaticServer, chooseEncoding, startStaticServer} from "../../../scripts/static-server.js";

const root = mkdtempSync(join(tmpdir(), "observatoire-server-"));
let server: StaticServer;
const script = `// ${"du code ".repeat(200)}\nexport const answer = 42;\n`;

beforeAll(async () => {
  writeFileSync(join(root, "index.html"), "<!doctype html><title>Accueil</title>");
  writeFileSync(join(root, "carte.html"), `<!doctype html><title>Carte</title>${"<p>carte</p>".repeat(100)}`);
  writeFileSync(join(root, "app.js"), script);
  await precompress(root);
  server = await startStaticServer({root});
});
afterAll(async () => {
  await server.close();
  rmSync(root, {recursive: true, force: true});
});

/** A raw GET (no automatic decoding), with the request path sent exactly as given. */
interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const {port} = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request({host: "127.0.0.1", port, path, headers}, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        resolve({status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks)});
      });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("malformed URLs", () => {
  const malformed = ["/%E0%A4%A", "/%", "/carte%ZZ", "/%00", "/a%C3"];
  it.each(malformed)("%s is a 400 and the server keeps serving", async (path) => {
    const bad = await get(path);
    expect(bad.status).toBe(400);
    expect(bad.body.toString()).toBe("Requête invalide");
    expect((await get("/carte")).status).toBe(200);
  });

  it("a path that climbs out of the root is not served", async () => {
    expect((await get("/..%2f..%2f..%2fetc%2fpasswd")).status).toBe(404);
  });
});

describe("precompressed files", () => {
  it("serves the build's brotli file to a client that accepts it", async () => {
    const response = await get("/app.js", {"accept-encoding": "gzip, deflate, br"});
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["vary"]).toBe("accept-encoding");
    expect(response.body).toEqual(readFileSync(join(root, "app.js.br")));
  });

  it("serves gzip when brotli is not accepted", async () => {
    const response = await get("/carte", {"accept-encoding": "br;q=0, gzip"});
    expect(response.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(response.body).toString()).toContain("<title>Carte</title>");
  });

  it("serves the original to a client that accepts no compression", async () => {
    const response = await get("/app.js");
    expect(response.headers["content-encoding"]).toBeUndefined();
    expect(response.body.toString()).toBe(script);
  });
});

describe("chooseEncoding", () => {
  it.each([
    ["gzip, deflate, br", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip;q=0.5", "gzip"],
    ["identity", null],
    ["*", "br"],
    ["", null]
  ])("%j → %s", (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});
