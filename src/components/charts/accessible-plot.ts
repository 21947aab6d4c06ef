// Observable Plot's output named for screen readers, the same way for every chart of the site.
// Plot labels its mark groups (aria-label) without giving them a role, which axe reports.

/**
 * Names a Plot chart (an <svg>, or the <figure> Plot returns with a legend). A chart whose marks
 * are links (bars leading to communes) is a group of controls, its mark groups groups too. Any
 * other chart is one named image: its marks' own labels go (the table beside it says each value)
 * and a legend's swatches are decoration next to their text.
 */
export function accessiblePlot<T extends Element>(node: T, label: string): T {
  const chart = node.tagName.toLowerCase() === "svg" ? node : node.querySelector(":scope > svg");
  for (const svg of node.querySelectorAll("svg")) if (svg !== chart) svg.setAttribute("aria-hidden", "true");
  if (!chart) return node;
  chart.setAttribute("aria-label", label);
  if (chart.querySelector("a")) {
    chart.setAttribute("role", "group");
    for (const g of chart.querySelectorAll("g[aria-label]")) g.setAttribute("role", "group");
  } else {
    chart.setAttribute("role", "img");
    for (const inner of chart.querySelectorAll("[aria-label], [aria-description]")) {
      inner.removeAttribute("aria-label");
      inner.removeAttribute("aria-description");
    }
  }
  return node;
}
