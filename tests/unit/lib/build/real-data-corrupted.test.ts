// Every kind of wrong figure the red team slipped through, made by one small mutation of the real
// data/: each must be refused with the file, the line and the precise French reason (and loading
// then returns no table, so nothing can be written). The harmless variants must still load.
import {describe, expect, it} from "vitest";
import {type DataProblem} from "../../../../src/lib/errors.js";
import {COHERENCE, COMMUNES, CSV, RULES, type RealData, SHAPES, TEXT, problemsOf, realData} from "./real-data.js";

// Lines of data/reports/2022/indicateurs.csv the cases mutate (the test fails loudly if they move).
const POPULATION_LAMBERSART = 2; // territoire.population, 59328, « 27 425 hab. »
const SHARE_COMMERCE = 14; // territoire.emploi_salarie_prive_part, secteur=commerce, 12,7 %
const EVOLUTION = 20; // territoire.demandeurs_emploi_evolution, -4,1 %
const DERIVED_2021 = 22; // territoire.demandeurs_emploi[2021], derived from 2022 and its evolution
const PARTICIPANTS_269 = 36; // mde.decroche_ton_job_participants, 269
const SALON_SHARE = 42; // mde.salon_exposants_part, 27 %, « 156 exposants dont 27% du territoire MNO »
const ESALON_EXPOSANTS = 43; // mde.esalon_exposants, 144
const ESALON_POSTES = 44; // mde.esalon_postes, « plus de 4 500 postes »
const VALIDATED = 139; // plie.formation_professionnalisante_parcours, résultat=validés
const SORTIES_FORMATION = 215; // plie.sorties_formation = positives (98) - emploi (79)
const PLIE_LAMBERSART = 164; // plie.participants, 59328, « Lambersart : 85 »

const DEMANDEURS = "territoire.demandeurs_emploi[2022]";
const DERIVED_QUOTE = "citez le passage dont elle est calculée (au moins 10 caractères et un nombre)";
const NOT_FINITE = "une valeur doit être un nombre fini";
const EDITION_NAME =
  "une édition se nomme par son année sur quatre chiffres (1990–2100) ; renommez-le ou sortez-le de data/reports";
const cut = (quote: string) =>
  `citation coupée au milieu d'un mot ou d'un nombre du rapport : « ${quote} » (citez le nombre entier)`;
const negative = (what: string, value: string, unit: string) =>
  `valeur ${what} négative (${value}) pour l'unité « ${unit} » : seule une évolution peut être négative`;
const notFinite = (id: string, whole: string, parts: string) =>
  `règle « ${id} » : le total (${whole}) ou la somme des parties (${parts}) n'est pas un nombre fini`;
const noReference = (formula: string) =>
  `formule « ${formula} » sans référence à une autre ligne : ` +
  "une valeur dérivée se calcule à partir de chiffres du rapport (un nombre imprimé est publie)";
const RESERVED = "un slug en minuscules ASCII, qui ne soit pas un nom réservé, est attendu";
const OUT_OF_RANGE = "hors des valeurs possibles";

type Expected = {file: string; line?: number; reason: string | RegExp};
const row = (line: number, reason: string | RegExp): Expected => ({file: CSV, line, reason});
const invisible = (column: string, point: string, at: number) =>
  `${column} contient un caractère invisible ou de contrôle ${point} (caractère ${at}) : supprimez-le`;
const lookAlike = (column: string, letter: string, point: string, at: number) =>
  `${column} contient la lettre grecque ou cyrillique « ${letter} » ${point} (caractère ${at}), ` +
  "qui imite une lettre latine : retapez-la";

/** Inserts `insert` into a field after its `at`-th character. */
function insertInto(d: RealData, line: number, column: string, at: number, insert: string): void {
  const value = d.field(line, column);
  d.setField(line, column, value.slice(0, at) + insert + value.slice(at));
}

