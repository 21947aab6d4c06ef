// The page's side of the Parquet decoder's worker (parquet-worker.ts): one worker for the engine's
// start, a promise per file, the bytes transferred both ways (not copied).

export interface DecodeRequest {
  id: number;
  buffer: ArrayBuffer;
}

export type DecodeReply = {id: number; ipc: Uint8Array} | {id: number; error: string};

export interface ParquetDecoder {
  /** The file's table as an Arrow IPC stream; `name` only words the error. */
  decode(name: string, buffer: ArrayBuffer): Promise<Uint8Array>;
  /** Stops the worker once every file is decoded. */
  close(): void;
}

export function parquetDecoder(workerUrl: string): ParquetDecoder {
  const worker = new Worker(workerUrl);
  const pending = new Map<number, {name: string; resolve: (ipc: Uint8Array) => void; reject: (e: Error) => void}>();
  let next = 0;
  const failAll = (reason: string) => {
    for (const {name, reject} of pending.values()) reject(new Error(`${name} : décodage impossible (${reason})`));
    pending.clear();
  };
  worker.onmessage = ({data}: MessageEvent<DecodeReply>) => {
    const request = pending.get(data.id);
    if (!request) return;
    pending.delete(data.id);
    if ("ipc" in data) request.resolve(data.ipc);
    else request.reject(new Error(`${request.name} : décodage impossible (${data.error})`));
  };
  worker.onerror = (event) => failAll(event.message || "le décodeur n'a pas démarré");
  return {
    decode: (name, buffer) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, {name, resolve, reject});
        worker.postMessage({id, buffer} satisfies DecodeRequest, [buffer]);
      }),
    close: () => {
      failAll("arrêté");
      worker.terminate();
    }
  };
}
