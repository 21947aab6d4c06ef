// Starts one static server for dist/ for the whole end-to-end run.
import {existsSync} from "node:fs";
import {join} from "node:path";
import type {TestProject} from "vitest/node";
import {projectRoot} from "../../src/lib/build/datasets.js";
import {securityHeaders} from "../../scripts/security-headers.js";
import {type StaticServer, startStaticServer} from "../../scripts/static-server.js";
import {chromiumPath} from "./chromium.js";

declare module "vitest" {
  export interface ProvidedContext {
    origin: string;
    /** The site built from the three-edition fixture (tests/fixtures/editions, npm run build:editions). */
    editionsOrigin: string;
  }
}

export default async function setup(project: TestProject) {
  chromiumPath(); // fail first, and clearly, when the browser is missing
  const servers: StaticServer[] = [];
  for (const [folder, key, build] of [
    ["dist", "origin", "build"],
    ["dist-editions", "editionsOrigin", "build:editions"]
  ] as const) {
    const root = join(projectRoot, folder);
    if (!existsSync(join(root, "index.html")))
      throw new Error(
        `${folder}/ est vide : lancez « npm run ${build} » avant les tests de bout en bout (npm test le fait).`
      );
    // With the headers the README asks hosts to send: a page that breaks the policy fails its test.
    const server = await startStaticServer({root, headers: securityHeaders});
    project.provide(key, server.origin);
    servers.push(server);
  }
  return () => Promise.all(servers.map((server) => server.close()));
}
