// Starts one static server for dist/ for the whole end-to-end run.
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {TestProject} from "vitest/node";
import {projectRoot} from "../../src/lib/build/datasets.js";
import {securityHeaders} from "../../scripts/security-headers.js";
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
  if (!existsSync(join(dist, "index.html")))
    throw new Error("dist/ est vide : lancez « npm run build » avant les tests de bout en bout (npm test le fait).");
  // With the headers the README asks hosts to send: a page that breaks the policy fails its test.
  const server = await startStaticServer({root: dist, headers: securityHeaders});
  project.provide("origin", server.origin);
  return () => server.close();
}
