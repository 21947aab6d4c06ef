import {describe, expect, it} from "vitest";
import {chooseYear, readDrillState} from "../../../../src/lib/programme/state.js";

const nn = (s: string | null) => s?.replace(/\u202f/g, " ") ?? null;

describe("readDrillState", () => {
  it("reads the section, the indicator and the year, keeping a malformed year as written", () => {
    expect(readDrillState("?section=sorties&indicateur=plie.sorties&annee=2022")).toEqual({
      section: "sorties",
      indicator: "plie.sorties",
      year: 2022,
      yearParam: "2022"
    });
    expect(readDrillState("?annee=deux-mille")).toMatchObject({year: null, yearParam: "deux-mille"});
    expect(readDrillState("?annee=20221")).toMatchObject({year: null, yearParam: "20221"});
    expect(readDrillState("")).toMatchObject({year: null, yearParam: null});
  });
});

describe("chooseYear", () => {
  const years = [2021, 2022, 2023];

  it("shows the year asked for, the latest by default", () => {
    expect(chooseYear({year: 2022, yearParam: "2022"}, years)).toEqual({year: 2022, notice: null});
    expect(chooseYear({year: null, yearParam: null}, years)).toEqual({year: 2023, notice: null});
  });

  it("says in French why it shows the latest year instead", () => {
    expect(nn(chooseYear({year: 1999, yearParam: "1999"}, years).notice)).toBe(
      "Année demandée introuvable : cet indicateur n’a pas de valeur pour 1999 ; " +
        "les années disponibles sont 2021, 2022, 2023. Affichage de 2023."
    );
    expect(chooseYear({year: null, yearParam: "abc"}, [2022])).toEqual({
      year: 2022,
      notice:
        "Année demandée introuvable : « abc » n’est pas une année ; " +
        "seule l’année 2022 est disponible. Affichage de 2022."
    });
  });
});