const cases: [string, (d: RealData) => void, Expected][] = [
  // NaN and non-finite values
  [
    "a derivation 0 / 0",
    (d) => d.setField(DERIVED_2021, "derivation", "territoire.demandeurs_emploi[2022] * 0 / 0"),
    row(DERIVED_2021, `derivation : le calcul donne NaN (une division par zéro ?) : ${NOT_FINITE}`)
  ],
  [
    "a derivation divided by zero",
    (d) => d.setField(DERIVED_2021, "derivation", "territoire.demandeurs_emploi[2022] / 0"),
    row(DERIVED_2021, `derivation : le calcul donne Infinity (une division par zéro ?) : ${NOT_FINITE}`)
  ],
  [
    "a coherence whole that is NaN",
    (d) => d.edit(COHERENCE, '"territoire.population[2020]"', '"territoire.population[2020] * 0 / 0"'),
    {
      file: COHERENCE,
      line: 3,
      reason: notFinite("territoire-population-communes", "NaN", "143439")
    }
  ],
  [
    "a coherence rule with a NaN part and another part changed",
    (d) => {
      const part = '"sum(territoire.population[2020; commune=*])"';
      d.edit(COHERENCE, part, `${part.slice(0, -1)} + 1", "0 / 0"`);
    },
    {
      file: COHERENCE,
      line: 3,
      reason: notFinite("territoire-population-communes", "143439", "NaN")
    }
  ],
  // Quotes matched as substrings
  [
    "a quote starting inside a longer number (44 for 144)",
    (d) => {
      d.setField(ESALON_EXPOSANTS, "value", "44");
      d.setField(ESALON_EXPOSANTS, "quote", "44 exposants ont proposé plus de 4 500 postes");
    },
    row(ESALON_EXPOSANTS, cut("44 exposants ont proposé plus de 4 500 postes"))
  ],
  [
    "a quote cut after « plus de 4 » (the text says 4 500)",
    (d) => {
      d.setField(ESALON_POSTES, "value", "4");
      d.setField(ESALON_POSTES, "quote", "144 exposants ont proposé plus de 4");
    },
    row(ESALON_POSTES, cut("144 exposants ont proposé plus de 4"))
  ],
  [
    "a quote starting inside a word",
    (d) => d.setField(SALON_SHARE, "quote", "xposants dont 27% du territoire MNO"),
    row(SALON_SHARE, cut("xposants dont 27% du territoire MNO"))
  ],
  [
    "a quote ending inside a word",
    (d) => d.setField(SALON_SHARE, "quote", "156 exposants dont 27% du terr"),
    row(SALON_SHARE, cut("156 exposants dont 27% du terr"))
  ],
  [
    "a quote starting inside a decimal number",
    (d) => {
      d.setField(SHARE_COMMERCE, "value", "7");
      d.setField(SHARE_COMMERCE, "quote", "7% 6,7% 10,3% 70,3% Commerce");
    },
    row(SHARE_COMMERCE, cut("7% 6,7% 10,3% 70,3% Commerce"))
  ],
  [
    "a quote dropping the sign of an evolution",
    (d) => {
      d.setField(EVOLUTION, "value", "4,1");
      d.setField(EVOLUTION, "quote", "4,1%*)");
    },
    row(EVOLUTION, cut("4,1%*)"))
  ],
  [
    "a value that is the end of a number of its quote (500 of 4 500)",
    (d) => d.setField(ESALON_POSTES, "value", "500"),
    row(ESALON_POSTES, "la valeur « 500 » ne se lit pas dans la citation (nombres lus : 2 ; 22 ; 144 ; 4 500)")
  ],
  [
    "a value that is the end of a number of its quote (44 of 144)",
    (d) => d.setField(ESALON_EXPOSANTS, "value", "44"),
    row(ESALON_EXPOSANTS, "la valeur « 44 » ne se lit pas dans la citation (nombres lus : 2 ; 22 ; 144 ; 4 500)")
  ],
  [
    "a value that is the start of a number of its quote (4 of 4 500)",
    (d) => d.setField(ESALON_POSTES, "value", "4"),
    row(ESALON_POSTES, "la valeur « 4 » ne se lit pas dans la citation (nombres lus : 2 ; 22 ; 144 ; 4 500)")
  ],
  // Derivations without provenance
  [
    "a constant formula",
    (d) => d.setField(DERIVED_2021, "derivation", "12345"),
    row(DERIVED_2021, noReference("12345"))
  ],
  [
    "a constant arithmetic formula",
    (d) => d.setField(DERIVED_2021, "derivation", "(8745 + 1) * 2"),
    row(DERIVED_2021, noReference("(8745 + 1) * 2"))
  ],
  [
    "a derived row quoting one letter",
    (d) => d.setField(DERIVED_2021, "quote", "A"),
    row(DERIVED_2021, `citation « A » trop courte pour une valeur dérivée : ${DERIVED_QUOTE}`)
  ],
  [
    "a derived row quoting words without a number",
    (d) => d.setField(DERIVED_2021, "quote", "demandeurs d’emploi de catégorie A"),
    row(
      DERIVED_2021,
      `citation « demandeurs d’emploi de catégorie A » trop courte pour une valeur dérivée : ${DERIVED_QUOTE}`
    )
  ],
  // Impossible values
  [
    "a negative published count",
    (d) => {
      d.edit(TEXT, " Lambersart : 85 ", " Lambersart : -85 ");
      d.setField(PLIE_LAMBERSART, "value", "-85");
      d.setField(PLIE_LAMBERSART, "quote", "Lambersart : -85");
    },
    row(PLIE_LAMBERSART, negative("publiée", "-85", "participants"))
  ],
  [
    "a negative derived count",
    (d) => d.setField(SORTIES_FORMATION, "derivation", "plie.sorties_emploi[2022] - plie.sorties_positives[2022]"),
    row(SORTIES_FORMATION, negative("calculée", "-19", "sorties"))
  ],
  [
    "a « % » value on a count unit",
    (d) => d.setField(PARTICIPANTS_269, "value", "80%"),
    row(PARTICIPANTS_269, "la valeur « 80% » est un pourcentage mais l'unité « participants » compte des participants")
  ],
  [
    "year 0000",
    (d) => d.setField(POPULATION_LAMBERSART, "year", "0000"),
    row(POPULATION_LAMBERSART, "année « 0000 » invalide (avant 1900)")
  ],
  [
    "a year after the edition",
    (d) => d.setField(POPULATION_LAMBERSART, "year", "2023"),
    row(POPULATION_LAMBERSART, "année 2023 postérieure à l'édition 2022 : un rapport ne décrit que le passé")
  ],
  [
    "a population of 0",
    (d) => d.edit(COMMUNES, "59328,Lambersart,27425,", "59328,Lambersart,0,"),
    {file: COMMUNES, line: 2, reason: `population_2020 0 ${OUT_OF_RANGE} (plus de 0, au plus 100000000)`}
  ],
  [
    "a negative population",
    (d) => d.edit(COMMUNES, "59328,Lambersart,27425,", "59328,Lambersart,-27425,"),
    {file: COMMUNES, line: 2, reason: `population_2020 -27425 ${OUT_OF_RANGE} (plus de 0, au plus 100000000)`}
  ],
  [
    "a latitude of 500",
    (d) => d.edit(COMMUNES, "3.02546,50.65193", "3.02546,500"),
    {file: COMMUNES, line: 2, reason: "lat 500 hors des valeurs possibles (de -90 à 90)"}
  ],
  [
    "a longitude of -200",
    (d) => d.edit(COMMUNES, "3.02546,50.65193", "-200,50.65193"),
    {file: COMMUNES, line: 2, reason: "lon -200 hors des valeurs possibles (de -180 à 180)"}
  ],
  [
    "an area of 0",
    (d) => d.edit(COMMUNES, "59328,Lambersart,27425,6.03,", "59328,Lambersart,27425,0,"),
    {file: COMMUNES, line: 2, reason: "area_km2 0 hors des valeurs possibles (plus de 0, au plus 100000)"}
  ],
  [
    "the unit « constructor »",
    (d) => d.setField(POPULATION_LAMBERSART, "unit", "constructor"),
    row(POPULATION_LAMBERSART, "unité inconnue « constructor » (voir regles.json)")
  ],
  [
    "the unit « __proto__ »",
    (d) => d.setField(POPULATION_LAMBERSART, "unit", "__proto__"),
    row(POPULATION_LAMBERSART, "unité inconnue « __proto__ » (voir regles.json)")
  ],
  [
    "the unit « toString »",
    (d) => d.setField(POPULATION_LAMBERSART, "unit", "toString"),
    row(POPULATION_LAMBERSART, "unité inconnue « toString » (voir regles.json)")
  ],
  [
    "the unit « hasOwnProperty »",
    (d) => d.setField(POPULATION_LAMBERSART, "unit", "hasOwnProperty"),
    row(POPULATION_LAMBERSART, "unité inconnue « hasOwnProperty » (voir regles.json)")
  ],
  [
    "regles.json declaring a unit « constructor »",
    (d) => d.edit(RULES, '"habitants": "habitants",', '"habitants": "habitants", "constructor": "objets",'),
    {file: RULES, reason: `unité « constructor » : ${RESERVED}`}
  ],
  [
    "regles.json declaring a unit « __proto__ »",
    (d) => d.edit(RULES, '"habitants": "habitants",', '"habitants": "habitants", "__proto__": "objets",'),
    {file: RULES, reason: `unité « __proto__ » : ${RESERVED}`}
  ],
  // Invisible and look-alike characters
  [
    "a zero-width space in a section",
    (d) => insertInto(d, POPULATION_LAMBERSART, "section", 7, "\u200b"),
    row(POPULATION_LAMBERSART, invisible("section", "U+200B", 8))
  ],
  [
    "a NUL in a label",
    (d) => insertInto(d, POPULATION_LAMBERSART, "label", 3, "\0"),
    row(POPULATION_LAMBERSART, invisible("label", "U+0000", 4))
  ],
  [
    "a bell character in a quote",
    (d) => insertInto(d, POPULATION_LAMBERSART, "quote", 2, "\u0007"),
    row(POPULATION_LAMBERSART, invisible("quote", "U+0007", 3))
  ],
  [
    "a right-to-left override in a label",
    (d) => insertInto(d, POPULATION_LAMBERSART, "label", 0, "\u202e"),
    row(POPULATION_LAMBERSART, invisible("label", "U+202E", 1))
  ],
  [
    "a soft hyphen in a category",
    (d) => insertInto(d, SHARE_COMMERCE, "category", 3, "\u00ad"),
    row(SHARE_COMMERCE, invisible("category", "U+00AD", 4))
  ],
  [
    "a zero-width joiner in an indicator",
    (d) => insertInto(d, POPULATION_LAMBERSART, "indicator", 4, "\u200d"),
    row(POPULATION_LAMBERSART, invisible("indicator", "U+200D", 5))
  ],
  [
    "a byte order mark inside a commune code",
    (d) => insertInto(d, POPULATION_LAMBERSART, "commune_code", 2, "\ufeff"),
    row(POPULATION_LAMBERSART, invisible("commune_code", "U+FEFF", 3))
  ],
  [
    "a Cyrillic « о » in a category",
    (d) => d.setField(SHARE_COMMERCE, "category", "c\u043emmerce"),
    row(SHARE_COMMERCE, lookAlike("category", "\u043e", "U+043E", 2))
  ],
  [
    "a Cyrillic « а » in a section",
    (d) => d.setField(POPULATION_LAMBERSART, "section", "Donn\u0435es clés du territoire"),
    row(POPULATION_LAMBERSART, lookAlike("section", "\u0435", "U+0435", 5))
  ],
  [
    "a Greek « ο » in a label",
    (d) => d.setField(POPULATION_LAMBERSART, "label", "Populati\u03bfn municipale (RP2020)"),
    row(POPULATION_LAMBERSART, lookAlike("label", "\u03bf", "U+03BF", 9))
  ],
  [
    "a Cyrillic « е » in a dimension",
    (d) => d.setField(SHARE_COMMERCE, "dimension", "s\u0435cteur"),
    row(SHARE_COMMERCE, lookAlike("dimension", "\u0435", "U+0435", 2))
  ],
  [
    "a Cyrillic « З » for a 3 in a commune code",
    (d) => d.setField(POPULATION_LAMBERSART, "commune_code", "59\u041728"),
    row(POPULATION_LAMBERSART, lookAlike("commune_code", "\u0417", "U+0417", 3))
  ],
  [
    "a zero-width space in the report's text",
    (d) => d.edit(TEXT, "Lambersart : 85", "Lambersart\u200b : 85"),
    {file: TEXT, line: 431, reason: "caractère invisible ou de contrôle U+200B : supprimez-le"}
  ],
  [
    "a Cyrillic letter in a commune's name",
    (d) => d.edit(COMMUNES, "59328,Lambersart,", "59328,L\u0430mbersart,"),
    {file: COMMUNES, line: 2, reason: lookAlike("nom", "\u0430", "U+0430", 2)}
  ],
  [
    "a boundary point at latitude 500",
    (d) => d.edit(SHAPES, "[3.00274,50.65235]", "[3.00274,500]"),
    {
      file: SHAPES,
      reason: "entité n° 1 : position [3.00274, 500] hors du globe (longitude −180…180, latitude −90…90)"
    }
  ],
  [
    "a Cyrillic letter in a boundary's name",
    (d) => d.edit(SHAPES, '"nom":"Lambersart"', '"nom":"L\u0430mbersart"'),
    {file: SHAPES, reason: `entité n° 1 : ${lookAlike("nom", "\u0430", "U+0430", 2)}`}
  ],
  [
    "a zero-width space in a commune code",
    (d) => d.edit(COMMUNES, "59328,Lambersart,", "5932\u200b8,Lambersart,"),
    {file: COMMUNES, line: 2, reason: invisible("code", "U+200B", 5)}
  ],
  [
    "a duplicate hidden by a decomposed accent (NFD)",
    (d) => {
      const lines = d.read(CSV).split("\n");
      d.write(CSV, [...lines.slice(0, -1), lines[VALIDATED - 1].replace("validés", "valide\u0301s"), ""].join("\n"));
    },
    row(359, "doublon de la ligne 139 (même report_year, year, indicator, commune_code, dimension, category)")
  ],
  // Schema drift
  [
    "a duplicated header column",
    (d) => d.setHeader((columns) => [...columns, "value"]),
    {file: CSV, line: 1, reason: "colonne « value » en double (colonne 14) : gardez-en une"}
  ],
  [
    "a duplicated column in communes.csv",
    (d) => d.setHeader((columns) => [...columns, "lat"], COMMUNES),
    {file: COMMUNES, line: 1, reason: "colonne « lat » en double (colonne 7) : gardez-en une"}
  ],
  [
    "a dimension in upper case",
    (d) => d.setField(SHARE_COMMERCE, "dimension", "Secteur"),
    row(SHARE_COMMERCE, "dimension « Secteur » : en minuscules (« secteur »), comme le veut la règle")
  ],
  [
    "duplicate coherence rule ids",
    (d) => d.edit(COHERENCE, '"id": "territoire-emploi-secteurs-part"', '"id": "territoire-population-communes"'),
    {
      file: COHERENCE,
      line: 12,
      reason: "règle « territoire-population-communes » en double (déjà ligne 3) : chaque id est unique"
    }
  ],
  // Editions
  [
    "an edition folder « 20x3 »",
    (d) => d.mkdir("data/reports/20x3"),
    {file: "data/reports/20x3", reason: `dossier « 20x3 » : ${EDITION_NAME}`}
  ],
  [
    "an edition folder « 2O23 » (letter O)",
    (d) => d.mkdir("data/reports/2O23"),
    {file: "data/reports/2O23", reason: `dossier « 2O23 » : ${EDITION_NAME}`}
  ],
  [
    "an edition folder « 0000 »",
    (d) => d.mkdir("data/reports/0000"),
    {file: "data/reports/0000", reason: `dossier « 0000 » : ${EDITION_NAME}`}
  ],
  [
    "an edition folder without its files",
    (d) => d.mkdir("data/reports/2023"),
    {file: "data/reports/2023/indicateurs.csv", reason: "fichier manquant"}
  ],
  [
    "a copy of 2022 saved as 2023",
    (d) => {
      for (const name of ["rapport.txt", "indicateurs.csv", "coherence.json"]) {
        d.mkdir("data/reports/2023");
        d.write(`data/reports/2023/${name}`, d.read(`data/reports/2022/${name}`));
      }
    },
    {
      file: "data/reports/2023/indicateurs.csv",
      reason: "aucun chiffre de l'année 2023 : l'édition 2023 décrit son année (copie d'une autre édition ?)"
    }
  ],
  [
    "an edition with no figure of its own year",
    (d) => {
      const lines = d.read(CSV).split("\n");
      d.write(CSV, lines.filter((l, i) => i === 0 || !l.startsWith("2022,")).join("\n"));
    },
    {
      file: CSV,
      reason: "aucun chiffre de l'année 2022 : l'édition 2022 décrit son année (copie d'une autre édition ?)"
    }
  ],
  // Robustness of messages
  [
    "a 20 000-deep formula",
    (d) => d.setField(DERIVED_2021, "derivation", `${"(".repeat(20_000)}${DEMANDEURS}${")".repeat(20_000)}`),
    row(
      DERIVED_2021,
      `formule « ${"(".repeat(79)}… (40034 caractères) » : trop longue (40034 caractères, 2000 au plus) : ` +
        "découpez-la en lignes dérivées (caractère 1)"
    )
  ],
  [
    "a 60-deep formula",
    (d) => d.setField(DERIVED_2021, "derivation", `${"(".repeat(60)}${DEMANDEURS}${")".repeat(60)}`),
    row(
      DERIVED_2021,
      `formule « ${"(".repeat(60)}territoire.demandeu… (154 caractères) » : trop imbriquée ` +
        "(plus de 50 niveaux de parenthèses ou de signes) (caractère 52)"
    )
  ],
  [
    "a 20 000-deep coherence part",
    (d) => d.edit(COHERENCE, '"sum(territoire.population[2020; commune=*])"', `"${"-".repeat(20_000)}1"`),
    {
      file: COHERENCE,
      line: 3,
      reason:
        `règle « territoire-population-communes » : formule « ${"-".repeat(79)}… (20001 caractères) » : ` +
        "trop longue " +
        "(20001 caractères, 2000 au plus) : découpez-la en lignes dérivées (caractère 1)"
    }
  ],
  [
    "a 400 000-digit value",
    (d) => d.setField(POPULATION_LAMBERSART, "value", "9".repeat(400_000)),
    row(
      POPULATION_LAMBERSART,
      `valeur « ${"9".repeat(29)}… (400000 caractères) » trop longue (400000 caractères) : ` +
        "ce n'est pas un nombre imprimé"
    )
  ],
  [
    "a 400 000-letter programme",
    (d) => d.setField(POPULATION_LAMBERSART, "programme", "x".repeat(400_000)),
    row(
      POPULATION_LAMBERSART,
      `programme inconnu « ${"x".repeat(79)}… (400000 caractères) » ` +
        "(attendu : territoire, mde, plie, mission_locale, association)"
    )
  ],
  [
    "a 400 000-letter quote",
    (d) => d.setField(POPULATION_LAMBERSART, "quote", "y".repeat(400_000)),
    row(POPULATION_LAMBERSART, `citation introuvable dans le rapport : « ${"y".repeat(79)}… (400000 caractères) »`)
  ]
];

