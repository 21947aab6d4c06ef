// Finishes the built site after `observable build`: Framework 1.13 writes a bare <html> and a
// viewport that forbids zooming, both accessibility failures, so every page is rewritten; the
// published tables get their stable addresses (/donnees/indicateurs.parquet…, copies of the hashed
// files); then every compressible file gets brotli (.br) and gzip (.gz) copies beside it, which
// scripts/static-server.ts and real hosts serve as they are — no visitor waits while a server
// compresses 35 MB of wasm.
import {copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from "node:fs";
import {dirname, extname, join} from "node:path";
import {DOWNLOADS, STABLE_FOLDER, hashedNamePattern} from "../src/lib/downloads.js";
import {LANG_SCRIPT} from "../src/lib/site-chrome.js";
import {promisify} from "node:util";
import {brotliCompress, constants, gzip} from "node:zlib";

export function finishHtml(html: string): string {
  return html
    .replace(/<html>/, '<html lang="fr">')
    .replace(`${LANG_SCRIPT}\n`, "")
    .replace(
      /<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">/,
      '<meta name="viewport" content="width=device-width, initial-scale=1">'
    );
}

export function postbuild(dist: string): number {
  let count = 0;
  for (const entry of readdirSync(dist, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = join(entry.parentPath, entry.name);
    writeFileSync(file, finishHtml(readFileSync(file, "utf-8")));
    count++;
  }
  return count;
}

/**
 * Copies each published table's built file (`_file/data/indicators.<hash>.parquet`) to its stable
 * address (`donnees/indicateurs.parquet`), byte for byte. A download the build did not write (its
 * page no longer attaches it) fails the build: the page documents every stable address.
 */
export function writeStableDownloads(dist: string): string[] {
  const written: string[] = [];
  mkdirSync(join(dist, STABLE_FOLDER), {recursive: true});
  for (const download of DOWNLOADS) {
    const folder = join(dist, "_file", dirname(download.attachment));
    const pattern = hashedNamePattern(download.attachment);
    const built = (existsSync(folder) ? readdirSync(folder) : [])
      .map((name) => `${dirname(download.attachment)}/${name}`)
      .filter((name) => pattern.test(name));
    if (built.length !== 1) {
      throw new Error(
        `adresse stable /${STABLE_FOLDER}/${download.name} : ${built.length} fichiers construits pour ` +
          `${download.attachment} dans _file/ (attendu : un seul ; /donnees l'attache-t-il encore ?)`
      );
    }
    const target = join(STABLE_FOLDER, download.name);
    copyFileSync(join(dist, "_file", built[0]), join(dist, target));
    written.push(target);
  }
  return written;
}

/** Extensions worth compressing (text, wasm, Arrow); Parquet and images are compressed already. */
export const COMPRESSIBLE = new Set([
  ".html",
  ".js",
  ".css",
  ".json",
  ".wasm",
  ".csv",
  ".svg",
  ".txt",
  ".geojson",
  ".sql",
  ".arrow",
  ".md"
]);
/** Below this size the compressed copy saves less than a header costs. */
const MIN_BYTES = 256;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The compressed forms of `body`, at the levels a host would precompress with. */
export async function compressForms(body: Buffer): Promise<{br: Buffer; gz: Buffer}> {
  const [br, gz] = await Promise.all([
    brotli(body, {params: {[constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length}}),
    gzipAsync(body, {level: 9})
  ]);
  return {br, gz};
}

/** Writes `file.br` and `file.gz` beside every compressible file of `dist` (when smaller). */
export async function precompress(dist: string): Promise<{files: number; bytes: number; compressed: number}> {
  const files = readdirSync(dist, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile() && COMPRESSIBLE.has(extname(entry.name)))
    .map((entry) => join(entry.parentPath, entry.name));
  let bytes = 0;
  let compressed = 0;
  let count = 0;
  // zlib runs on libuv's thread pool: a few files at a time keep both cores busy.
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const body = readFileSync(file);
      if (body.length < MIN_BYTES) continue;
      const {br, gz} = await compressForms(body);
      if (br.length < body.length) writeFileSync(`${file}.br`, br);
      if (gz.length < body.length) writeFileSync(`${file}.gz`, gz);
      bytes += body.length;
      compressed += br.length;
      count++;
    }
  };
  await Promise.all(Array.from({length: 4}, worker));
  return {files: count, bytes, compressed};
}
