// Framework 1.13's pages as the build finishes them: a language, a zoomable viewport, and no inline
// script holding the parser behind the stylesheet.
import {describe, expect, it} from "vitest";
import {finishHtml} from "../../../scripts/postbuild.js";
import {LANG_SCRIPT, siteHead} from "../../../src/lib/site-chrome.js";

const framework = (head: string) =>
  "<!DOCTYPE html>\n<html>\n<head>\n" +
  '<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">\n' +
  '<link rel="stylesheet" type="text/css" href="./_import/style.css">\n' +
  `${head}\n</head>\n<body></body>\n</html>\n`;

describe("finishHtml", () => {
  const head = siteHead({editions: [2022], latest: 2022, populationYear: 2020});
  const page = finishHtml(framework(head));

  it("writes the language into <html> and drops the script the preview server needs", () => {
    expect(head).toContain(LANG_SCRIPT);
    expect(page).toContain('<html lang="fr">');
    expect(page).not.toContain("documentElement.lang");
    // Everything else of the head stays.
    expect(page).toContain('<meta name="theme-color"');
    expect(page).toContain('<link rel="manifest external"');
  });

  it("lets the reader zoom", () => {
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).not.toContain("maximum-scale");
  });
});
