// Every built page loads in Chromium with no console error, no failed request and no request outside
// the site's origin, in French, with its data drawn.
import {afterEach, describe, expect, it} from "vitest";
import {type OpenedPage, openPage, problems, useBrowser} from "./browser.js";
import {builtRoutes} from "./routes.js";

useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => opened?.context.close());

const routes = builtRoutes();

describe("every page", () => {
  it("includes the contract's routes", () => {
    expect(routes).toContain("/");
    expect(routes).toContain("/programmes");
  });

  it("answers an unknown address with a French 404 page that leads back", async () => {
    opened = await openPage("/communes/00000", {allowErrors: [/404/]});
    const {page} = opened;
    expect(opened.failed).toEqual([`${opened.url("/communes/00000")} (HTTP 404)`]);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(await page.textContent("h1")).toBe("Page introuvable");
    // Resolved from the site's root, whatever the depth of the unknown address.
    expect(
      await page.$$eval("#observablehq-main a", (links) =>
        links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)
      )
    ).toEqual(expect.arrayContaining(["/", "/carte", "/programmes", "/donnees"]));
  });

  it("reaches no other host, and records the attempt as off-origin, not as a failure", async () => {
    opened = await openPage("/");
    const error = await opened.page.goto("http://example.com/x").then(
      () => "",
      (e: Error) => e.message
    );
    expect(error).toMatch(/ERR_NAME_NOT_RESOLVED/);
    expect(opened.offOrigin).toEqual(["http://example.com/x"]);
    expect(opened.failed).toEqual([]);
  });

  it.each(routes)("%s loads cleanly", async (route) => {
    opened = await openPage(route);
    const {page} = opened;
    // Let the page finish its work: data regions settle, the engine starts.
    await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, null, {timeout: 20_000});
    await page.waitForLoadState("networkidle");
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(await page.title()).toMatch(/Observatoire MNO/);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });
});
