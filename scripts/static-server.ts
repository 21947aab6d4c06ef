// Serves dist/ the way a static host does: clean URLs (/carte → carte.html), long-lived caching of
// content-hashed files, and brotli or gzip when the browser accepts them — the .br and .gz files the
// build wrote beside each file (scripts/postbuild.ts), so that no request waits for compression. A
// malformed URL is answered 400, never a crash. Used by the end-to-end tests and the benchmark;
// `tsx scripts/static-server.ts [port]` serves the built site by hand.
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {createServer, type IncomingMessage, type Server, type ServerResponse} from "node:http";
import {type AddressInfo} from "node:net";
import {extname, join, normalize, sep} from "node:path";
import {brotliCompressSync, constants, gzipSync} from "node:zlib";
import {COMPRESSIBLE} from "./postbuild.js";

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
  /**
   * Compress responses that have no precompressed file, as a real host would (the benchmark); off
   * by default for speed. Precompressed .br/.gz files are served whenever the browser accepts them.
   */
  compress?: boolean;
  /** Extra headers on every response (the e2e suite sends the Content-Security-Policy of the README). */
  headers?: (pathname: string) => Record<string, string>;
}

/** Thrown for a request path that cannot be decoded (« /%E0%A4%A »): the client's fault, 400. */
class BadRequest extends Error {}

function resolveFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    throw new BadRequest(pathname);
  }
  if (decoded.includes("\0")) throw new BadRequest(pathname);
  const clean = normalize(decoded).replace(/^(\.\.[/\\])+/, "");
  const candidates = clean.endsWith("/")
    ? [join(root, clean, "index.html")]
    : [join(root, clean), join(root, `${clean}.html`)];
  const inside = (file: string) => file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);
  return candidates.find((file) => inside(file) && existsSync(file) && statSync(file).isFile()) ?? null;
}

/** The encoding to answer with, from the request's Accept-Encoding (brotli first), or null. */
export function chooseEncoding(acceptEncoding: string): "br" | "gzip" | null {
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [name, ...params] = part.trim().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get("*") ?? 0;
  return weight("br") > 0 ? "br" : weight("gzip") > 0 ? "gzip" : null;
}

function pack(encoding: "br" | "gzip", body: Buffer): Buffer {
  return encoding === "br"
    ? brotliCompressSync(body, {params: {[constants.BROTLI_PARAM_QUALITY]: 9}})
    : gzipSync(body, {level: 9});
}

export function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const {root, port = 0, compress = false, headers: extraHeaders} = options;
  const compressed = new Map<string, Buffer>();
  const precompress = (encodings: ("br" | "gzip")[] = ["br", "gzip"], skip?: RegExp) => {
    const start = performance.now();
    let files = 0;
    for (const entry of readdirSync(root, {recursive: true, withFileTypes: true})) {
      const file = join(entry.parentPath, entry.name);
      if (!entry.isFile() || !COMPRESSIBLE.has(extname(file)) || skip?.test(file)) continue;
      for (const encoding of encodings) {
        if (existsSync(`${file}.${encoding === "br" ? "br" : "gz"}`)) continue; // the build's copy is served
        if (!compressed.has(`${encoding}:${file}`))
          compressed.set(`${encoding}:${file}`, pack(encoding, readFileSync(file)));
      }
      files++;
    }
    return {files, ms: Math.round(performance.now() - start)};
  };
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    try {
      serve(request, response);
    } catch (error) {
      const bad = error instanceof BadRequest || error instanceof TypeError;
      if (!bad) console.error(error);
      if (!response.headersSent) {
        response.writeHead(bad ? 400 : 500, {"content-type": "text/plain; charset=utf-8"});
      }
      response.end(bad ? "Requête invalide" : "Erreur du serveur");
    }
  };
  const serve = (request: IncomingMessage, response: ServerResponse) => {
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
      "cache-control": /\/_(npm|import|file|observablehq)\//.test(url.pathname)
        ? "public, max-age=31536000, immutable"
        : "no-cache"
    };
    Object.assign(headers, extraHeaders?.(url.pathname));
    const accepted = String(request.headers["accept-encoding"] ?? "");
    const encoding = COMPRESSIBLE.has(extension) ? chooseEncoding(accepted) : null;
    if (COMPRESSIBLE.has(extension)) headers["vary"] = "accept-encoding";
    if (encoding) {
      // The build's copy when there is one; else, with `compress`, compressed once and kept.
      const precompressed = `${target}.${encoding === "br" ? "br" : "gz"}`;
      const key = `${encoding}:${target}`;
      let packed = compressed.get(key);
      if (!packed && existsSync(precompressed)) packed = readFileSync(precompressed);
      else if (!packed && compress) {
        packed = pack(encoding, body);
        compressed.set(key, packed);
      }
      if (packed) {
        body = packed;
        headers["content-encoding"] = encoding;
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
