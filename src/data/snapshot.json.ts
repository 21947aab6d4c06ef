// snapshot.json: the first view of pages, computed at build time by the same queries the pages run
// in DuckDB-WASM (src/lib/queries/snapshot.ts), so that figures appear before the engine starts.
import {prerender, type Snapshot} from "../lib/queries/snapshot.js";
import {dataPaths, tableList} from "../lib/build/datasets.js";
import {loadValidated} from "../lib/build/validated.js";
import {runLoader} from "../lib/build/loader.js";
import {readRules} from "../lib/build/rules.js";
import {Warehouse} from "../lib/build/warehouse.js";
import {join} from "node:path";

await runLoader(async () => {
  const tables = loadValidated();
  const rules = readRules(join(dataPaths().reports, "regles.json"), "data/reports/regles.json");
  const warehouse = await Warehouse.create(tableList(tables));
  try {
    const snapshot: Snapshot = {units: rules.units, results: await prerender((query) => warehouse.run(query))};
    return JSON.stringify(snapshot);
  } finally {
    warehouse.close();
  }
});