function expectProblem(problems: DataProblem[], expected: Expected): void {
  const {reason, ...where} = expected;
  const matching = problems.filter((p) => p.file === where.file && p.line === where.line);
  const reasons = matching.map((p) => p.reason);
  if (typeof reason === "string") expect(reasons).toContain(reason);
  else expect(reasons).toEqual(expect.arrayContaining([expect.stringMatching(reason)]));
  // Every message stays short enough to read, whatever the input's size.
  for (const problem of problems) expect(problem.reason.length).toBeLessThan(400);
}

describe("one mutation of the real data is refused with file, line and reason", () => {
  it("the real data loads", () => {
    expect(problemsOf(realData())).toEqual([]);
  });

  it.each(cases)("%s", (_name, mutate, expected) => {
    const data = realData();
    mutate(data);
    expectProblem(problemsOf(data), expected);
  });

  it("a header-only file gives one « aucune ligne » problem, not one per consistency rule", () => {
    const data = realData();
    data.write(CSV, data.read(CSV).split("\n")[0] + "\n");
    const reason = "aucune ligne : une édition publie au moins un chiffre";
    expect(problemsOf(data)).toEqual([{file: CSV, line: 2, reason}]);
  });
});

describe("harmless variants of the real data load", () => {
  const accepted: [string, (d: RealData) => void][] = [
    ["form feeds between the report's pages", (d) => d.write(TEXT, d.read(TEXT).replace(/\n\n/g, "\n\f\n"))],
    ["a form feed inside a quote", (d) => d.setField(PLIE_LAMBERSART, "quote", "Lambersart :\f85")],
    ["lone CR line ends in indicateurs.csv", (d) => d.write(CSV, d.read(CSV).replace(/\n/g, "\r"))],
    ["lone CR line ends in the report's text", (d) => d.write(TEXT, d.read(TEXT).replace(/\n/g, "\r"))],
    ["CRLF line ends in communes.csv", (d) => d.write(COMMUNES, d.read(COMMUNES).replace(/\n/g, "\r\n"))],
    ["a byte order mark in indicateurs.csv", (d) => d.write(CSV, "\ufeff" + d.read(CSV))],
    ["a byte order mark in the report's text", (d) => d.write(TEXT, "\ufeff" + d.read(TEXT))],
    ["markup in a label", (d) => d.setField(PLIE_LAMBERSART, "label", "<b>Participants</b> en <script>parcours")],
    [
      "a decomposed accent (NFD) in a section",
      (d) => d.setField(POPULATION_LAMBERSART, "section", "Donne\u0301es clés du territoire")
    ],
    ["a tab inside a quote", (d) => d.setField(PLIE_LAMBERSART, "quote", "Lambersart :\t85")],
    ["a quote ending on the number it publishes", (d) => d.setField(ESALON_POSTES, "quote", "plus de 4 500")],
    ["a « % » on a share", (d) => d.setField(SHARE_COMMERCE, "value", "12,7 %")],
    ["a negative evolution", (d) => d.setField(EVOLUTION, "value", "-4,1 %")]
  ];
  it.each(accepted)("%s", (_name, vary) => {
    const data = realData();
    vary(data);
    expect(problemsOf(data)).toEqual([]);
  });
});

it("has at least 60 corrupted cases", () => {
  expect(cases.length + 1).toBeGreaterThanOrEqual(60);
});
