// data/reports/alias.csv: an indicator renamed in the latest edition keeps its history. The
// three-edition fixture (fake values) with each corrupted alias file of tests/fixtures/alias/,
// refused with the file, the line and the reason in French; an absent file means no alias.
import {cpSync, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterEach, describe, expect, it} from "vitest";
import {
  type Alias,
  applyAliases,
  checkAliases,
  identifiersByEdition,
  readAliases
} from "../../../../src/lib/build/aliases.js";
import {dataPaths, loadIndicators, loadTables, projectRoot} from "../../../../src/lib/build/datasets.js";
import {DataError, formatProblem} from "../../../../src/lib/errors.js";
import type {IndicatorRow} from "../../../../src/lib/schema.js";

const FILE = "data/reports/alias.csv";
const created: string[] = [];
afterEach(() => {
  for (const dir of created.splice(0)) rmSync(dir, {recursive: true, force: true});
});

/** A copy of the three-edition fixture whose alias.csv is `alias` (a file of tests/fixtures/alias/), or none. */
function editions(alias: string | null): string {
  const root = mkdtempSync(join(tmpdir(), "observatoire-alias-"));
  created.push(root);
  cpSync(join(projectRoot, "tests/fixtures/editions/data"), join(root, "data"), {recursive: true, dereference: true});
  rmSync(join(root, "data/reports/alias.csv"));
  if (alias) cpSync(join(projectRoot, "tests/fixtures/alias", alias), join(root, "data/reports/alias.csv"));
  return root;
}

function problems(alias: string): string[] {
  try {
    loadIndicators(dataPaths(editions(alias)));
  } catch (error) {
    if (error instanceof DataError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

const youth = (rows: IndicatorRow[]) =>
  rows
    .filter((r) => r.indicator.startsWith("mission_locale.jeunes_") && r.commune_code === null)
    .map((r) => [r.report_year, r.indicator]);

describe("alias.csv applied", () => {
  it("gives the older editions' figures the latest edition's identifier (the fixture's file)", () => {
    const rows = loadIndicators(dataPaths(join(projectRoot, "tests/fixtures/editions")));
    expect(youth(rows)).toEqual([
      [2021, "mission_locale.jeunes_accompagnes"],
      [2022, "mission_locale.jeunes_accompagnes"],
      [2023, "mission_locale.jeunes_accompagnes"]
    ]);
    const tables = loadTables(dataPaths(join(projectRoot, "tests/fixtures/editions")));
    const catalog = tables.catalog.rows.filter((r) => r.indicator.startsWith("mission_locale.jeunes_"));
    expect(catalog.map((r) => [r.report_year, r.indicator])).toEqual([
      [2021, "mission_locale.jeunes_accompagnes"],
      [2022, "mission_locale.jeunes_accompagnes"],
      [2023, "mission_locale.jeunes_accompagnes"]
    ]);
  });

  it("changes nothing without the file", () => {
    const rows = loadIndicators(dataPaths(editions(null)));
    expect(youth(rows)).toEqual([
      [2021, "mission_locale.jeunes_suivis"],
      [2022, "mission_locale.jeunes_accompagnes"],
      [2023, "mission_locale.jeunes_accompagnes"]
    ]);
  });
});

describe("alias.csv refused, with file, line and reason", () => {
  it.each([
    ["en-tete.csv", [`${FILE}:1: en-tête « old,new » : attendu « ancien,nouveau »`]],
    [
      "cycle.csv",
      [
        `${FILE}:2: cycle d'alias : mission_locale.jeunes_suivis → association.adherents → ` +
          "mission_locale.jeunes_suivis (un identifiant ne peut pas redevenir lui-même)",
        `${FILE}:3: cycle d'alias : association.adherents → mission_locale.jeunes_suivis → ` +
          "association.adherents (un identifiant ne peut pas redevenir lui-même)"
      ]
    ],
    [
      "cycle-soi.csv",
      [
        `${FILE}:2: cycle d'alias : mission_locale.jeunes_suivis → mission_locale.jeunes_suivis ` +
          "(un identifiant ne peut pas redevenir lui-même)"
      ]
    ],
    [
      "nouveau-inconnu.csv",
      [`${FILE}:2: nouvel identifiant inconnu : aucune édition ne publie « mission_locale.jeunes_acompagnes »`]
    ],
    [
      "encore-employe.csv",
      [
        `${FILE}:3: « plie.participants » est encore employé par la dernière édition (2023) : un alias renomme ` +
          "les éditions précédentes ; retirez la ligne ou renommez l'indicateur dans cette édition"
      ]
    ],
    [
      "doublon.csv",
      [
        `${FILE}:3: « mission_locale.jeunes_suivis » a déjà un alias ligne 2 : ` +
          "un ancien identifiant n'a qu'un nouveau"
      ]
    ],
    [
      "ancien-inconnu.csv",
      [`${FILE}:2: ancien identifiant inconnu : aucune édition n'emploie « mission_locale.jeunes_suivi »`]
    ],
    [
      "largeur.csv",
      [`${FILE}:2: 3 champs au lieu de 2 (un texte qui contient une virgule doit être entre guillemets)`]
    ],
    ["identifiant.csv", [`${FILE}:2: identifiant « Jeunes suivis » : slug programme.nom en minuscules attendu`]],
    [
      "collision.csv",
      [
        `${FILE}:2: l'édition 2021 emploie « association.adherents » et « plie.participants » : ` +
          "l'alias en ferait des doublons"
      ]
    ]
  ])("%s", (file, expected) => {
    expect(problems(file)).toEqual(expected);
  });
});

describe("aliases in chains", () => {
  const row = (report_year: number, indicator: string, derivation: string | null = null): IndicatorRow => ({
    report_year,
    year: report_year,
    programme: "plie",
    section: "S",
    indicator,
    label: indicator,
    commune_code: null,
    dimension: null,
    category: null,
    value: 1,
    unit: "participants",
    status: derivation ? "derive" : "publie",
    derivation,
    quote: "q"
  });
  const rows = [
    row(2021, "plie.a"),
    row(2021, "plie.a_part", "plie.a[2021] / plie.ab[2021]"),
    row(2021, "plie.ab"),
    row(2022, "plie.b"),
    row(2023, "plie.c")
  ];
  const aliases: Alias[] = [
    {from: "plie.a", to: "plie.b", line: 2},
    {from: "plie.b", to: "plie.c", line: 3}
  ];

  it("follow a chain to the latest identifier, in formulas too (and no other identifier)", () => {
    expect(checkAliases(aliases, identifiersByEdition(rows), FILE)).toEqual([]);
    const renamed = applyAliases(rows, aliases);
    expect(renamed.map((r) => r.indicator)).toEqual(["plie.c", "plie.a_part", "plie.ab", "plie.c", "plie.c"]);
    expect(renamed[1].derivation).toBe("plie.c[2021] / plie.ab[2021]");
  });

  it("read an absent file as no alias", () => {
    expect(readAliases("/nonexistent/alias.csv", FILE)).toEqual({aliases: [], problems: []});
  });
});
