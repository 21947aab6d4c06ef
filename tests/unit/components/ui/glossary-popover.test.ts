// @vitest-environment jsdom
// The glossary in pages: terms become buttons once per block, never in SVG, links or quotes; the
// text reads the same; hostile text stays text.
import {describe, expect, it} from "vitest";
import {markGlossaryTerms} from "../../../../src/components/ui/glossary-popover.js";

function page(html: string): HTMLElement {
  const main = document.createElement("main");
  main.innerHTML = html;
  document.body.replaceChildren(main);
  return main;
}

describe("markGlossaryTerms", () => {
  it("turns a term into a button once per card, the text unchanged", () => {
    const main = page(
      `<article><h3>Participants au PLIE</h3><p>Le PLIE et le CEJ ; le PLIE encore.</p></article>` +
        `<article><p>Sorties du PLIE</p></article>`
    );
    const before = main.textContent;
    markGlossaryTerms(main);
    expect(main.textContent).toBe(before);
    const buttons = [...main.querySelectorAll<HTMLButtonElement>("button.glossary-term")];
    // The heading is its own block; then the first card's text, then the second card.
    expect(buttons.map((b) => b.textContent)).toEqual(["PLIE", "PLIE", "CEJ", "PLIE"]);
    for (const b of buttons) {
      expect(b.type).toBe("button");
      expect(b.getAttribute("aria-expanded")).toBe("false");
      expect(b.getAttribute("aria-controls")).toBe("glossary-popover");
    }
  });

  it("leaves SVG, links, buttons, quotes and menus alone", () => {
    const main = page(
      `<svg><text>PLIE</text></svg><a href="/">PLIE</a><button>PLIE</button>` +
        `<blockquote>PLIE</blockquote><div role="menu">PLIE</div><p>EMPLIE</p>`
    );
    markGlossaryTerms(main);
    expect(main.querySelectorAll(".glossary-term")).toHaveLength(0);
  });

  it("keeps hostile text as text", () => {
    const main = page("<p></p>");
    main.querySelector("p")!.textContent = `<img src=x onerror="window.pwned=1">PLIE<script>window.pwned=1</script>`;
    markGlossaryTerms(main);
    expect(main.querySelectorAll("img, script")).toHaveLength(0);
    expect(main.querySelector(".glossary-term")?.textContent).toBe("PLIE");
    expect(main.textContent).toContain("<script>");
  });

  it("opens the definition on a click, and closes it on a second one", () => {
    const main = page("<p>Le CEJ</p>");
    markGlossaryTerms(main);
    const button = main.querySelector<HTMLButtonElement>(".glossary-term")!;
    button.click();
    const popover = document.getElementById("glossary-popover")!;
    expect(popover.hidden).toBe(false);
    expect(popover.textContent).toContain("Contrat d’engagement jeune");
    expect(button.getAttribute("aria-expanded")).toBe("true");
    button.click();
    expect(popover.hidden).toBe(true);
  });
});
