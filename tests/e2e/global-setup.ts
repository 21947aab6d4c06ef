// Starts one static server for dist/ for the whole end-to-end run.
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {TestProject} from "vitest/node";
import {projectRoot} from "../../src/lib/build/datasets.js";
import {startStaticServer} from "../../scripts/static-server.js";
import {chromiumPath} from "./chromium.js";

declare module "vitest" {
  export interface ProvidedContext {
    origin: string;
  }
}

export default async function setup(project: TestProject) {
  chromiumPath(); // fail first, and clearly, when the browser is missing
  const dist = join(projectRoot, "dist");
  if (!existsSync(join(dist, "index.html"))) throw new Error("dist/ est vide : lancez « npm run build » avant les tests de bout en bout (npm test le fait).");
  const server = await startStaticServer({root: dist});
  project.provide("origin", server.origin);
  return () => server.close();
}
