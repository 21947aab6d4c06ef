// The site's header, footer and head fragments (French navigation), for observablehq.config.ts.
// Embeds opt out in their front matter (`header: false`, `footer: false`).
import {EDITION_META, type EditionInfo, editionMetaContent} from "./editions.js";

export const NAV: {path: string; label: string}[] = [
  {path: "/", label: "Accueil"},
  {path: "/carte", label: "Carte"},
  {path: "/programmes", label: "Programmes"},
  {path: "/explorer", label: "Explorateur SQL"},
  {path: "/dossier", label: "Dossier"},
  {path: "/donnees", label: "Données"}
];

interface PageInfo {
  path: string;
}

function isActive(link: string, path: string): boolean {
  if (link === "/") return path === "/index" || path === "/";
  const section = link.split("/")[1];
  return path === link || path.startsWith(`/${section}/`) || path === `/${section}`;
}

export function siteHeader({path}: PageInfo): string {
  const links = NAV.map(
    (l) => `<a href="${l.path}"${isActive(l.path, path) ? ' aria-current="page"' : ""}>${l.label}</a>`
  ).join("");
  const brand = '<a class="brand" href="/">Observatoire <strong>MNO</strong></a>';
  return `${brand}<nav aria-label="Navigation principale">${links}</nav>`;
}

export function siteFooter({editions, latest, populationYear}: EditionInfo): string {
  const reports = editions.length > 1 ? `rapports d'activité ${editions.join(", ")}` : `rapport d'activité ${latest}`;
  return (
    `Données : ${reports} de l'association ALPES (Maison de l'Emploi, PLIE, Mission Locale ` +
    "Métropole Nord-Ouest). Contours : IGN – ADMIN EXPRESS COG 2018 (Licence Ouverte). " +
    `Population : INSEE, RP${populationYear}. <a href="/donnees">Sources et licences</a>.`
  );
}

/**
 * Framework writes a bare <html>: the preview server's pages set their language with this script.
 * The build writes `<html lang="fr">` instead and drops it (scripts/postbuild.ts): an inline script
 * after the stylesheet holds the HTML parser until the stylesheet has arrived.
 */
export const LANG_SCRIPT = `<script>document.documentElement.lang="fr"</script>`;

// The icon is inline so that browsers do not ask for /favicon.ico; base64, because Framework
// percent-encodes an already encoded data URL once more.
const ICON =
  "data:image/svg+xml;base64," +
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0b5cad"/><path d="M3 12V5l2.5 4L8 5l2.5 4L13 5v7" fill="none" stroke="#fff" stroke-width="1.6"/></svg>'
  ).toString("base64");

/** The site's blue (--accent in style.css): the browser's bar and the installed app's frame. */
export const THEME_COLOR = "#0b5cad";

/**
 * The web manifest and the offline script, on every page but embeds: an iframe on a partner's site
 * must not install a 38 MB offline copy into that site's storage nor show an update prompt there.
 * The manifest and icons are written into dist/ by scripts/service-worker.ts; `external` tells
 * Framework not to look for them in src/ (browsers ignore that token on a <link>).
 */
export function siteHead(info: EditionInfo, {path = "/"}: Partial<PageInfo> = {}): string {
  // The editions, for every page and embed: JSON in an attribute, so `&` and `"` are escaped.
  const meta = editionMetaContent(info).replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  const base = [
    LANG_SCRIPT,
    `<link rel="icon" href="${ICON}">`,
    `<meta name="${EDITION_META}" content="${meta}">`
  ].join("\n");
  if (path.startsWith("/embed/")) return base;
  return [
    base,
    `<meta name="theme-color" content="${THEME_COLOR}">`,
    '<link rel="manifest external" href="/manifest.webmanifest">',
    '<link rel="apple-touch-icon external" href="/icons/icon-192.png">',
    '<script type="module" src="/components/offline/register.js"></script>',
    // The glossary's popovers (PLIE, CEJ, « calculé »…): src/components/ui/glossary-popover.ts.
    '<script type="module" src="/components/ui/glossary-popover.js"></script>'
  ].join("\n");
}
