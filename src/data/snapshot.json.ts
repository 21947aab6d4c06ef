// snapshot.json: the first view of pages, computed at build time by the same queries the pages run
// in DuckDB-WASM (src/components/prerender.ts), so that figures appear before the engine starts.
import {prerender, type Snapshot} from "../components/prerender.js";
import {dataPaths, loadTables, tableList} from "../lib/datasets.js";
import {runLoader} from "../lib/loader.js";
import {readRules} from "../lib/rules.js";
import {Warehouse} from "../lib/warehouse.js";
import {join} from "node:path";

await runLoader(async () => {
  const tables = loadTables();
  const rules = readRules(join(dataPaths().reports, "regles.json"), "data/reports/regles.json");
  const warehouse = await Warehouse.create(tableList(tables));
  try {
    const snapshot: Snapshot = {units: rules.units, results: await prerender((query) => warehouse.run(query))};
    return JSON.stringify(snapshot);
  } finally {
    warehouse.close();
  }
});
