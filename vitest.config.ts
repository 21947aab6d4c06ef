import {defineConfig} from "vitest/config";

// Browser code imports libraries as `npm:<name>` (Framework's self-hosted npm imports); in Node the
// same libraries come from node_modules.
const npmAlias = [{find: /^npm:(.*)$/, replacement: "$1"}];

export default defineConfig({
  test: {
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
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium for the whole run; pages are light, files run one after another.
          fileParallelism: false
        }
      }
    ]
  }
});
