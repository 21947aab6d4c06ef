import {describe, expect, it} from "vitest";
import {chartExport, dataYears} from "../../../../src/lib/notebook/chart-export.js";
import {figureData} from "../../../../src/components/export/figure.js";

const names = new Map([["59328", "Lambersart"]]);
const context = {position: 2, caption: "participants par nom", communeNames: names, latest: 2022};

describe("chartExport", () => {
  it("exports a bar chart's bars as drawn, as a native bar chart the site's figure reader understands", () => {
    const rows = [
      {nom: "B", participants: 3},
      {nom: "A", participants: 10},
      {nom: "B", participants: 4}
    ];
    const out = chartExport({kind: "bar", x: "nom", y: "participants"}, rows, context);
    expect(out.rows).toEqual([
      {nom: "A", participants: 10},
      {nom: "B", participants: 7}
    ]);
    expect(out.figure).toEqual({kind: "bar", label: "nom", value: "participants", order: ["A", "B"]});
    expect(out.meta).toMatchObject({
      title: "Participants par nom",
      subtitle: "Explorateur, cellule 2",
      date: "2022",
      fileBase: "explorateur-cellule-2-participants-nom"
    });
    const figure = figureData(out.rows, out.meta, out.figure);
    expect(figure.categories).toEqual(["A", "B"]);
    expect(figure.values).toEqual([10, 7]);
  });

  it("makes one line a native line chart, several series and the commune map pictures", () => {
    const rows = [
      {annee: 2021, n: 1, programme: "plie"},
      {annee: 2022, n: 2, programme: "plie"}
    ];
    const one = chartExport({kind: "line", x: "annee", y: "n"}, rows, context);
    expect(one.figure.kind).toBe("line");
    expect(one.rows).toEqual([
      {annee: "2021", n: 1},
      {annee: "2022", n: 2}
    ]);
    expect(one.meta.date).toBe("2021–2022");
    expect(chartExport({kind: "line", x: "annee", y: "n", series: "programme"}, rows, context).figure.kind).toBe(
      "image"
    );
    const map = chartExport({kind: "choropleth", x: "code", y: "n"}, [{code: "59328", n: 5}], context);
    expect(map.rows).toEqual([{code_insee: "59328", commune: "Lambersart", n: 5}]);
    expect(map.figure.kind).toBe("image");
  });

  it("says the data's years from a year column, else the latest edition", () => {
    expect(dataYears([{x: 1}], 2022)).toBe("2022");
    expect(dataYears([{edition: 2023}, {edition: 2023}], 2022)).toBe("2023");
  });
});
