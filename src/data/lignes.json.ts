// lignes.json: every indicator's rows, queried at build time, for the embedded charts (/embed/graphique),
// which draw without starting DuckDB-WASM.
import {prerenderRows} from "../components/prerender.js";
import {loadTables, tableList} from "../lib/datasets.js";
import {runLoader} from "../lib/loader.js";
import {Warehouse} from "../lib/warehouse.js";

await runLoader(async () => {
  const warehouse = await Warehouse.create(tableList(loadTables()));
  try {
    return JSON.stringify({results: await prerenderRows((query) => warehouse.run(query))});
  } finally {
    warehouse.close();
  }
});
