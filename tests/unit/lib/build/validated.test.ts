// One validated load per build: the tables validated before Framework runs are cached under a hash
// of their inputs and read by every loader; any change to data/ changes the hash, so a loader
// never reads stale tables and bad data is still refused.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, expect, it} from "vitest";
import {dataPaths, loadTables} from "../../../../src/lib/build/datasets.js";
import {inputsHash, loadValidated, validateAndCache} from "../../../../src/lib/build/validated.js";
import {DataError} from "../../../../src/lib/errors.js";
import {realData} from "./real-data.js";

const cache = mkdtempSync(join(tmpdir(), "observatoire-validated-"));
const saved = process.env.MNO_VALIDATED_CACHE;
beforeAll(() => {
  process.env.MNO_VALIDATED_CACHE = cache;
});
afterAll(() => {
  if (saved === undefined) delete process.env.MNO_VALIDATED_CACHE;
  else process.env.MNO_VALIDATED_CACHE = saved;
  rmSync(cache, {recursive: true, force: true});
});

it("loaders read the tables validated once, from the file named after the inputs' hash", () => {
  const data = realData();
  const paths = dataPaths(data.root);
  const {tables, file} = validateAndCache(paths);
  expect(file).toBe(join(cache, `tables-${inputsHash(paths)}.json`));
  expect(loadValidated(paths)).toEqual(tables);
  // Proof that the loader reads the file rather than validating again: a marked copy comes back.
  const cached = JSON.parse(readFileSync(file, "utf-8"));
  cached.indicators[0].label = "lu dans le cache";
  writeFileSync(file, JSON.stringify(cached));
  expect(loadValidated(paths).indicators.rows[0].label).toBe("lu dans le cache");
});

it("a change to data/ after the build's validation is validated afresh, never served stale", () => {
  const data = realData();
  const paths = dataPaths(data.root);
  validateAndCache(paths);
  const before = inputsHash(paths);
  data.setField(2, "value", "beaucoup");
  expect(inputsHash(paths)).not.toBe(before);
  expect(() => loadValidated(paths)).toThrow(DataError);
});

it("without a cache, the loader validates itself and gets the same tables", () => {
  const data = realData();
  const paths = dataPaths(data.root);
  expect(loadValidated(paths)).toEqual(loadTables(paths));
});
