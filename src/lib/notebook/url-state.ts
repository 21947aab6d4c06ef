// The whole notebook in the URL: `?n=` + base64url(deflate-raw(JSON)), with the platform's own
// CompressionStream (browsers and Node 20), so a link reproduces the notebook.
import {type NotebookDocument, NotebookFormatError, notebookJson, parseNotebook} from "./notebook.js";

export const URL_PARAM = "n";
/** A decompressed notebook larger than this is refused (a crafted link must not exhaust memory). */
const MAX_JSON_BYTES = 2_000_000;

export function base64UrlEncode(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function base64UrlDecode(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new NotebookFormatError("le lien contient des caractères inattendus");
  const padded = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function readAll(stream: ReadableStream<Uint8Array>, limit = Infinity): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new NotebookFormatError("le carnet du lien est trop volumineux");
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function through(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): ReadableStream<Uint8Array> {
  return new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(transform as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
}

export async function encodeNotebook(doc: NotebookDocument): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(notebookJson(doc)));
  return base64UrlEncode(await readAll(through(json, new CompressionStream("deflate-raw"))));
}

export async function decodeNotebook(param: string): Promise<NotebookDocument> {
  let json: string;
  try {
    const bytes = await readAll(
      through(base64UrlDecode(param), new DecompressionStream("deflate-raw")),
      MAX_JSON_BYTES
    );
    json = new TextDecoder("utf-8", {fatal: true}).decode(bytes);
  } catch (error) {
    if (error instanceof NotebookFormatError) throw error;
    throw new NotebookFormatError("le lien est incomplet ou abîmé (copiez-le en entier)");
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new NotebookFormatError("le lien ne contient pas un carnet lisible");
  }
  return parseNotebook(value);
}

/** The page's search string for a notebook (other parameters kept). */
export async function notebookSearch(doc: NotebookDocument, current = ""): Promise<string> {
  const params = new URLSearchParams(current);
  params.set(URL_PARAM, await encodeNotebook(doc));
  return `?${params}`;
}
