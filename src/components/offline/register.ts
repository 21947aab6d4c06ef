// Loaded by the head of every page but embeds (src/lib/site-chrome.ts): registers the service
// worker that keeps an offline copy of the site (scripts/service-worker.ts), offers a new build
// when one is installed, and says when the reader is offline. A new build never replaces the one
// a page runs on by itself: it waits until the reader clicks « Recharger ».
import {currentConnection, lightConnection} from "./connection.js";
import {offerUpdate, watchConnection} from "./notice.js";

const SERVICE_WORKER = "/sw.js";

/** Resolves once this page's engine is ready (the wasm is then in the HTTP cache). */
function engineReady(): Promise<void> {
  return new Promise((resolve) => {
    if (performance.getEntriesByName("mno:duckdb-ready", "mark").length) return resolve();
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName("mno:duckdb-ready").length) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe({type: "mark"});
  });
}

/** After the page's load and first idle moment: the offline copy (39 MB) never competes with the first view. */
async function loaded(): Promise<void> {
  if (document.readyState !== "complete")
    await new Promise((resolve) => addEventListener("load", resolve, {once: true}));
  await new Promise((resolve) =>
    typeof requestIdleCallback === "function" ? requestIdleCallback(resolve, {timeout: 3000}) : setTimeout(resolve, 200)
  );
}

/** At once on a page that started no engine; else once it is ready, so that the copy never delays it. */
async function engineSettled(): Promise<void> {
  if (performance.getEntriesByName("mno:duckdb-start", "mark").length) await engineReady();
}

async function register(container: ServiceWorkerContainer): Promise<void> {
  await loaded();
  // A reader saving data gets no offline copy until they start the engine themselves: the copy
  // holds the 35 MB engine, which their connection would otherwise download for nothing.
  if (lightConnection(currentConnection())) await engineReady();
  else await engineSettled();
  const registration = await container.register(SERVICE_WORKER, {scope: "/", updateViaCache: "none"});
  let accepted = false;
  // The first offline copy takes control of this page too (clientsClaim): nothing to offer then.
  let controlled = Boolean(container.controller);
  const offer = (worker: ServiceWorker) =>
    offerUpdate(() => {
      accepted = true;
      worker.postMessage({type: "SKIP_WAITING"});
    });
  // A page still running the old build once another tab accepted the new one: offer a reload.
  container.addEventListener("controllerchange", () => {
    if (accepted) location.reload();
    else if (controlled) offerUpdate(() => location.reload());
    controlled = true;
  });
  if (registration.waiting && container.controller) offer(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => {
      // Installed while a build is in control: a new build, not the first offline copy.
      if (worker.state === "installed" && container.controller) offer(worker);
    });
  });
  // A reader who keeps the tab open for days learns of a new build when they come back to it.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") registration.update().catch(() => {});
  });
}

watchConnection();
if ("serviceWorker" in navigator) {
  register(navigator.serviceWorker).catch((error) => console.warn("Copie hors ligne indisponible :", error));
}
