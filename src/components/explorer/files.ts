// Files in and out of the browser: a download made from text, a text file read back.

/** Saves `text` as a file named `name` (no server involved). */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], {type}));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Files beyond this are not a notebook (a notebook of 50 full cells is about 1 MB). */
export const MAX_FILE_BYTES = 2_000_000;

export async function readTextFile(file: File): Promise<string> {
  if (file.size > MAX_FILE_BYTES) throw new Error(`le fichier fait ${Math.round(file.size / 1e6)} Mo (2 Mo au plus)`);
  return new TextDecoder("utf-8").decode(await file.arrayBuffer());
}
