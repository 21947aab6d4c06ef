// @vitest-environment jsdom
// The programme page's breadcrumb: the levels above the view as links, the view itself as the
// current page (not a link to itself), and no breadcrumb at all where it would be the page alone.
import {describe, expect, it} from "vitest";
import {breadcrumbs} from "../../../../src/components/programme/breadcrumbs.js";

const nav = (section: string | null, indicator: string | null) => {
  const element = document.createElement("nav");
  element.append(...breadcrumbs("plie", "PLIE", section, indicator));
  return element;
};

describe("breadcrumbs", () => {
  it("shows nothing on the programme's overview, whose only crumb would be a link to itself", () => {
    expect(breadcrumbs("plie", "PLIE", null, null)).toEqual([]);
  });

  it("links the programme from a section, the section being the current page", () => {
    const trail = nav("Participants", null);
    expect(trail.textContent).toBe("PLIE › Participants");
    expect([...trail.querySelectorAll("a")].map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["PLIE", "/programmes/plie"]
    ]);
    const current = trail.querySelector('[aria-current="page"]')!;
    expect(current.tagName).toBe("SPAN");
    expect(current.textContent).toBe("Participants");
    // Focusable by script: a drill-down moves the focus there.
    expect(current.getAttribute("tabindex")).toBe("-1");
  });

  it("links the programme and the section from an indicator, the indicator being the current page", () => {
    const trail = nav("Participants", "Participants en parcours");
    expect(trail.textContent).toBe("PLIE › Participants › Participants en parcours");
    expect([...trail.querySelectorAll("a")].map((a) => a.textContent)).toEqual(["PLIE", "Participants"]);
    expect(trail.querySelectorAll("a[aria-current]")).toHaveLength(0);
    expect(trail.querySelector('[aria-current="page"]')?.textContent).toBe("Participants en parcours");
  });
});
