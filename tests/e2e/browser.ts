// The one helper end-to-end tests use to open a page: it collects console errors, failed requests,
// Content-Security-Policy violations (the server sends the README's policy) and any request outside
// the site's origin (which cannot leave the machine), for assertions.
import {type Browser, type BrowserContext, type Page, chromium} from "playwright-core";
import {afterAll, beforeAll, inject} from "vitest";
import {CHROMIUM_ARGS, chromiumPath} from "./chromium.js";

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  origin: string;
  /** Console errors, uncaught exceptions and Content-Security-Policy violations (« CSP: … »). */
  errors: string[];
  /** Requests that failed or answered with an HTTP error. */
  failed: string[];
  /** Requests to another origin (no host name resolves: they fail, nothing leaves the machine). */
  offOrigin: string[];
  url(path: string): string;
}

export interface OpenOptions {
  width?: number;
  height?: number;
  /** A touch screen (phone). */
  touch?: boolean;
  /** Console errors matching these are expected (e.g. an SQL error shown to the user). */
  allowErrors?: RegExp[];
  waitUntil?: "load" | "domcontentloaded" | "networkidle";
  /**
   * Let the site's service worker install (offline tests). Off by default: it would precache the
   * whole site (39 MB) in every test's context.
   */
  serviceWorkers?: boolean;
  /** Which built site: the real data (dist/) or the three-edition fixture (dist-editions/). */
  site?: "real" | "editions";
}

let browser: Browser | undefined;

/**
 * Every host name fails to resolve but the servers' 127.0.0.1: nothing leaves the machine. Not
 * Playwright's request routing, which delays every request and disables the HTTP cache.
 */
export const NO_OTHER_HOST = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1";

/** Call once in a test file: one browser for the file, closed after it. */
export function useBrowser(): void {
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: [...CHROMIUM_ARGS, NO_OTHER_HOST],
      headless: true
    });
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
}

export async function openPage(
  path: string,
  {
    width = 1280,
    height = 900,
    touch = false,
    allowErrors = [],
    waitUntil = "load",
    serviceWorkers = false,
    site = "real"
  }: OpenOptions = {}
): Promise<OpenedPage> {
  if (!browser) throw new Error("useBrowser() must be called in the test file");
  const origin = inject(site === "editions" ? "editionsOrigin" : "origin");
  const context = await browser.newContext({
    viewport: {width, height},
    locale: "fr-FR",
    acceptDownloads: true,
    hasTouch: touch,
    isMobile: touch,
    serviceWorkers: serviceWorkers ? "allow" : "block"
  });
  const page = await context.newPage();
  const opened: OpenedPage = {
    page,
    context,
    origin,
    errors: [],
    failed: [],
    offOrigin: [],
    url: (p) => new URL(p, origin).href
  };
  // Every page of the context (pop-ups too) and their workers; a 127.0.0.1 server on another port
  // (a trap) is reachable, and recorded here.
  context.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) opened.offOrigin.push(url);
  });
  page.on("console", (message) => {
    if (message.type() === "error" && !allowErrors.some((re) => re.test(message.text())))
      opened.errors.push(message.text());
  });
  page.on("pageerror", (error) => opened.errors.push(`uncaught: ${error.message}`));
  // Every violation of the policy, in the page and in its frames, is an error of the test.
  await context.exposeBinding("__cspViolation", (_source, text: string) => opened.errors.push(`CSP: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as {__cspViolation?: (text: string) => void}).__cspViolation;
      report?.(`${e.effectiveDirective} a bloqué ${e.blockedURI || "(inline)"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on("requestfailed", (request) => {
    const url = request.url();
    const error = request.failure()?.errorText ?? "";
    const off = opened.offOrigin.indexOf(url);
    // Stopped by the page's policy before it left: a failure of the page, not an attempt to leave.
    if (off >= 0 && /BLOCKED_BY_CSP|csp/i.test(error)) opened.offOrigin.splice(off, 1);
    else if (off >= 0) return;
    opened.failed.push(`${url} (${error})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) opened.failed.push(`${response.url()} (HTTP ${response.status()})`);
  });
  await page.goto(opened.url(path), {waitUntil});
  return opened;
}

/** Waits until the page has drawn its data regions and none of them is still busy. */
export async function waitForData(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector("[aria-busy]") !== null && document.querySelector('[aria-busy="true"]') === null,
    null,
    {timeout}
  );
}

/** The problems a healthy page must not have, for a single assertion. */
export function problems(opened: OpenedPage): {errors: string[]; failed: string[]; offOrigin: string[]} {
  return {errors: opened.errors, failed: opened.failed, offOrigin: opened.offOrigin};
}
