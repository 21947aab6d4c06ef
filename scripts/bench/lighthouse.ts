// Lighthouse 12.8.2 (Lighthouse 13 needs Node 22) on Debian's Chromium, mobile preset (its default:
// Moto G Power viewport, simulated slow 4G and 4× CPU slowdown), through its CLI, with the flags of
// the end-to-end tests. Full reports go to bench/lighthouse/ (not committed).
import {spawn} from "node:child_process";
import {mkdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {projectRoot} from "../../src/lib/build/datasets.js";
import {CHROMIUM_ARGS, chromiumPath} from "../../tests/e2e/chromium.js";

export interface LighthouseRun {
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  /** ms, except CLS. */
  fcp: number | null;
  lcp: number | null;
  tbt: number | null;
  cls: number | null;
  speedIndex: number | null;
  /** Audits of the accessibility category that failed, with what they flag. */
  failedAccessibility: {id: string; title: string; items: string[]}[];
  report: string;
}

interface LhReport {
  lighthouseVersion: string;
  categories: Record<string, {score: number | null; auditRefs: {id: string; weight: number}[]}>;
  audits: Record<
    string,
    {
      numericValue?: number;
      score: number | null;
      title: string;
      scoreDisplayMode: string;
      details?: {items?: {node?: {snippet?: string; selector?: string}}[]};
    }
  >;
}

export const LIGHTHOUSE_DIR = join(projectRoot, "bench/lighthouse");

export async function runLighthouse(url: string, name: string): Promise<LighthouseRun> {
  mkdirSync(LIGHTHOUSE_DIR, {recursive: true});
  const report = join(LIGHTHOUSE_DIR, `${name}.json`);
  const args = [
    url,
    `--chrome-path=${chromiumPath()}`,
    `--chrome-flags=${CHROMIUM_ARGS.join(" ")}`,
    "--only-categories=performance,accessibility,best-practices",
    "--output=json",
    `--output-path=${report}`,
    "--locale=fr",
    "--quiet"
  ];
  const child = spawn(join(projectRoot, "node_modules/.bin/lighthouse"), args, {stdio: ["ignore", "ignore", "pipe"]});
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const code: number = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`lighthouse ${url} : code ${code}\n${stderr.slice(-2000)}`);
  const json = JSON.parse(readFileSync(report, "utf-8")) as LhReport;
  const score = (id: string) =>
    json.categories[id]?.score == null ? null : Math.round(json.categories[id].score! * 100);
  const value = (id: string) => json.audits[id]?.numericValue ?? null;
  const failedAccessibility = (json.categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && json.audits[ref.id]?.score !== null && json.audits[ref.id].score! < 1)
    .map((ref) => ({
      id: ref.id,
      title: json.audits[ref.id].title,
      items: (json.audits[ref.id].details?.items ?? [])
        .slice(0, 5)
        .map((i) => i.node?.selector ?? i.node?.snippet ?? "")
    }));
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    fcp: value("first-contentful-paint"),
    lcp: value("largest-contentful-paint"),
    tbt: value("total-blocking-time"),
    cls: value("cumulative-layout-shift"),
    speedIndex: value("speed-index"),
    failedAccessibility,
    report: relative(projectRoot, report)
  };
}

export function lighthouseVersion(): string {
  return JSON.parse(readFileSync(join(projectRoot, "node_modules/lighthouse/package.json"), "utf-8")).version;
}
