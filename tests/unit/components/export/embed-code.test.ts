// @vitest-environment jsdom
// The « Intégrer » code is pasted into other sites: a hostile title or address must come back as
// the same text from the parsed HTML, with no extra element, attribute or script.
import {describe, expect, it} from "vitest";
import {HEIGHT_MESSAGE, embedCode, escapeHtml} from "../../../../src/components/export/embed-code.js";

const HOSTILE_TITLE = `Marcq & « Cie » "><script>window.pwned=1</script><img src=x onerror='window.pwned=1'>`;
const HOSTILE_SRC =
  `https://observatoire.example/embed/carte?indicateur=a&mode=b"><script>window.pwned=1</script>'onload='x`;

function parse(html: string): HTMLElement {
  const box = document.createElement("div");
  box.innerHTML = html;
  return box;
}

describe("embedCode", () => {
  it("keeps a hostile title and address as attribute text", () => {
    const box = parse(embedCode(HOSTILE_SRC, HOSTILE_TITLE, 480));
    const frames = box.querySelectorAll("iframe");
    expect(frames).toHaveLength(1);
    expect(box.querySelectorAll("script")).toHaveLength(1);
    expect(box.querySelectorAll("img")).toHaveLength(0);
    expect(frames[0].getAttribute("title")).toBe(HOSTILE_TITLE);
    expect(frames[0].getAttribute("src")).toBe(HOSTILE_SRC);
    expect(frames[0].getAttributeNames().sort()).toEqual(["height", "id", "loading", "src", "style", "title", "width"]);
    expect(frames[0].getAttribute("height")).toBe("480");
  });

  it("sizes the iframe from its own message only", () => {
    const code = embedCode("https://observatoire.example/embed/carte", "Carte");
    const script = parse(code).querySelector("script")!.textContent!;
    const id = parse(code).querySelector("iframe")!.id;
    expect(script).toContain(`document.getElementById(${JSON.stringify(id)})`);
    expect(script).toContain(JSON.stringify(HEIGHT_MESSAGE));
  });

  it("refuses a height that is not a positive number", () => {
    expect(parse(embedCode("/embed", "x", Number.NaN)).querySelector("iframe")!.getAttribute("height")).toBe("560");
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter in HTML", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
    expect(escapeHtml("Marcq-en-Barœul")).toBe("Marcq-en-Barœul");
  });
});
