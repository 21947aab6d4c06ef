// What the build writes into every page's head (src/lib/site-chrome.ts), for component tests in jsdom.
import {EDITION_META, type EditionInfo, editionMetaContent} from "../../../src/lib/editions.js";

/** Writes the editions' `<meta>` into the test document; returns what it wrote. */
export function setEditionMeta(
  info: EditionInfo = {editions: [2022], latest: 2022, populationYear: 2020}
): EditionInfo {
  document.querySelector(`meta[name="${EDITION_META}"]`)?.remove();
  const meta = document.createElement("meta");
  meta.name = EDITION_META;
  meta.content = editionMetaContent(info);
  document.head.append(meta);
  return info;
}
