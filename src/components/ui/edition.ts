// The editions the build wrote into the page's head (src/lib/site-chrome.ts): read once, in the browser.
import {EDITION_META, type EditionInfo, parseEditionMeta, sourceLine} from "../../lib/editions.js";

let cached: EditionInfo | undefined;

/** The site's editions; a page built without them (an old copy) says so rather than invent a year. */
export function editionInfo(): EditionInfo {
  if (cached) return cached;
  const content = document.querySelector(`meta[name="${EDITION_META}"]`)?.getAttribute("content");
  const info = parseEditionMeta(content);
  if (!info) throw new Error("Cette page ne dit pas quelles éditions du rapport elle montre : reconstruisez le site.");
  return (cached = info);
}

/** The source line of the latest edition, for exports and embeds. */
export function latestSourceLine(): string {
  return sourceLine(editionInfo().latest);
}

export {editionsPhrase} from "../../lib/editions.js";
