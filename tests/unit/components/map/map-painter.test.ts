// @vitest-environment jsdom
// The map paints a view at once from the build's answers, and DuckDB-WASM confirms or repaints it.
import {describe, expect, it} from "vitest";
import {mapPainter} from "../../../../src/components/map/map-painter.js";
import type {Engine} from "../../../../src/components/engine/db.js";
import type {MapState} from "../../../../src/lib/map/view-state.js";
import type {MapValueRow, Query} from "../../../../src/lib/queries/index.js";
import {INDICATORS, mapRows, snapshotOf, territory} from "./fixtures.js";

const indicatorOf = (slug: string) => INDICATORS.find((i) => i.indicator === slug)!;
const VIEW: MapState = {indicator: "plie.participants", mode: "nombre", year: 2022};

/** An engine whose answers the test gives, one query at a time. */
function controlledEngine() {
  const pending: {query: Query<unknown>; resolve: (rows: unknown[]) => void; reject: (e: Error) => void}[] = [];
  const engine = {
    run: <Row>(query: Query<Row>) =>
      new Promise<Row[]>((resolve, reject) =>
        pending.push({query, resolve: resolve as (rows: unknown[]) => void, reject})
      )
  } as unknown as Engine;
  return {engine: Promise.resolve(engine), pending};
}

// A count is drawn as circles (colours are for rates and shares): their radii by commune.
const radii = (box: HTMLElement) =>
  Object.fromEntries(
    [...box.querySelectorAll(".symbols circle")].map((c) => [c.getAttribute("data-code"), c.getAttribute("r")])
  );
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("mapPainter", () => {
  it("paints from the build, then DuckDB's identical answer confirms it without redrawing", async () => {
    const {engine, pending} = controlledEngine();
    const painted: MapValueRow[][] = [];
    const painter = mapPainter({
      territory,
      snapshot: snapshotOf(),
      width: 800,
      engine,
      indicatorOf,
      onPaint: (rows) => painted.push(rows)
    });
    const shown = painter.show(VIEW);
    expect(painter.box.dataset.view).toBe("plie.participants|nombre|2022");
    expect(painter.box.dataset.source).toBe("build");
    expect(painter.box.getAttribute("aria-busy")).toBe("false");
    expect(painter.status.textContent).toMatch(/votre navigateur les recalcule/);
    expect(painter.box.querySelectorAll(".commune")).toHaveLength(10);
    const map = painter.box.firstElementChild;
    await settle();
    expect(pending).toHaveLength(1);
    pending[0].resolve(mapRows(2022));
    await shown;
    expect(painter.box.dataset.source).toBe("duckdb");
    expect(painter.status.textContent).toMatch(/recalculés dans votre navigateur/);
    expect(painted).toHaveLength(1);
    expect(painter.box.firstElementChild).toBe(map);
  });

  it("repaints in place when DuckDB answers otherwise, and drops the answer to a view left since", async () => {
    const {engine, pending} = controlledEngine();
    const painter = mapPainter({territory, snapshot: snapshotOf(), width: 800, engine, indicatorOf});
    const first = painter.show(VIEW);
    const map = painter.box.firstElementChild;
    const built = radii(painter.box);
    await settle();
    const second = painter.show({...VIEW, year: 2021});
    expect(painter.box.dataset.view).toBe("plie.participants|nombre|2021");
    await settle();
    // The older view's answer arrives last: it must not repaint the map.
    pending[1].resolve(mapRows(2021));
    await second;
    pending[0].resolve(mapRows(2022).map((r) => ({...r, value: 100, raw: 100})));
    await first;
    expect(painter.box.dataset.view).toBe("plie.participants|nombre|2021");
    expect(painter.rows()[0].value).toBe(mapRows(2021)[0].value);

    const third = painter.show(VIEW);
    await settle();
    pending[2].resolve(mapRows(2022).map((r, i) => ({...r, value: i === 0 ? 50 : r.value})));
    await third;
    expect(painter.box.dataset.source).toBe("duckdb");
    expect(painter.rows()[0].value).toBe(50);
    expect(radii(painter.box)).not.toEqual(built);
    expect(painter.box.firstElementChild).toBe(map);
  });

  it("draws the shapes alone while a view the build lacks is computed, and says when the engine fails", async () => {
    const {engine, pending} = controlledEngine();
    const snapshot = snapshotOf(INDICATORS, ({year}) => year === 2022);
    const painter = mapPainter({territory, snapshot, width: 800, engine, indicatorOf});
    const shown = painter.show(VIEW);
    expect(painter.box.getAttribute("aria-busy")).toBe("true");
    expect(painter.box.dataset.source).toBe("pending");
    expect(painter.box.querySelectorAll(".commune")).toHaveLength(10);
    expect(painter.box.querySelector(".legend")?.textContent).toBe("");
    await settle();
    pending[0].reject(new Error("moteur en panne"));
    await shown;
    expect(painter.box.getAttribute("aria-busy")).toBe("false");
    expect(painter.status.querySelector('[role="alert"]')?.textContent).toMatch(/moteur en panne/);
  });

  it("without an engine, shows the build's values, or says the view is unavailable", async () => {
    const painter = mapPainter({
      territory,
      snapshot: snapshotOf(INDICATORS, ({year}) => year === 2021),
      width: 800,
      indicatorOf
    });
    await painter.show(VIEW);
    expect(painter.box.dataset.source).toBe("build");
    expect(painter.status.textContent).toBe("");
    await painter.show({...VIEW, year: 2021});
    expect(painter.box.getAttribute("aria-busy")).toBe("false");
    expect(painter.status.textContent).toMatch(/Vue de carte indisponible/);
  });

  it("words the values in French in the legend, the accessible names and the tooltips", async () => {
    const painter = mapPainter({territory, snapshot: snapshotOf(), width: 800, indicatorOf});
    await painter.show({...VIEW, mode: "taux"});
    const legend = painter.box.querySelector(".legend")?.textContent ?? "";
    expect(legend).toContain("Participants du PLIE pour 1\u202f000 habitants (2022)");
    const first = territory.communes.features[0].properties;
    const commune = painter.box.querySelector(`.commune[data-code="${first.code}"]`)!;
    expect(commune.getAttribute("aria-label")).toBe(`${first.nom} : 2 pour 1\u202f000 hab.`);
    commune.dispatchEvent(new FocusEvent("focus"));
    expect(painter.box.querySelector(".map-tooltip")?.textContent).toContain(
      "Taux du territoire : 4,5 pour 1\u202f000 hab."
    );
  });
});
