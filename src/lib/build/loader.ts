// The one way a data loader ends: the file's bytes on stdout, or the data problems on stderr and a
// non-zero exit, which makes Framework fail the build without writing the file.
import {DataError} from "../errors.js";

export async function runLoader(produce: () => Promise<Uint8Array | string> | Uint8Array | string): Promise<void> {
  try {
    const output = await produce();
    await new Promise<void>((resolve, reject) =>
      process.stdout.write(output, (error) => (error ? reject(error) : resolve()))
    );
  } catch (error) {
    process.stderr.write(`${error instanceof DataError ? error.message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(1);
  }
}
