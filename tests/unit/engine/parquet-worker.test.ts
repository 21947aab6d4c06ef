// The Parquet decoder's worker as the browser gets it: the bundle the loader writes, run as a
// worker script (in a bare context, `self` its only global of note), fed a Parquet file the build
// writes; its Arrow stream is read back with Apache Arrow's own reader.
import {spawnSync} from "node:child_process";
import {join} from "node:path";
import {runInNewContext} from "node:vm";
import {tableFromIPC} from "apache-arrow";
import {describe, expect, it} from "vitest";
import {parquetToArrow} from "../../../src/components/engine/parquet-arrow.js";
import type {DecodeReply} from "../../../src/components/engine/parquet-decoder.js";
import {projectRoot} from "../../../src/lib/build/datasets.js";

function runLoader(path: string): Buffer {
  const result = spawnSync(join(projectRoot, "node_modules/.bin/tsx"), [join(projectRoot, path)], {
    cwd: projectRoot,
    maxBuffer: 64 * 1024 * 1024
  });
  if (result.status !== 0) throw new Error(result.stderr.toString());
  return result.stdout;
}

/** The worker script started in a fresh context; `post` sends it a message, as the page does. */
function startWorker(script: string) {
  const replies: DecodeReply[] = [];
  const self: Record<string, unknown> = {postMessage: (reply: DecodeReply) => replies.push(reply)};
  // In a browser a posted buffer arrives as the worker's own ArrayBuffer: here too, one realm's.
  runInNewContext(script, {self, ArrayBuffer, TextEncoder, TextDecoder, console});
  const onmessage = self.onmessage as (event: {data: unknown}) => Promise<void>;
  return {
    replies,
    post: (data: unknown) => onmessage({data})
  };
}

describe("engine/parquet-worker.js", () => {
  const script = runLoader("src/engine/parquet-worker.js.ts").toString("utf-8");
  const parquet = runLoader("src/data/indicators.parquet.ts");

  it("is one classic script, with no import left for the browser to resolve", () => {
    expect(script).not.toMatch(/\bimport\s*[{*"(]|npm:/);
  });

  it("turns a Parquet file into the same table as an Arrow stream", async () => {
    const worker = startWorker(script);
    const bytes = new Uint8Array(parquet).slice().buffer;
    await worker.post({id: 7, buffer: bytes});
    expect(worker.replies).toHaveLength(1);
    const reply = worker.replies[0];
    expect(reply.id).toBe(7);
    if (!("ipc" in reply)) throw new Error(reply.error);
    const table = tableFromIPC(reply.ipc);
    const expected = await parquetToArrow(new Uint8Array(parquet).slice().buffer);
    expect(table.numRows).toBe(expected.numRows);
    expect(table.schema.fields.map((f) => [f.name, String(f.type)])).toEqual(
      expected.schema.fields.map((f) => [f.name, String(f.type)])
    );
    expect(table.toArray().map((row) => row.toJSON())).toEqual(expected.toArray().map((row) => row.toJSON()));
  });

  it("answers a file it cannot read with an error, under the request's id", async () => {
    const worker = startWorker(script);
    await worker.post({id: 3, buffer: new TextEncoder().encode("pas un fichier Parquet").buffer});
    expect(worker.replies).toEqual([{id: 3, error: expect.any(String)}]);
  });
});
