// snapshot.json: the first view of pages, computed at build time by the same queries the pages run
// in DuckDB-WASM, so that figures appear before the engine has started.
import {HEADLINE_INDICATORS} from "../components/headlines.js";
import {headlines} from "../components/queries.js";
import {loadTables} from "../lib/datasets.js";
import {runLoader} from "../lib/loader.js";
import {Warehouse} from "../lib/warehouse.js";

await runLoader(async () => {
  const tables = loadTables();
  const warehouse = await Warehouse.create([tables.indicators, tables.communes]);
  try {
    return JSON.stringify({headlines: await warehouse.run(headlines(HEADLINE_INDICATORS))});
  } finally {
    warehouse.close();
  }
});
