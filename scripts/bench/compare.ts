// A/B comparison of two builds on a shared, noisy machine: serves both, alternates their runs (so
// that load spikes hit both alike) and prints the medians of /carte's milestones, cold and warm.
// Used to measure each performance decision of bench/PERFORMANCE.md.
//   npx tsx scripts/bench/compare.ts <distA> <distB> [--runs 8] [--path /carte] [--block-engine]
import {resolve} from "node:path";
import {startStaticServer} from "../static-server.js";
import {type PageRuns, type PageSpec, measurePage} from "./pages.js";
import {formatBytes, formatMs, summarize} from "./stats.js";
import {table} from "./table.js";

const [distA, distB] = process.argv.slice(2, 4).map((d) => resolve(d));
if (!distA || !distB) throw new Error("usage: compare.ts <distA> <distB> [--runs N] [--path /carte]");
const argv = process.argv.slice(4);
const runs = Number(argv[argv.indexOf("--runs") + 1] || 8);
const path = argv.includes("--path") ? argv[argv.indexOf("--path") + 1] : "/carte";

const spec: PageSpec = {
  name: path,
  path,
  milestones:
    path === "/carte"
      ? {
          shapes: `document.querySelector(".map-box .commune path") !== null`,
          values: `document.querySelector('.map-box[aria-busy="false"] .commune path') !== null`,
          duckdbView: `document.querySelector('.map-box[data-source="duckdb"]') !== null`
        }
      : path === "/"
        ? {
            figures: `document.querySelector(".figure-card") !== null`,
            duckdbView: `document.querySelector('.async-block[data-source="duckdb"]') !== null`
          }
        : {content: `document.querySelector("#observablehq-main h1") !== null`},
  engineMarks: {start: "mno:duckdb-start", ready: "mno:duckdb-ready"}
};

const servers = await Promise.all([distA, distB].map((root) => startStaticServer({root, compress: true})));
for (const s of servers) s.precompress(["br"]);
const results: PageRuns[][] = [[], []];
for (let run = 0; run < runs; run++) {
  for (const i of run % 2 ? [1, 0] : [0, 1]) {
    results[i].push(
      await measurePage(spec, {
        origin: servers[i].origin,
        dist: [distA, distB][i],
        runs: 1,
        warmVisits: 2,
        settleMs: 3000,
        log: (l) => console.error(`${"AB"[i]} ${l}`)
      })
    );
  }
}
for (const s of servers) await s.close();

const rows: string[][] = [];
const keys = [...Object.keys(spec.milestones), "engineReady", "fcp"];
for (const phase of ["cold", "warm"] as const) {
  for (const key of keys) {
    const pick = (r: PageRuns[]) =>
      summarize(
        r
          .flatMap((x) => x[phase])
          .map((v) =>
            key === "engineReady"
              ? v.engineReady
              : key === "fcp"
                ? v.timings.fcp
                : (v.timings.milestones[key]?.paint ?? null)
          )
      );
    rows.push([phase, key, formatMs(pick(results[0])), formatMs(pick(results[1]))]);
  }
}
const bytes = (r: PageRuns[]) => formatBytes(r[0].transfers.reduce((s, t) => s + t.encoded, 0));
rows.push(["cold", "transfer", bytes(results[0]), bytes(results[1])]);
console.log(`A = ${distA}\nB = ${distB}\n${runs} runs each, alternated\n`);
console.log(table(["visit", "milestone", "A", "B"], rows));
