// The shared DuckDB-WASM engine (src/components/engine/db.ts) as pages use it: several sections ask at once.
import {afterEach, describe, expect, it} from "vitest";
import {type OpenedPage, openPage, problems, useBrowser} from "./browser.js";

useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => opened?.context.close());

describe("engine", () => {
  it("answers queries sent at the same time, each with its own rows", async () => {
    opened = await openPage("/explorer");
    // A string, not a function: vitest would rewrite the function's dynamic import.
    const answers = (await opened.page.evaluate(`(async () => {
      // The page's bundle (the first of its modules under _import/pages/) exposes the engine's module.
      const url = document.querySelector('link[rel="modulepreload"][href*="/_import/pages/"]').href;
      const {startEngine} = (await import(url)).modules["components/engine/db"];
      const engine = await startEngine();
      const texts = Array.from({length: 6}, (_, i) => "SELECT " + i + " AS k, count(*)::INTEGER AS n FROM indicators");
      const withParams = engine.sql("SELECT count(*)::INTEGER AS n FROM communes WHERE population > ?", [0]);
      const results = await Promise.all([...texts.map((t) => engine.sql(t)), withParams]);
      return results.map((r) => r.rows);
    })()`)) as Record<string, number>[][];
    const total = answers[0][0].n;
    expect(total).toBeGreaterThan(300);
    expect(answers.slice(0, 6)).toEqual(Array.from({length: 6}, (_, k) => [{k, n: total}]));
    expect(answers[6]).toEqual([{n: 10}]);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("fills every section of /donnees, which query at the same time", async () => {
    opened = await openPage("/donnees");
    const {page} = opened;
    await page.waitForFunction(
      () =>
        document.querySelectorAll('[aria-busy="true"]').length === 0 &&
        document.querySelectorAll("table.sortable tbody tr").length > 0,
      null,
      {timeout: 30_000}
    );
    const text = await page.textContent("#observablehq-main");
    expect(await page.$$(".error-box")).toHaveLength(0);
    expect(text).not.toMatch(/NaN|undefined/);
    expect(
      await page.$$eval("table.sortable", (tables) => tables.map((t) => t.querySelectorAll("tbody tr").length))
    ).not.toContain(0);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });
});
