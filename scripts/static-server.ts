// Serves dist/ the way a static host does: clean URLs (/carte → carte.html), long-lived caching of
// content-hashed files, and gzip or brotli when the browser accepts them. Used by the end-to-end
// tests and the benchmark; `tsx scripts/static-server.ts [port]` serves the built site by hand.
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {createServer, IncomingMessage, Server, ServerResponse} from "node:http";
import {type AddressInfo} from "node:net";
import {extname, join, normalize} from "node:path";
import {brotliCompressSync, constants, gzipSync} from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".parquet": "application/vnd.apache.parquet",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".sql": "text/plain; charset=utf-8",
  ".geojson": "application/geo+json",
  ".arrow": "application/vnd.apache.arrow.stream"
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".wasm", ".csv", ".svg", ".txt", ".geojson", ".sql", ".arrow"]);

export interface StaticServer {
  server: Server;
  origin: string;
  close(): Promise<void>;
  /**
   * Compresses every compressible file now, as a host that stores precompressed files would (the
   * benchmark: a first visitor must not wait for the server to brotli 35 MB of wasm).
   */
  precompress(encodings?: ("br" | "gzip")[], skip?: RegExp): {files: number; ms: number};
}

export interface StaticServerOptions {
  root: string;
  port?: number;
  /** Compress responses as a real host would (the benchmark); off by default for speed. */
  compress?: boolean;
}

function resolveFile(root: string, pathname: string): string | null {
  const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  const candidates = clean.endsWith("/") ? [join(root, clean, "index.html")] : [join(root, clean), join(root, `${clean}.html`)];
  return candidates.find((file) => file.startsWith(root) && existsSync(file) && statSync(file).isFile()) ?? null;
}

function pack(encoding: "br" | "gzip", body: Buffer): Buffer {
  return encoding === "br" ? brotliCompressSync(body, {params: {[constants.BROTLI_PARAM_QUALITY]: 9}}) : gzipSync(body, {level: 9});
}

export function startStaticServer({root, port = 0, compress = false}: StaticServerOptions): Promise<StaticServer> {
  const compressed = new Map<string, Buffer>();
  const precompress = (encodings: ("br" | "gzip")[] = ["br", "gzip"], skip?: RegExp) => {
    const start = performance.now();
    let files = 0;
    for (const entry of readdirSync(root, {recursive: true, withFileTypes: true})) {
      const file = join(entry.parentPath, entry.name);
      if (!entry.isFile() || !COMPRESSIBLE.has(extname(file)) || skip?.test(file)) continue;
      for (const encoding of encodings) {
        if (!compressed.has(`${encoding}:${file}`)) compressed.set(`${encoding}:${file}`, pack(encoding, readFileSync(file)));
      }
      files++;
    }
    return {files, ms: Math.round(performance.now() - start)};
  };
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const file = resolveFile(root, url.pathname);
    const status = file ? 200 : 404;
    const target = file ?? join(root, "404.html");
    if (!existsSync(target)) {
      response.writeHead(404, {"content-type": "text/plain; charset=utf-8"}).end("Page introuvable");
      return;
    }
    const extension = extname(target);
    let body: Buffer = readFileSync(target);
    const headers: Record<string, string> = {
      "content-type": TYPES[extension] ?? "application/octet-stream",
      // Hashed assets never change; pages must be revalidated.
      "cache-control": /\/_(npm|import|file|observablehq)\//.test(url.pathname) ? "public, max-age=31536000, immutable" : "no-cache"
    };
    const accepts = String(request.headers["accept-encoding"] ?? "");
    if (compress && COMPRESSIBLE.has(extension)) {
      const encoding = /\bbr\b/.test(accepts) ? "br" : /\bgzip\b/.test(accepts) ? "gzip" : null;
      if (encoding) {
        const key = `${encoding}:${target}`;
        let packed = compressed.get(key);
        if (!packed) {
          packed = pack(encoding, body);
          compressed.set(key, packed);
        }
        body = packed;
        headers["content-encoding"] = encoding;
        headers["vary"] = "accept-encoding";
      }
    }
    headers["content-length"] = String(body.length);
    response.writeHead(status, headers);
    response.end(request.method === "HEAD" ? undefined : body);
  };
  const server = createServer(handle);
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const {port} = server.address() as AddressInfo;
      resolve({
        server,
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
        precompress
      });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = join(process.cwd(), "dist");
  const {origin} = await startStaticServer({root, port: Number(process.argv[2] ?? 3001), compress: true});
  console.log(`dist/ servi sur ${origin}`);
}
