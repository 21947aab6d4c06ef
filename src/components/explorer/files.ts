// A notebook file read back into the browser (downloads go through export/download.ts).

/** Files beyond this are not a notebook (a notebook of 50 full cells is about 1 MB). */
export const MAX_FILE_BYTES = 2_000_000;

export async function readTextFile(file: File): Promise<string> {
  if (file.size > MAX_FILE_BYTES) throw new Error(`le fichier fait ${Math.round(file.size / 1e6)} Mo (2 Mo au plus)`);
  return new TextDecoder("utf-8").decode(await file.arrayBuffer());
}
