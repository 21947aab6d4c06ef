// Where the end-to-end tests find Chromium: $CHROME_PATH, else Debian's /usr/bin/chromium. A missing
// browser is an error that says how to install it — never a silently skipped test.
import {existsSync} from "node:fs";

export function chromiumPath(): string {
  const path = process.env.CHROME_PATH || "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(
      `Chromium introuvable à ${path}. Installez-le (sudo apt-get install -y chromium) ou indiquez son chemin dans CHROME_PATH. ` +
        "Les tests de bout en bout en ont besoin ; ils ne sont jamais ignorés."
    );
  }
  return path;
}

// Flags measured on this machine class: without the background-networking ones,
// Chromium tries to reach Google's hosts at every start.
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage"
];
