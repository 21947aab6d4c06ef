// npm run bench:validation — how long the build's whole validation takes on a large edition
// (100 000 figures by default, the scale the README plans for): median of several runs.
//   npm run bench:validation -- [--rows 100000] [--runs 3]
import {rmSync} from "node:fs";
import {dataPaths, loadTables} from "../../../src/lib/build/datasets.js";
import {formatMs, summarize} from "../stats.js";
import {copyOfData, writeLargeEdition} from "./large-edition.js";

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const ROWS = option("rows", 100_000);
const RUNS = option("runs", 3);

const root = copyOfData();
try {
  const {rows} = writeLargeEdition(root, ROWS);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    loadTables(dataPaths(root));
    times.push(performance.now() - start);
  }
  console.log(`validation of the real data plus ${rows} rows: ${formatMs(summarize(times))}`);
} finally {
  rmSync(root, {recursive: true, force: true});
}
