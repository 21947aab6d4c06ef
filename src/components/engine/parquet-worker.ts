// The Parquet decoder's worker (bundled by src/engine/parquet-worker.js.ts): the page posts a
// file's bytes and gets back the same table as an Arrow IPC stream, which DuckDB's worker reads
// directly. Decoding and serialising here rather than in the page keeps that work (60–120 ms of
// main thread on a phone-sized CPU budget, bench/PERFORMANCE.md decision 19) off the thread that
// answers the reader.
import {tableToIPC} from "npm:apache-arrow";
import {parquetToArrow} from "./parquet-arrow.js";
import type {DecodeReply, DecodeRequest} from "./parquet-decoder.js";

self.onmessage = async ({data}: MessageEvent<DecodeRequest>) => {
  let reply: DecodeReply;
  try {
    const ipc = tableToIPC(await parquetToArrow(data.buffer), "stream");
    reply = {id: data.id, ipc};
  } catch (error) {
    reply = {id: data.id, error: error instanceof Error ? error.message : String(error)};
  }
  (self as unknown as Worker).postMessage(reply, "ipc" in reply ? [reply.ipc.buffer] : []);
};
