// Makes the built site installable and usable offline after one visit: writes the French web
// manifest and the app icons into dist/, then generates dist/sw.js with Workbox over every file of
// the build (pages, modules, data, the DuckDB engine). Called by scripts/framework.ts after a build;
// src/components/offline/register.ts registers the worker and offers a new build, never forcing it.
import {copyFileSync, mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {generateSW} from "workbox-build";
import {projectRoot} from "../src/lib/build/datasets.js";
import {THEME_COLOR} from "../src/lib/site-chrome.js";

/** The icons drawn for the site (src/icons/*.svg, rendered by scripts/render-icons.ts). */
export const ICONS = [
  {src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any"},
  {src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any"},
  {src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable"},
  {src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any"}
];

export const MANIFEST = {
  id: "/",
  name: "Observatoire MNO — Emploi et insertion en Métropole Nord-Ouest",
  short_name: "Observatoire MNO",
  description:
    "Les chiffres du rapport d'activité de la Maison de l'Emploi, du PLIE et de la Mission Locale " +
    "Métropole Nord-Ouest : carte des communes, programmes, explorateur SQL, hors ligne après une visite.",
  lang: "fr",
  dir: "ltr",
  start_url: "/",
  scope: "/",
  display: "standalone",
  background_color: "#ffffff",
  theme_color: THEME_COLOR,
  categories: ["government", "business"],
  icons: ICONS
};

/**
 * Files whose name holds a hash of their content (Framework's `name.1a2b3c4d.js`, `_npm/…/1a2b3c4d.js`),
 * and DuckDB's wasm, whose path holds its npm version: their URL is their revision. Without it,
 * Workbox would re-download the 35 MB engine with `cache: "reload"` to install a worker that
 * already has it in the HTTP cache.
 */
const REVISIONED_BY_URL = new RegExp(
  String.raw`(?:[./][0-9a-f]{8}\.[a-z]+|(?:^|/)_npm/@duckdb/duckdb-wasm@[^/]+/dist/duckdb-eh\.wasm)$`
);

export interface OfflineBuild {
  files: number;
  bytes: number;
  warnings: string[];
}

export function writeManifest(dist: string): void {
  mkdirSync(join(dist, "icons"), {recursive: true});
  for (const {src} of ICONS) copyFileSync(join(projectRoot, "src", src), join(dist, src));
  writeFileSync(join(dist, "manifest.webmanifest"), `${JSON.stringify(MANIFEST, null, 2)}\n`);
}

export async function buildOffline(dist: string): Promise<OfflineBuild> {
  writeManifest(dist);
  const {count, size, warnings} = await generateSW({
    globDirectory: dist,
    globPatterns: ["**/*"],
    swDest: join(dist, "sw.js"),
    // DuckDB's wasm is 35 MB (about 5 MB compressed on the wire).
    maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
    dontCacheBustURLsMatching: REVISIONED_BY_URL,
    // Clean URLs as the host serves them: /carte → carte.html, / → index.html; a page's state is in
    // its query string (?indicateur=…, ?n=…), and every state is the same cached page.
    directoryIndex: "index.html",
    ignoreURLParametersMatching: [/./],
    // A navigation outside the build goes to the network (the host's 404 when online); offline, it
    // gets the site's French 404, whose page says it is offline (src/components/offline/notice.ts).
    runtimeCaching: [
      {
        urlPattern: ({request}) => request.mode === "navigate",
        handler: "NetworkOnly",
        options: {precacheFallback: {fallbackURL: "/404.html"}}
      }
    ],
    // A new build waits until the reader accepts it (« recharger »), which posts SKIP_WAITING.
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: "production"
  });
  return {files: count, bytes: size, warnings};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const {files, bytes, warnings} = await buildOffline(join(projectRoot, process.argv[2] ?? "dist"));
  for (const warning of warnings) console.error(`service worker: ${warning}`);
  console.error(`service worker: ${files} files precached (${(bytes / 1e6).toFixed(1)} MB)`);
}
