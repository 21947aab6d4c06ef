// Renders the app icons drawn in src/icons/*.svg to the PNG sizes the web manifest lists
// (scripts/service-worker.ts), with the Chromium the tests use. The PNGs are committed: the build
// needs no browser. Run again after changing an icon: tsx scripts/render-icons.ts
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {chromium} from "playwright-core";
import {projectRoot} from "../src/lib/build/datasets.js";
import {CHROMIUM_ARGS, chromiumPath} from "../tests/e2e/chromium.js";

const ICONS = [
  {svg: "icon.svg", png: "icon-192.png", size: 192},
  {svg: "icon.svg", png: "icon-512.png", size: 512},
  {svg: "icon-maskable.svg", png: "icon-maskable-512.png", size: 512}
];

const dir = join(projectRoot, "src/icons");
const browser = await chromium.launch({executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true});
for (const {svg, png, size} of ICONS) {
  const page = await browser.newPage({viewport: {width: size, height: size}});
  const source = readFileSync(join(dir, svg), "utf-8").replace("<svg ", `<svg width="${size}" height="${size}" `);
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${source}`);
  await page.screenshot({path: join(dir, png), omitBackground: true});
  await page.close();
  console.log(`${png} (${size} px)`);
}
await browser.close();
