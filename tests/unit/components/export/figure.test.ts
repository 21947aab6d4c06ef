// A chart's data as it leaves the site: columns found from the rows, values rounded as the site
// prints them, the order drawn, and the two CSV variants read back by the site's own CSV reader.
import {describe, expect, it} from "vitest";
import {parseCsv} from "../../../../src/lib/csv.js";
import {
  axisFormatCode,
  csvTable,
  csvText,
  excelCsvText,
  figureData,
  labelColumnOf,
  numberFormatCode,
  roundAsDisplayed,
  valueColumnOf
} from "../../../../src/components/export/figure.js";

const share = {unit: "%"};
const count = {unit: "participants"};
const rate = {unit: "participants pour 1\u202f000 habitants"};

const communes = [
  {commune: "Lambersart", code_insee: "59328", annee: 2022, valeur: 32.1578, statut: "publie"},
  {commune: "Lompret", code_insee: "59356", annee: 2022, valeur: 3.099361896080219, statut: "derive"},
  {commune: "Marcq-en-Barœul", code_insee: "59378", annee: 2022, valeur: 64.7, statut: "publie"}
];

describe("figure data", () => {
  it("finds the label and value columns of every kind of chart row", () => {
    expect([labelColumnOf(communes), valueColumnOf(communes)]).toEqual(["commune", "valeur"]);
    const dimension = [{dimension: "sexe", categorie: "femmes", annee: 2022, valeur: 221, statut: "publie"}];
    expect(labelColumnOf(dimension)).toBe("categorie");
    expect(labelColumnOf([{annee: 2021, valeur: 1, statut: "publie"}])).toBe("annee");
    expect(() => valueColumnOf([{nom: "x"}])).toThrow(/aucune colonne de valeurs/);
  });

  it("rounds as the site prints: one decimal for shares, 2 or 1 for rates, up to 2 otherwise", () => {
    expect(roundAsDisplayed(3.099361896080219, share)).toBe(3.1);
    expect(roundAsDisplayed(4.937, rate)).toBe(4.94);
    expect(roundAsDisplayed(12.437, rate)).toBe(12.4);
    expect(roundAsDisplayed(1605.456, count)).toBe(1605.46);
    // Computed values of 100 or more are printed whole (« ≈ 13 541 (calculé) »), smaller ones as others.
    expect(roundAsDisplayed(13541.03, count, true)).toBe(13541);
    expect(roundAsDisplayed(64.718, count, true)).toBe(64.72);
    const years = figureData(
      [
        {annee: 2021, valeur: 13541.03, statut: "derive"},
        {annee: 2022, valeur: 15843, statut: "publie"}
      ],
      count
    );
    expect(numberFormatCode(years)).toBe("[$-40C]#,##0");
  });

  it("keeps the order drawn, full values, and marks computed values", () => {
    const figure = figureData(communes, share, {order: ["Marcq-en-Barœul", "Lambersart", "Lompret"]});
    expect(figure.categories).toEqual(["Marcq-en-Barœul", "Lambersart", "Lompret"]);
    expect(figure.values).toEqual([64.7, 32.1578, 3.099361896080219]);
    expect(figure.derived).toEqual([false, false, true]);
    expect(figure.decimals).toBe(1);
    expect(numberFormatCode(figure)).toBe('[$-40C]#,##0.0" %"');
    expect(axisFormatCode(figure)).toBe('[$-40C]#,##0" %"');
    expect(numberFormatCode(figureData([{commune: "a", valeur: 1605}], count))).toBe("[$-40C]#,##0");
    // Money: cents for every value once one has some, and the sign, as « 120 566,50 € ».
    const money = figureData(
      [
        {categorie: "a", valeur: 120566.5},
        {categorie: "b", valeur: 20892}
      ],
      {unit: "euros"}
    );
    expect(numberFormatCode(money)).toBe('[$-40C]#,##0.00" €"');
    expect(numberFormatCode(figureData([{categorie: "a", valeur: 20892}], {unit: "euros"}))).toBe('[$-40C]#,##0" €"');
    expect(numberFormatCode(figureData([{categorie: "a", valeur: 37829}], {unit: "heures"}))).toBe('[$-40C]#,##0" h"');
  });
});

describe("CSV exports", () => {
  const table = () => csvTable(communes, share, {order: ["Marcq-en-Barœul", "Lambersart", "Lompret"]});

  it("writes the displayed value, the full value where rounding changed it, and the unit", () => {
    const parsed = parseCsv(csvText(table()), "export.csv");
    expect(parsed.header).toEqual(["commune", "code_insee", "annee", "valeur", "valeur_exacte", "unite", "statut"]);
    expect(parsed.records.map((r) => r.fields)).toEqual([
      ["Marcq-en-Barœul", "59378", "2022", "64.7", "64.7", "%", "publie"],
      ["Lambersart", "59328", "2022", "32.2", "32.1578", "%", "publie"],
      ["Lompret", "59356", "2022", "3.1", "3.099361896080219", "%", "derive"]
    ]);
  });

  it("writes rows that are not one value per category as they are", () => {
    const rows = [{commune: "Lompret", code_insee: "59356"}];
    expect(csvTable(rows, count)).toEqual({header: ["commune", "code_insee"], rows: [["Lompret", "59356"]]});
  });

  it("adds no full-value column when the values are printed whole", () => {
    const whole = csvTable(
      [
        {annee: 2021, valeur: 406, statut: "publie"},
        {annee: 2022, valeur: 453, statut: "publie"}
      ],
      count
    );
    expect(whole.header).toEqual(["annee", "valeur", "unite", "statut"]);
    expect(whole.rows).toEqual([
      [2021, 406, "participants", "publie"],
      [2022, 453, "participants", "publie"]
    ]);
  });

  it("gives Excel in French a BOM, semicolons, decimal commas and CRLF, quoting text that holds a ;", () => {
    const rows = [
      {commune: "Lille; Hellemmes", valeur: 12.5},
      {commune: "Marcq, « centre »", valeur: 3}
    ];
    const text = excelCsvText(csvTable(rows, share));
    expect(text.startsWith("\uFEFFcommune;valeur;unite\r\n")).toBe(true);
    expect(text.split("\r\n").slice(1)).toEqual(['"Lille; Hellemmes";12,5;%', '"Marcq, « centre »";3;%', ""]);
  });
});
