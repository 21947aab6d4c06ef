// What the import review page needs from the site's data: the latest edition (its text, its rows as
// written, its consistency rules), the rules of regles.json and the communes — read from data/ as
// the build reads them, for src/data/reference-edition.json.ts.
import {readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {decodeUtf8, parseCsv, recordsToObjects} from "../csv.js";
import {DataError} from "../errors.js";
import {parseJson} from "../validation/rules.js";
import {type DataPaths, dataPaths, loadCommunes} from "./datasets.js";
import {EDITION_FILES, listEditions} from "./reports.js";
import {readRules} from "./rules.js";
import type {ReferenceData} from "../edition/reference-data.js";

export function referenceEdition(paths: DataPaths = dataPaths()): ReferenceData {
  const {years, problems} = listEditions(paths.reports, paths.root);
  if (problems.length) throw new DataError(problems);
  const year = years[years.length - 1];
  if (year === undefined) throw new DataError([{file: relative(paths.root, paths.reports), reason: "aucune édition"}]);
  const dir = join(paths.reports, String(year));
  const read = (name: string) => {
    const file = join(dir, name);
    return {text: decodeUtf8(readFileSync(file), relative(paths.root, file)), display: relative(paths.root, file)};
  };
  const csv = read(EDITION_FILES.rows);
  const coherence = read(EDITION_FILES.consistency);
  const rulesFile = join(paths.reports, "regles.json");
  return {
    year,
    text: read(EDITION_FILES.text).text,
    rows: recordsToObjects(parseCsv(csv.text, csv.display)).map((r) => r.values),
    coherence: parseJson(coherence.text, coherence.display),
    rules: readRules(rulesFile, relative(paths.root, rulesFile)),
    communes: loadCommunes(paths).map(({code, nom}) => ({code, nom}))
  };
}
