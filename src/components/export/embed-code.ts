// The iframe code for a view, and the few lines a host page needs to size the iframe from the
// height the embed posts (message « observatoire-mno:hauteur »). Every value put into the HTML is
// escaped (& < > " '), so that a title or an address can never close the attribute or the tag and
// inject markup into the page that pastes the code.

export const HEIGHT_MESSAGE = "observatoire-mno:hauteur";

const ENTITIES: Record<string, string> = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"};

/** Text made safe for an HTML attribute value or element content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

export function embedCode(src: string, title: string, height = 560): string {
  const id = `mno-${Math.random().toString(36).slice(2, 8)}`;
  const rows = Number.isFinite(height) && height > 0 ? Math.round(height) : 560;
  // The script reads the id and the message type as JSON string literals; `<` is escaped there too
  // so that no « </script> » can appear inside it.
  const literal = (value: string) => JSON.stringify(value).replace(/</g, "\\u003c");
  return [
    `<iframe id="${escapeHtml(id)}" src="${escapeHtml(src)}" title="${escapeHtml(title)}"` +
      ` width="100%" height="${rows}" style="border:0" loading="lazy"></iframe>`,
    `<script>addEventListener("message", (e) => { const f = document.getElementById(${literal(id)}); ` +
      `if (f && e.source === f.contentWindow && e.data && e.data.type === ${literal(HEIGHT_MESSAGE)}) ` +
      "f.height = e.data.height; });</script>"
  ].join("\n");
}
