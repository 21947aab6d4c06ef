// @vitest-environment jsdom
// The dossier kept in the browser: views added in order, moved, read back after damage.
import {afterEach, describe, expect, it} from "vitest";
import {
  addToDossier,
  DOSSIER_KEY,
  keyFigureState,
  loadDossier,
  moveView,
  parseState
} from "../../../../src/components/export/dossier-store.js";

afterEach(() => localStorage.clear());

const meta = {title: "Participants en parcours par commune", date: "2022", fileBase: "graphique"};
const state = "/embed/graphique?indicateur=plie.participants&graphique=communes&annee=2022";

describe("dossier store", () => {
  it("adds views at the end and keeps them in storage", () => {
    expect(addToDossier({title: "A", state, page: "/programmes/plie", meta})).toBe(1);
    expect(addToDossier({title: "B", state, page: "/programmes/plie", meta})).toBe(2);
    const views = loadDossier();
    expect(views.map((v) => v.title)).toEqual(["A", "B"]);
    expect(new Set(views.map((v) => v.id)).size).toBe(2);
    expect(JSON.parse(localStorage.getItem(DOSSIER_KEY)!)).toHaveLength(2);
  });

  it("moves a view within the list, never past its ends", () => {
    for (const title of ["A", "B", "C"]) addToDossier({title, state, page: "/", meta});
    const views = loadDossier();
    expect(moveView(views, views[2].id, -1).map((v) => v.title)).toEqual(["A", "C", "B"]);
    expect(moveView(views, views[0].id, -5).map((v) => v.title)).toEqual(["A", "B", "C"]);
    expect(moveView(views, views[0].id, 9).map((v) => v.title)).toEqual(["B", "C", "A"]);
  });

  it("drops a damaged entry but keeps the others; starts empty from unreadable text", () => {
    addToDossier({title: "A", state, page: "/", meta});
    const saved = JSON.parse(localStorage.getItem(DOSSIER_KEY)!);
    localStorage.setItem(DOSSIER_KEY, JSON.stringify([...saved, {title: 3}, null]));
    expect(loadDossier().map((v) => v.title)).toEqual(["A"]);
    localStorage.setItem(DOSSIER_KEY, "{pas du json");
    expect(loadDossier()).toEqual([]);
  });

  it("reads a view's state from its embed path", () => {
    expect(parseState(state)).toEqual({
      view: "graphique",
      indicator: "plie.participants",
      chart: "communes",
      mode: "nombre",
      year: 2022,
      commune: null
    });
    expect(parseState("/embed/carte?indicateur=plie.participants&mode=taux&annee=2021")).toMatchObject({
      view: "carte",
      mode: "taux",
      year: 2021
    });
    expect(parseState("/autre").view).toBeNull();
  });

  it("keeps a key figure as its indicator, year and commune", () => {
    const figure = keyFigureState("plie.participants", 2022, "59328");
    expect(figure).toBe("/chiffre?indicateur=plie.participants&annee=2022&commune=59328");
    expect(parseState(figure)).toMatchObject({
      view: "chiffre",
      indicator: "plie.participants",
      year: 2022,
      commune: "59328"
    });
    expect(parseState(keyFigureState("plie.participants", 2021))).toMatchObject({view: "chiffre", commune: null});
  });
});
