import {afterEach, describe, expect, it} from "vitest";
import {loadTables, tableList} from "../../src/lib/build/datasets.js";
import {Warehouse} from "../../src/lib/build/warehouse.js";
import {headlines} from "../../src/lib/queries/index.js";
import {HEADLINE_INDICATORS} from "../../src/lib/editorial.js";
import {formatHeadline} from "../../src/lib/units.js";
import {type OpenedPage, openPage, problems, useBrowser, waitForData} from "./browser.js";

useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => opened?.context.close());

describe("home page", () => {
  it("shows headline figures that DuckDB-WASM queried, with no error and no off-origin request", async () => {
    opened = await openPage("/");
    const {page} = opened;
    const block = page.locator(".async-block").first();
    await waitForData(page);
    await expect.poll(() => block.getAttribute("data-source")).toBe("duckdb");

    const tables = loadTables();
    const warehouse = await Warehouse.create(tableList(tables));
    const expected = await warehouse.run(headlines(HEADLINE_INDICATORS));
    warehouse.close();
    const values = page.locator(".figure-card .figure-value data");
    expect(await values.count()).toBe(HEADLINE_INDICATORS.length);
    expect(await values.evaluateAll((els) => els.map((e) => Number(e.getAttribute("value"))))).toEqual(
      expected.map((r) => r.value)
    );
    expect(await values.allTextContents()).toEqual(expected.map((row) => formatHeadline(row.value, row.unit)));
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("is in French", async () => {
    opened = await openPage("/");
    expect(await opened.page.getAttribute("html", "lang")).toBe("fr");
  });
});
