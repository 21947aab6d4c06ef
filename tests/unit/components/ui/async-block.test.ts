// @vitest-environment jsdom
// A block drawn from the build, then from the engine: the same content is kept (with a menu the
// reader opened meanwhile), other content replaces it, an error keeps the build's view.
import {describe, expect, it} from "vitest";
import {asyncBlock, sameContent} from "../../../../src/components/ui/async-block.js";
import {el} from "../../../../src/components/ui/dom.js";
import {menuButton} from "../../../../src/components/export/menu.js";

/** A card with an « Exporter » menu: each drawing numbers the menu's ids anew. */
const card = (value: string) =>
  el(
    "article",
    {class: "figure-card"},
    el("p", {}, value),
    menuButton("Exporter", [{id: "png", label: "PNG", action: () => undefined}]).root
  );

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("asyncBlock", () => {
  it("keeps the build's view when the engine draws the same content, with its menu still open", async () => {
    const initial = card("37 829");
    let resolve!: (node: Node) => void;
    const block = asyncBlock(new Promise<Node>((r) => (resolve = r)), {initial});
    document.body.replaceChildren(block);
    const button = block.querySelector<HTMLButtonElement>(".export-menu-button")!;
    button.click();
    expect(button.getAttribute("aria-expanded")).toBe("true");
    const again = card("37 829");
    expect(again.querySelector(".export-menu-button")!.id).not.toBe(button.id);
    resolve(again);
    await settled();
    expect(block.firstChild).toBe(initial);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    expect(block.querySelector<HTMLElement>(".export-menu")!.hidden).toBe(false);
    expect(block.dataset.source).toBe("duckdb");
    expect(block.getAttribute("aria-busy")).toBe("false");
  });

  it("swaps in content that differs", async () => {
    const block = asyncBlock(Promise.resolve(card("37 830")), {initial: card("37 829")});
    await settled();
    expect(block.textContent).toContain("37 830");
    expect(block.dataset.source).toBe("duckdb");
  });

  it("keeps the build's view beside the error when the engine fails", async () => {
    const block = asyncBlock(Promise.reject(new Error("moteur absent")), {initial: card("37 829")});
    await settled();
    expect(block.textContent).toContain("37 829");
    expect(block.querySelector('[role="alert"]')!.textContent).toContain("moteur absent");
    expect(block.dataset.source).toBe("build");
  });
});

describe("sameContent", () => {
  it("ignores generated ids but not text or other attributes", () => {
    expect(sameContent(card("1"), card("1"))).toBe(true);
    expect(sameContent(card("1"), card("2"))).toBe(false);
    const other = card("1");
    other.setAttribute("class", "figure-card autre");
    expect(sameContent(card("1"), other)).toBe(false);
  });
});
