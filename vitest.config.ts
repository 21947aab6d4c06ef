import {defineConfig} from "vitest/config";

// Browser code imports libraries as `npm:<name>` (Framework's self-hosted npm imports); in Node the
// same libraries come from node_modules.
const npmAlias = [{find: /^npm:(.*)$/, replacement: "$1"}];

export default defineConfig({
  test: {
    // Two files at a time (vitest's default is one less than the cores: one, on the 2-core machine).
    // End-to-end files mostly wait on a browser: two at a time took 214 s where one at a time took
    // 332 s on four of them; unit files gain little (their time is imports and transforms).
    maxWorkers: 2,
    projects: [
      {
        resolve: {alias: npmAlias},
        test: {name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 30_000}
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/global-setup.ts"],
          // Two files share the 2 cores: a test opening two DuckDB pages took 60 s under load.
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // After the unit files, not beside them (a build in a unit test would slow the pages' waits).
          sequence: {groupOrder: 1}
        }
      }
    ]
  }
});
