// Bundles the local modules of each page of a Framework build (src/lib/build/bundle-pages.ts), in
// place. scripts/framework.ts runs it on every build, before the offline copy and precompression;
// run by hand only on the raw output of `tsx scripts/framework-build.ts <dir>`.
//   tsx scripts/bundle-pages.ts <dir>
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import {bundlePages, type BundleReport} from "../src/lib/build/bundle-pages.js";

/** One line for the build's log. */
export function describeBundles(report: BundleReport): string {
  return (
    `${report.pages} pages, ${report.entries.length} entries + ${report.chunks.length} shared chunks ` +
    `replace ${report.removed} modules` +
    (report.unused.length ? ` (${report.unused.length} modules used by no page kept)` : "")
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage : tsx scripts/bundle-pages.ts <dossier construit>");
  // A finished build's sw.js and .br/.gz copies would still list the deleted modules.
  if (existsSync(join(dir, "sw.js")))
    throw new Error(`${dir} est déjà terminé (sw.js) : reconstruire avec npm run build`);
  const report = await bundlePages(resolve(dir));
  for (const warning of report.warnings) console.error(`bundle pages: ${warning}`);
  console.error(`bundle pages: ${describeBundles(report)}`);
}
