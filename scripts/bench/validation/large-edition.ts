// A large valid edition for the validator: `rows` figures, each quoted from its own line of the
// report, a derived total over all of them and a consistency rule that checks it. Written beside the
// real data (a copy of data/) as an extra edition, so that the build's whole validation runs on it.
import {cpSync, mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {projectRoot} from "../../../src/lib/build/datasets.js";
import {formatCsv} from "../../../src/lib/csv.js";
import {formatNumber} from "../../../src/lib/format.js";

const EDITION = 2023;
const INDICATOR = [String(EDITION), "plie", "Ateliers", "plie.ateliers_participants", "Participants aux ateliers"];
const ALL = `sum(plie.ateliers_participants[${EDITION}; atelier=*])`;
const COLUMNS = ["year", "programme", "section", "indicator", "label", "commune_code", "dimension", "category"];

/** « 12 345 » with an ordinary space, as the report's text file prints it. */
const printed = (n: number) => formatNumber(n, 0).replace(/\u202f/g, " ");

/** Writes the edition under `root`/data/reports/2023 (root: a copy of the project's data/). */
export function writeLargeEdition(root: string, rows: number): {edition: number; rows: number} {
  const dir = join(root, `data/reports/${EDITION}`);
  mkdirSync(dir, {recursive: true});
  const lines: string[] = [];
  const records: string[][] = [];
  let total = 0;
  for (let i = 1; i <= rows; i++) {
    const quote = `Atelier n° ${i} : ${printed(i)} participants`;
    lines.push(quote);
    total += i;
    records.push([...INDICATOR, "", "atelier", `n° ${i}`, printed(i), "participants", "publie", "", quote]);
  }
  const totalQuote = `Au total : ${printed(total)} participations`;
  lines.push(totalQuote);
  records.push([...INDICATOR, "", "", "", "", "participants", "derive", ALL, totalQuote]);
  writeFileSync(join(dir, "rapport.txt"), lines.join("\n") + "\n");
  const header = [...COLUMNS, "value", "unit", "status", "derivation", "quote"];
  writeFileSync(join(dir, "indicateurs.csv"), formatCsv(header, records, {neutralise: false}));
  const rule = {id: "ateliers", whole: `plie.ateliers_participants[${EDITION}]`, parts: [ALL], tolerance: 0};
  writeFileSync(join(dir, "coherence.json"), JSON.stringify([rule]));
  return {edition: EDITION, rows: rows + 1};
}

/** A throw-away copy of the project's data/ folder. */
export function copyOfData(): string {
  const root = mkdtempSync(join(tmpdir(), "observatoire-large-"));
  cpSync(join(projectRoot, "data"), join(root, "data"), {recursive: true});
  return root;
}
