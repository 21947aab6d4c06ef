// Preloaded into every Node process of the build and preview (NODE_OPTIONS=--import): any request
// to another host fails loudly with its URL instead of silently reaching a CDN or a registry. A
// missing entry of the offline npm cache (scripts/fill-npm-cache.ts) shows up here, by name.
import {createRequire, syncBuiltinESMExports} from "node:module";

const require = createRequire(import.meta.url);
const LOCAL = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

function refuse(target) {
  const message = `offline-guard: network request refused: ${target}`;
  process.stderr.write(`${message}\n`);
  throw new Error(message);
}

function hostOf(target) {
  if (typeof target === "string" || target instanceof URL) return new URL(target).hostname;
  return target?.hostname ?? target?.host?.replace(/:\d+$/, "") ?? "localhost";
}

const originalFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = typeof input === "string" || input instanceof URL ? String(input) : input?.url;
  return LOCAL.has(new URL(url).hostname) ? originalFetch(input, init) : Promise.reject(refuse(url));
};
for (const name of ["http", "https"]) {
  const module = require(`node:${name}`);
  for (const method of ["request", "get"]) {
    const original = module[method];
    module[method] = function (target, ...rest) {
      const host = hostOf(target);
      return LOCAL.has(host) ? original.call(this, target, ...rest) : refuse(`${name}://${host}`);
    };
  }
}
syncBuiltinESMExports();
