// Accessibility audit with axe-core: the violations a user of a screen reader or keyboard would hit.
import AxeBuilder from "@axe-core/playwright";
import type {Page} from "playwright-core";

/** `exclude`: parts of the page left out (a long list of alike items is audited by its first ones). */
export async function seriousViolations(page: Page, exclude?: string): Promise<string[]> {
  const builder = new AxeBuilder({page: page as never});
  const results = await (exclude ? builder.exclude(exclude) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`
    );
}
