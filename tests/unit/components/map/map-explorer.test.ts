// @vitest-environment jsdom
// /carte's view put together: a choice repaints the map and its table at once; the URL and the
// controls follow once the page has painted.
import {afterEach, describe, expect, it} from "vitest";
import {mapExplorer} from "../../../../src/components/map/map-explorer.js";
import {snapshotOf, territory} from "./fixtures.js";

const idle = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
afterEach(() => history.replaceState(null, "", "/"));

describe("mapExplorer", () => {
  it("starts from the URL's view, corrected to what the data has", () => {
    history.replaceState(null, "", "/carte?indicateur=territoire.population&mode=taux");
    const explorer = mapExplorer({territory, snapshot: snapshotOf(), width: 800});
    expect(explorer.querySelector(".map-box")?.getAttribute("data-view")).toBe("territoire.population|nombre|2020");
    expect(explorer.querySelector<HTMLSelectElement>("#map-indicator")?.value).toBe("territoire.population");
    expect(explorer.querySelectorAll(".map-table tbody tr")).toHaveLength(10);
  });

  it("repaints map and table at once on a choice, then writes the URL and the controls", async () => {
    history.replaceState(null, "", "/carte?indicateur=plie.participants&mode=taux&annee=2021");
    const explorer = mapExplorer({territory, snapshot: snapshotOf(), width: 800});
    const box = explorer.querySelector<HTMLElement>(".map-box")!;
    const map = box.firstElementChild;
    const caption = explorer.querySelector(".map-table caption")?.textContent;
    const taux = explorer.querySelector<HTMLInputElement>('input[name="mode"][value="taux"]')!;

    const select = explorer.querySelector<HTMLSelectElement>("#map-indicator")!;
    select.value = "plie.sorties";
    select.dispatchEvent(new Event("change"));
    expect(box.dataset.view).toBe("plie.sorties|taux|2021");
    expect(box.firstElementChild).toBe(map);
    expect(explorer.querySelector(".map-table caption")?.textContent).not.toBe(caption);
    expect(location.search).toBe("?indicateur=plie.participants&mode=taux&annee=2021");

    await idle();
    expect(location.search).toBe("?indicateur=plie.sorties&mode=taux&annee=2021");
    // Same modes and years: the very input the reader holds, still checked.
    expect(explorer.contains(taux) && taux.checked).toBe(true);

    select.value = "territoire.population";
    select.dispatchEvent(new Event("change"));
    expect(box.dataset.view).toBe("territoire.population|nombre|2020");
    await idle();
    expect(location.search).toBe("?indicateur=territoire.population&mode=nombre&annee=2020");
    expect(explorer.contains(taux)).toBe(false);
    expect(explorer.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value).toBe("nombre");
  });

  it("gives the export the view's embed address, and an embed the map alone", () => {
    history.replaceState(null, "", "/carte?indicateur=plie.sorties&mode=part&annee=2022");
    const explorer = mapExplorer({territory, snapshot: snapshotOf(), width: 800});
    expect(explorer.querySelector(".export-toolbar")).not.toBeNull();
    const embed = mapExplorer({
      territory,
      snapshot: snapshotOf(),
      width: 800,
      embed: true,
      params: {indicateur: "plie.sorties"}
    });
    expect(embed.querySelector(".map-box")?.getAttribute("data-view")).toBe("plie.sorties|nombre|2022");
    expect(embed.querySelectorAll(".map-controls, .export-toolbar, .map-table")).toHaveLength(0);
  });

  it("paints an évolution from the URL, and writes the URL of each choice, the unused parameters removed", async () => {
    history.replaceState(null, "", "/carte?indicateur=plie.participants&mode=evolution&de=2021&annee=2022");
    const explorer = mapExplorer({territory, snapshot: snapshotOf(), width: 800});
    const box = explorer.querySelector<HTMLElement>(".map-box")!;
    expect(box.dataset.view).toBe("plie.participants|evolution:nombre|2021-2022");
    expect(box.querySelector(".diverging-legend")).not.toBeNull();
    expect(explorer.querySelector(".map-table caption")?.textContent).toMatch(/évolution 2021 → 2022/);
    expect(explorer.querySelector<HTMLInputElement>('input[name="periode"][value="evolution"]')?.checked).toBe(true);

    const single = explorer.querySelector<HTMLInputElement>('input[name="periode"][value="annee"]')!;
    single.checked = true;
    single.dispatchEvent(new Event("change"));
    expect(box.dataset.view).toBe("plie.participants|nombre|2022");
    expect(box.querySelector(".diverging-legend")).toBeNull();
    await idle();
    expect(location.search).toBe("?indicateur=plie.participants&mode=nombre&annee=2022");
  });

  it("says so in French when the build has no indicator to map", () => {
    const explorer = mapExplorer({territory, snapshot: {results: {}, units: {}}, width: 800});
    expect(explorer.querySelector('[role="alert"]')?.textContent).toMatch(
      /Aucun indicateur publié commune par commune/
    );
  });
});
