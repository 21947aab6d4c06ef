// Finishes dist/ after `observable build`: Framework 1.13 writes a bare <html> and a viewport that
// forbids zooming; both fail accessibility checks (DESIGN.md). Rewrites every built page.
import {readFileSync, readdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";

export function finishHtml(html: string): string {
  return html
    .replace(/<html>/, '<html lang="fr">')
    .replace(/<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">/, '<meta name="viewport" content="width=device-width, initial-scale=1">');
}

export function postbuild(dist: string): number {
  let count = 0;
  for (const entry of readdirSync(dist, {recursive: true, withFileTypes: true})) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = join(entry.parentPath, entry.name);
    writeFileSync(file, finishHtml(readFileSync(file, "utf-8")));
    count++;
  }
  return count;
}
