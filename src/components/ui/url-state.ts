// A view's state lives in the URL's query string, so that a copied link reproduces the view. Every
// write to the browser's history goes through this file.

/** Reads the given parameters from the current URL. */
export function readParams<K extends string>(names: readonly K[]): Partial<Record<K, string>> {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(names.filter((n) => params.has(n)).map((n) => [n, params.get(n)!])) as Partial<
    Record<K, string>
  >;
}

/**
 * Writes parameters into the URL (null removes one). `push` adds a history entry (drill-down, so
 * that « back » returns); otherwise the current entry is replaced (a setting that changes a view).
 */
export function writeParams(values: Record<string, string | null | undefined>, {push = false} = {}): void {
  const url = new URL(location.href);
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === "") url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  if (url.href !== location.href) writeUrl(url, {push});
}

/** Shows another address of the page without loading it: a new history entry with `push`. */
export function writeUrl(url: string | URL, {push = false} = {}): void {
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}
