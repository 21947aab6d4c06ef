// @vitest-environment jsdom
// The « Exporter » menu button by keyboard: the WAI-ARIA menu button pattern.
import {afterEach, describe, expect, it} from "vitest";
import {menuButton} from "../../../../src/components/export/menu.js";

afterEach(() => document.body.replaceChildren());

function setup() {
  const ran: string[] = [];
  const items = ["PNG", "SVG", "PowerPoint"].map((label) => ({
    label,
    id: label.toLowerCase(),
    action: () => ran.push(label)
  }));
  const menu = menuButton("Exporter", items, {name: () => "Exporter : Participants"});
  const outside = document.createElement("button");
  document.body.append(menu.root, outside);
  const key = (target: Element, key: string) =>
    target.dispatchEvent(new KeyboardEvent("keydown", {key, bubbles: true}));
  return {menu, ran, outside, key, active: () => document.activeElement?.textContent};
}

describe("menu button", () => {
  it("names itself, points to its menu and starts closed", async () => {
    const {menu} = setup();
    await Promise.resolve();
    expect(menu.button.getAttribute("aria-label")).toBe("Exporter : Participants");
    expect(menu.button.getAttribute("aria-haspopup")).toBe("menu");
    expect(menu.button.getAttribute("aria-controls")).toBe(menu.menu.id);
    expect(menu.menu.getAttribute("role")).toBe("menu");
    expect(menu.menu.getAttribute("aria-labelledby")).toBe(menu.button.id);
    expect(menu.menu.hidden).toBe(true);
    expect([...menu.menu.children].map((c) => [c.getAttribute("role"), c.getAttribute("tabindex")])).toEqual([
      ["menuitem", "-1"],
      ["menuitem", "-1"],
      ["menuitem", "-1"]
    ]);
  });

  it("opens on ↓ at the first item, on ↑ at the last, wraps, and closes on Escape with the focus back", () => {
    const {menu, key, active} = setup();
    menu.button.focus();
    key(menu.button, "ArrowDown");
    expect(menu.button.getAttribute("aria-expanded")).toBe("true");
    expect(active()).toBe("PNG");
    key(menu.menu, "ArrowUp");
    expect(active()).toBe("PowerPoint");
    key(menu.menu, "ArrowDown");
    expect(active()).toBe("PNG");
    key(menu.menu, "End");
    expect(active()).toBe("PowerPoint");
    key(menu.menu, "s");
    expect(active()).toBe("SVG");
    key(menu.menu, "Escape");
    expect(menu.menu.hidden).toBe(true);
    expect(menu.button.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(menu.button);
    key(menu.button, "ArrowUp");
    expect(active()).toBe("PowerPoint");
  });

  it("runs an item once, closing first; closes when the focus or a click goes elsewhere", () => {
    const {menu, ran, outside, key, active} = setup();
    menu.button.click();
    expect(active()).toBe("PNG");
    key(menu.menu, "ArrowDown");
    (document.activeElement as HTMLButtonElement).click();
    expect(ran).toEqual(["SVG"]);
    expect(menu.menu.hidden).toBe(true);
    expect(document.activeElement).toBe(menu.button);
    menu.button.click();
    outside.dispatchEvent(new Event("pointerdown", {bubbles: true}));
    expect(menu.menu.hidden).toBe(true);
    menu.button.click();
    outside.focus();
    expect(menu.menu.hidden).toBe(true);
  });
});
