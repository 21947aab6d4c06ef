// lignes.json: every indicator's rows, queried at build time, for the embedded charts (/embed/graphique),
// which draw without starting DuckDB-WASM.
import {prerenderRows} from "../lib/queries/snapshot.js";
import {tableList} from "../lib/build/datasets.js";
import {loadValidated} from "../lib/build/validated.js";
import {runLoader} from "../lib/build/loader.js";
import {Warehouse} from "../lib/build/warehouse.js";

await runLoader(async () => {
  const warehouse = await Warehouse.create(tableList(loadValidated()));
  try {
    return JSON.stringify({results: await prerenderRows((query) => warehouse.run(query))});
  } finally {
    warehouse.close();
  }
});
