import {describe, expect, it} from "vitest";
import {
  STORAGE_KEY,
  deleteSaved,
  listSaved,
  openSaved,
  renameSaved,
  saveNotebook
} from "../../../../src/lib/notebook/saved.js";
import {jsCell, sqlCell} from "../../../../src/lib/notebook/notebook.js";

/** The two methods of localStorage the module uses, over a Map. */
function storage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map};
}

const doc = {cells: [sqlCell("-- name: t\nSELECT 1 AS x"), jsCell("t.length")]};

describe("« Mes carnets »", () => {
  it("saves, lists (newest first), opens, renames and deletes", () => {
    const s = storage();
    const a = saveNotebook(s, " Premier ", doc, new Date("2026-01-01T10:00:00Z"));
    const b = saveNotebook(s, "Second", {cells: [sqlCell("SELECT 2")]}, new Date("2026-01-02T10:00:00Z"));
    expect(listSaved(s).map((e) => e.title)).toEqual(["Second", "Premier"]);
    expect(openSaved(s, a.id)).toEqual({title: "Premier", notebook: doc});
    renameSaved(s, a.id, "Renommé");
    expect(listSaved(s).map((e) => e.title)).toEqual(["Second", "Renommé"]);
    expect(() => renameSaved(s, a.id, "Second")).toThrow(/s'appelle déjà « Second »/);
    deleteSaved(s, b.id);
    expect(listSaved(s).map((e) => e.id)).toEqual([a.id]);
    expect(() => openSaved(s, b.id)).toThrow(/n'est plus enregistré/);
  });

  it("replaces a notebook saved under the same title, refuses an empty title", () => {
    const s = storage();
    const first = saveNotebook(s, "Même", doc);
    const again = saveNotebook(s, "Même", {cells: [sqlCell("SELECT 3")]});
    expect(again.id).toBe(first.id);
    expect(listSaved(s)).toHaveLength(1);
    expect(openSaved(s, first.id).notebook.cells[0].source).toBe("SELECT 3");
    expect(() => saveNotebook(s, "  ", doc)).toThrow(/donnez un nom/);
  });

  it("survives a storage edited by hand: broken JSON lists nothing, a broken notebook says so when opened", () => {
    expect(listSaved(storage({[STORAGE_KEY]: "{oops"}))).toEqual([]);
    const s = storage({
      [STORAGE_KEY]: JSON.stringify([
        {id: "x", title: "Abîmé", saved: "2026-01-01", notebook: {cells: "non"}},
        {nope: 1}
      ])
    });
    expect(listSaved(s).map((e) => e.title)).toEqual(["Abîmé"]);
    expect(() => openSaved(s, "x")).toThrow(/liste de cellules/);
  });
});
