import {describe, expect, it} from "vitest";
import {CellRunError, ReactiveNotebook, describeCellError} from "../../../../src/lib/notebook/reactive.js";

type Outcome = {state: "ok"; value: unknown} | {state: "error"; error: unknown};

/** A notebook of cells that compute from their inputs, recording each run in order. */
function harness() {
  const notebook = new ReactiveNotebook();
  const runs: string[] = [];
  const outcomes = new Map<string, Outcome>();
  const settled = new Map<string, () => void>();
  const cell = (id: string, inputs: string[], outputs: string[], compute: (...v: any[]) => unknown) =>
    notebook.set(
      id,
      {inputs, outputs, run: (...values) => (runs.push(id), compute(...values))},
      {
        pending: () => outcomes.delete(id),
        fulfilled: (value) => (outcomes.set(id, {state: "ok", value}), settled.get(id)?.()),
        rejected: (error) => (outcomes.set(id, {state: "error", error}), settled.get(id)?.())
      }
    );
  const idle = () => new Promise((resolve) => setTimeout(resolve, 30));
  return {notebook, runs, outcomes, cell, idle};
}

describe("ReactiveNotebook", () => {
  it("re-runs the cells that read a page value (width) when it changes, and only them", async () => {
    const {notebook, runs, outcomes, cell, idle} = harness();
    notebook.setBuiltin("width", 640);
    cell("a", [], ["a"], () => ({a: 1}));
    cell("chart", ["width", "a"], ["chart"], (w, a) => ({chart: w + a}));
    cell("below", ["chart"], [], (c) => c);
    await idle();
    expect(outcomes.get("chart")).toEqual({state: "ok", value: {chart: 641}});
    runs.length = 0;
    notebook.setBuiltin("width", 320);
    await idle();
    expect(runs).toEqual(["chart", "below"]);
    expect(outcomes.get("below")).toEqual({state: "ok", value: 321});
  });

  it("runs cells in dependency order, whatever their order in the notebook", async () => {
    const {runs, outcomes, cell, idle} = harness();
    cell("c", ["b"], ["c"], (b) => ({c: b * 10}));
    cell("b", ["a"], ["b"], (a) => ({b: a + 1}));
    cell("a", [], ["a"], () => ({a: 1}));
    await idle();
    expect(runs).toEqual(["a", "b", "c"]);
    expect(outcomes.get("c")).toEqual({state: "ok", value: {c: 20}});
  });

  it("re-runs an edited cell and its dependents only", async () => {
    const {runs, outcomes, cell, idle} = harness();
    cell("a", [], ["a"], () => ({a: 1}));
    cell("b", ["a"], ["b"], (a) => ({b: a * 2}));
    cell("other", [], ["o"], () => ({o: "x"}));
    await idle();
    runs.length = 0;
    cell("a", [], ["a"], () => ({a: 5}));
    await idle();
    expect(runs.sort()).toEqual(["a", "b"]);
    expect(outcomes.get("b")).toEqual({state: "ok", value: {b: 10}});
  });

  it("reports a cycle on the cells of the cycle, in French, and the rest keeps working", async () => {
    const {outcomes, cell, idle} = harness();
    cell("x", ["y"], ["x"], (y) => ({x: y}));
    cell("y", ["x"], ["y"], (x) => ({y: x}));
    cell("free", [], ["f"], () => ({f: 3}));
    await idle();
    for (const id of ["x", "y"]) {
      const outcome = outcomes.get(id);
      expect(outcome?.state).toBe("error");
      expect(describeCellError((outcome as {error: unknown}).error, ["x", "y"], () => null).message).toMatch(
        /circulaire/
      );
    }
    expect(outcomes.get("free")).toEqual({state: "ok", value: {f: 3}});
  });

  it("says which name is defined nowhere, and never falls back to the page's globals", async () => {
    const {outcomes, cell, idle} = harness();
    cell("a", ["location"], ["a"], (l) => ({a: l}));
    await idle();
    const outcome = outcomes.get("a") as {error: unknown};
    expect(describeCellError(outcome.error, ["location"], () => null).message).toBe(
      "« location » n'est défini par aucune cellule (ni résultat SQL nommé, ni déclaration JavaScript)."
    );
  });

  it("tells a dependent that it waits for a cell in error", async () => {
    const {outcomes, cell, idle} = harness();
    cell("a", [], ["a"], () => {
      throw new CellRunError("requête refusée");
    });
    cell("b", ["a"], ["b"], (a) => ({b: a}));
    await idle();
    const own = describeCellError((outcomes.get("a") as {error: unknown}).error, [], () => null);
    expect(own).toEqual({message: "requête refusée", detail: undefined, waiting: false});
    const dependent = describeCellError((outcomes.get("b") as {error: unknown}).error, ["a"], (n) =>
      n === "a" ? "cellule 1" : null
    );
    expect(dependent).toEqual({message: "En attente de « a » (cellule 1), qui est en erreur.", waiting: true});
  });

  it("follows a generator: each value re-runs the dependents", async () => {
    const {outcomes, cell, idle} = harness();
    let push: (v: number) => void = () => {};
    cell("input", [], ["x"], async function* () {
      yield {x: 1};
      for (;;) yield {x: await new Promise<number>((resolve) => (push = resolve))};
    });
    cell("double", ["x"], ["d"], (x) => ({d: x * 2}));
    await idle();
    expect(outcomes.get("double")).toEqual({state: "ok", value: {d: 2}});
    push(21);
    await idle();
    expect(outcomes.get("double")).toEqual({state: "ok", value: {d: 42}});
  });

  it(
    "waits for a cell's previous run before its next " + "(why a re-run or « Arrêter » ends the old one first)",
    async () => {
      const {outcomes, cell, idle} = harness();
      let finish: () => void = () => {};
      cell("slow", [], ["s"], () => new Promise((resolve) => (finish = () => resolve({s: 1}))));
      await idle();
      cell("slow", [], ["s"], () => ({s: 2}));
      await idle();
      expect(outcomes.has("slow")).toBe(false); // still pending behind the first run
      finish();
      await idle();
      expect(outcomes.get("slow")).toEqual({state: "ok", value: {s: 2}});
    }
  );

  it("tells the latest observer given, not the first", async () => {
    const notebook = new ReactiveNotebook();
    const seen: string[] = [];
    const observer = (tag: string) => ({
      pending: () => {},
      fulfilled: (v: unknown) => seen.push(`${tag}:${JSON.stringify(v)}`),
      rejected: () => {}
    });
    notebook.set("a", {inputs: [], outputs: [], run: () => 1}, observer("premier"));
    await new Promise((resolve) => setTimeout(resolve, 30));
    notebook.set("a", {inputs: [], outputs: [], run: () => 2}, observer("second"));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(seen).toEqual(["premier:1", "second:2"]);
  });

  it("forgets a deleted cell: its names become undefined for the others", async () => {
    const {notebook, outcomes, cell, idle} = harness();
    cell("a", [], ["a"], () => ({a: 1}));
    cell("b", ["a"], ["b"], (a) => ({b: a}));
    await idle();
    notebook.delete("a");
    await idle();
    expect(describeCellError((outcomes.get("b") as {error: unknown}).error, ["a"], () => null).message).toMatch(
      /« a » n'est défini par aucune cellule/
    );
  });
});
