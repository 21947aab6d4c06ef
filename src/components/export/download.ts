// Saves a file from the page (a blob or text) under a name that says what it is.
import {slugify} from "../../lib/text.js";

export function download(content: Blob | string, name: string, type = "text/plain;charset=utf-8"): void {
  const blob = typeof content === "string" ? new Blob([content], {type}) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** « Participants en parcours par commune » → « participants-en-parcours-par-commune ». */
export function fileSlug(...parts: (string | number)[]): string {
  return slugify(parts.join("-"));
}
