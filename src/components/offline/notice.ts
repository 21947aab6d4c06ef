// The two messages of the offline copy, in one strip at the bottom of the page: « hors ligne »
// while the network is gone, and « Nouvelle version disponible — recharger » when a new build is
// ready. Styles are inline in the strip's own <style>: the strip is added by a head script on every
// page, before or after the page's stylesheet.
import {el} from "../ui/dom.js";

const STYLE = `
.offline-strip{position:fixed;inset:auto 0 0 0;z-index:1000;display:flex;flex-direction:column;gap:.25rem;
  padding:0 .75rem .75rem;pointer-events:none}
.offline-strip>*{pointer-events:auto;margin:0 auto;max-width:40rem;display:flex;flex-wrap:wrap;align-items:center;
  gap:.5rem 1rem;padding:.6rem .9rem;border-radius:6px;background:#1f2933;color:#fff;font:inherit;font-size:.95rem;
  box-shadow:0 2px 8px rgba(0,0,0,.25)}
.offline-strip button{font:inherit;padding:.3rem .8rem;border-radius:4px;border:1px solid #fff;background:#fff;
  color:#0b5cad;font-weight:600;cursor:pointer}
.offline-strip button.secondary{background:transparent;color:#fff}
.offline-strip button:focus-visible{outline:3px solid #ffd166;outline-offset:2px}
@media print{.offline-strip{display:none}}`;

let strip: HTMLElement | undefined;

function container(): HTMLElement {
  if (!strip) {
    strip = el("div", {class: "offline-strip"});
    document.head.append(el("style", {}, STYLE));
    document.body.append(strip);
  }
  return strip;
}

/** The page was served by the offline copy for an address it does not hold (the 404 page). */
function isNotFoundPage(): boolean {
  const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
  return (
    location.pathname === "/404" || document.title.startsWith("Page introuvable") || navigation?.responseStatus === 404
  );
}

/** Shows « hors ligne » while the browser is offline; hides it when the network is back. */
export function watchConnection(): void {
  let notice: HTMLElement | undefined;
  const update = () => {
    if (navigator.onLine) {
      notice?.remove();
      notice = undefined;
      return;
    }
    if (notice) return;
    const text = isNotFoundPage()
      ? "Hors ligne : cette page n'est pas enregistrée sur cet appareil. Elle s'ouvrira quand la connexion reviendra."
      : "Hors ligne : vous consultez la copie enregistrée sur cet appareil.";
    notice = el("p", {class: "offline-notice", role: "status"}, text);
    container().append(notice);
  };
  addEventListener("online", update);
  addEventListener("offline", update);
  update();
}

/** Offers a new build; `accept` runs on the reader's click only. */
export function offerUpdate(accept: () => void): void {
  if (container().querySelector(".update-notice")) return;
  const notice = el(
    "div",
    {class: "update-notice", role: "status"},
    el("span", {}, "Nouvelle version disponible"),
    el(
      "button",
      {
        type: "button",
        onclick: () => {
          notice.querySelectorAll("button").forEach((b) => (b.disabled = true));
          accept();
        }
      },
      "Recharger"
    ),
    el("button", {type: "button", class: "secondary", onclick: () => notice.remove()}, "Plus tard")
  );
  container().append(notice);
}
