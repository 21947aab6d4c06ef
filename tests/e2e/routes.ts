// Every page of the built site, found in dist/ (so a new page is tested without editing a list).
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {projectRoot} from "../../src/lib/build/datasets.js";

export function builtRoutes(): string[] {
  const dist = join(projectRoot, "dist");
  return readdirSync(dist, {recursive: true})
    .map(String)
    .filter((file) => file.endsWith(".html") && !file.startsWith("_") && file !== "404.html")
    .map((file) => "/" + file.replace(/\.html$/, "").replace(/(^|\/)index$/, ""))
    .sort();
}
