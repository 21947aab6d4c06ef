// The import assistant on small passages: each test writes last edition's text and rows, then a new
// edition's text, and reads what is proposed.
import {describe, expect, it} from "vitest";
import {parseFrenchNumber} from "../../../../src/lib/french-number.js";
import {proposeEdition} from "../../../../src/lib/edition/propose.js";
import {tokenize} from "../../../../src/lib/edition/tokens.js";

const HEADER =
  "year,programme,section,indicator,label,commune_code,dimension,category,value,unit,status,derivation,quote".split(
    ","
  );

function row(values: Partial<Record<string, string>>): Record<string, string> {
  const base: Record<string, string> = Object.fromEntries(HEADER.map((h) => [h, ""]));
  return {
    ...base,
    year: "2022",
    programme: "mde",
    section: "Test",
    label: "Test",
    unit: "personnes",
    status: "publie",
    ...values
  };
}

// Neutral paragraphs around each passage, as in a real report (they anchor the alignment).
const BEFORE = "Le rapport d’activité présente les actions de l’association auprès des publics du territoire.\n\n";
const AFTER = "\n\nLes équipes remercient chaleureusement les partenaires pour leur engagement constant cette année.\n";

function propose(refBody: string, rows: Record<string, string>[], newBody: string, years = [2022, 2023]) {
  return proposeEdition(
    {year: years[0], text: BEFORE + refBody + AFTER, rows, coherence: []},
    {year: years[1], text: BEFORE + newBody + AFTER}
  );
}

