// The page's address as a QR code, for the printed commune sheet (a reader of the paper sheet opens
// the page with a phone). Drawn by the qrcode package (npm, served from the site like every
// library: scripts/fill-npm-cache.ts) as SVG, parsed as SVG (never as HTML); the address is only
// encoded in the modules, never written into the drawing's markup.
import QRCode from "npm:qrcode";
import {QR_OPTIONS} from "../../lib/commune/qr.js";
import {el} from "../ui/dom.js";

/** A figure holding the QR code of `url` (drawn when the library answers), and its caption. */
export function addressQr(url: string): HTMLElement {
  const box = el("figure", {class: "address-qr print-only", "data-url": url});
  const caption = el("figcaption", {}, "Cette fiche en ligne");
  box.append(caption);
  QRCode.toString(url, {...QR_OPTIONS, type: "svg"})
    .then((markup) => {
      const svg = new DOMParser().parseFromString(markup, "image/svg+xml").documentElement;
      if (svg.nodeName !== "svg") return;
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", `Code QR de l’adresse de cette fiche : ${url}`);
      svg.setAttribute("class", "address-qr-code");
      box.prepend(document.importNode(svg, true));
      box.dataset.ready = "true";
    })
    .catch(() => box.remove());
  return box;
}
