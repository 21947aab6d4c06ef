// The iframe code for a view, and the few lines a host page needs to size the iframe from the
// height the embed posts (message « observatoire-mno:hauteur »).

export const HEIGHT_MESSAGE = "observatoire-mno:hauteur";

export function embedCode(src: string, title: string, height = 560): string {
  const id = `mno-${Math.random().toString(36).slice(2, 8)}`;
  return [
    `<iframe id="${id}" src="${src}" title="${title.replace(/"/g, "&quot;")}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`,
    `<script>addEventListener("message", (e) => { const f = document.getElementById("${id}"); if (f && e.source === f.contentWindow && e.data && e.data.type === "${HEIGHT_MESSAGE}") f.height = e.data.height; });</script>`
  ].join("\n");
}