describe("proposeEdition", () => {
  it("follows a reworded sentence and takes each figure from its own slot", () => {
    const rows = [
      row({
        indicator: "mde.interim_personnes",
        value: "267",
        quote: "267 personnes suivies par notre association ont signé 634 contrats d’intérim"
      }),
      row({
        indicator: "mde.interim_contrats",
        value: "634",
        unit: "contrats",
        quote: "267 personnes suivies par notre association ont signé 634 contrats d’intérim"
      })
    ];
    const result = propose(
      "267 personnes suivies par notre association ont signé 634 contrats d’intérim",
      rows,
      "Au total, 281 personnes accompagnées par notre association ont conclu 702 contrats d’intérim"
    );
    expect(result.proposals.map((p) => [p.values.value, p.match])).toEqual([
      ["281", "reformule"],
      ["702", "reformule"]
    ]);
    expect(result.proposals[0].values.quote).toContain("281 personnes accompagnées");
    expect(result.proposals[0].values.year).toBe("2023");
  });

  it("reads a key figure printed alone on the line above or below its label", () => {
    const rows = [
      row({
        indicator: "plie.etapes",
        value: "721",
        unit: "etapes",
        quote: "721 étapes mobilisées pour 453 participants"
      }),
      row({
        indicator: "ml.pic",
        value: "109",
        unit: "jeunes",
        quote: "109 jeunes ont été repérés dans le cadre du dispositif PIC Repérage"
      })
    ];
    const result = propose(
      "721 \nétapes mobilisées \npour 453 participants\n\n109 \njeunes ont été repérés dans le \ncadre du dispositif PIC Repérage",
      rows,
      "745 \nétapes mobilisées \npour 470 participants\n\njeunes ont été repérés dans le \ncadre du dispositif PIC Repérage \n118"
    );
    expect(result.proposals.map((p) => p.values.value)).toEqual(["745", "118"]);
    expect(result.proposals[0].match).toBe("exact");
  });

  it("does not give a figure to a new sentence with the same words just before the real one", () => {
    const rows = [
      row({indicator: "plie.formation_participants", value: "63", unit: "participants", quote: "63 participants :"}),
      row({
        indicator: "plie.formation_pro",
        value: "27",
        unit: "participants",
        quote: "27 participants ont suivi une formation professionnalisante"
      })
    ];
    const result = propose(
      "27 organismes de formation\n\n63 participants :\n\n27 participants ont suivi une formation professionnalisante",
      rows,
      "Le nouvel atelier a accueilli 325 participants\n\n64 participants :\n\n23 participants ont suivi une formation professionnalisante"
    );
    expect(result.proposals.map((p) => p.values.value)).toEqual(["64", "23"]);
    expect(result.unused.map((u) => u.number)).toEqual(["325"]);
  });

  it("does not take a number for part of a larger one (84 vs 84 870)", () => {
    const rows = [
      row({indicator: "association.site_pages_vues", value: "84 870", unit: "pages", quote: "84 870 pages visitées"}),
      row({
        indicator: "mde.clause_personnes",
        value: "84",
        quote: "31 787 h réalisées par 84 personnes issues du territoire MNO"
      })
    ];
    const result = propose(
      "84 870 pages visitées\n\n31 787 h réalisées par 84 personnes issues du territoire MNO",
      rows,
      "84 912 pages visitées\n\n32 004 h réalisées par 84 870 personnes issues du territoire MNO"
    );
    expect(result.proposals.map((p) => p.values.value)).toEqual(["84 912", "84 870"]);
  });

  it("keeps French formats as printed: millions across a line break, K, narrow no-break spaces", () => {
    const rows = [
      row({
        indicator: "ml.aides",
        value: "2,8 millions",
        unit: "euros",
        quote: "2,8 millions d’euros ont été alloués aux jeunes"
      }),
      row({indicator: "asso.atteints", value: "249 K", unit: "utilisateurs", quote: "249 K utilisateurs atteints"}),
      row({
        indicator: "mde.heures",
        value: "37 829",
        unit: "heures",
        quote: "Nombre d’heures gérées par la MDE MNO et réalisées : 37 829 h"
      })
    ];
    const result = propose(
      "2,8  \nmillions d’euros ont été \nalloués aux jeunes\n\n249 K utilisateurs atteints\n\nNombre d’heures gérées par la MDE MNO et réalisées : 37 829 h",
      rows,
      "3,1  \nmillions d’euros ont été \nalloués aux jeunes\n\n262 K utilisateurs atteints\n\nNombre d’heures gérées par la MDE MNO et réalisées : 41\u202f002 h"
    );
    expect(result.proposals.map((p) => p.values.value)).toEqual(["3,1 millions", "262 K", "41\u202f002"]);
    expect(parseFrenchNumber(result.proposals[2].values.value)).toBe(41002);
    expect(result.proposals.every((p) => p.match === "exact")).toBe(true);
  });

  it("joins a word cut by a hyphen at a line end", () => {
    expect(tokenize("de Préfor-\nmation").tokens.map((t) => t.key)).toEqual(["de", "preformation"]);
    const rows = [
      row({
        indicator: "plie.referents",
        value: "6",
        quote: "6 référents PLIE au FCP/Atelier de Préformation et au CCAS de Saint-André"
      })
    ];
    const result = propose(
      "6 référents PLIE au FCP/Atelier de Préformation et au CCAS de Saint-André",
      rows,
      "7 référents PLIE au FCP/Atelier de Préfor-\nmation et au CCAS de Saint-André"
    );
    expect(result.proposals[0].values.value).toBe("7");
    expect(result.proposals[0].match).toBe("exact");
  });

  it("says absent when the passage is gone, and lists the new figures as unused", () => {
    const rows = [
      row({
        indicator: "mde.entreprises_creees",
        value: "12",
        unit: "entreprises",
        quote: "12 entreprises créées grâce à l’accompagnement"
      }),
      row({
        indicator: "mde.offres",
        value: "448",
        unit: "offres",
        quote: "448 offres publiées sur le site emploi-mno.fr"
      })
    ];
    const result = propose(
      "12 entreprises créées grâce à l’accompagnement\n\n448 offres publiées sur le site emploi-mno.fr",
      rows,
      "Un nouveau forum a réuni 57 exposants le 12 mai 2023\n\n471 offres publiées sur le site emploi-mno.fr"
    );
    expect(result.proposals.map((p) => [p.match, p.values.value])).toEqual([
      ["absent", ""],
      ["exact", "471"]
    ]);
    // 57 is a new figure; « 12 mai » is a date and 2023 a year.
    expect(result.unused.map((u) => u.number)).toEqual(["57"]);
    expect(result.unused[0].line).toBe(3);
    expect(result.summary).toMatchObject({proposed: 1, exact: 1, absent: 1, unused: 1});
  });

  it("reads the year where the passage names it, else shifts it; derived rows keep their formula", () => {
    const rows = [
      row({
        year: "2021",
        indicator: "plie.part",
        value: "49",
        unit: "pourcent",
        quote: "Une hausse du public féminin (49% en 2021)"
      }),
      row({
        year: "2020",
        indicator: "territoire.population",
        label: "Population (RP2020)",
        value: "27 425",
        unit: "habitants",
        quote: "27 425 hab."
      }),
      row({
        year: "2021",
        indicator: "ml.entretiens",
        status: "derive",
        value: "",
        derivation: "ml.entretiens[2022] / (1 + ml.evolution[2022] / 100)",
        quote: "Une hausse du public féminin (49% en 2021)"
      })
    ];
    const result = propose(
      "Une hausse du public féminin (49% en 2021)\n\n27 425 hab.",
      rows,
      "Une hausse du public féminin (53% en 2021)\n\n27 390 hab.",
      [2022, 2024]
    );
    expect(result.proposals.map((p) => [p.values.year, p.values.value])).toEqual([
      ["2021", "53"],
      ["2022", "27 390"],
      ["2023", ""]
    ]);
    expect(result.proposals[1].values.label).toBe("Population (RP2022)");
    expect(result.proposals[2].values.derivation).toBe("ml.entretiens[2024] / (1 + ml.evolution[2024] / 100)");
  });
});
