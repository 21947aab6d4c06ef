// The commune reference table (data/communes/communes.csv): INSEE code, name, census population,
// area and centroid of the ten communes.
import {readFileSync} from "node:fs";
import {decodeUtf8, parseCsv, recordsToObjects, widthProblems} from "../csv.js";
import {DataError, type DataProblem} from "../errors.js";
import {type CommuneRow} from "../schema.js";

const REQUIRED = ["code", "nom", "area_km2", "lon", "lat"];

/** Reads communes.csv; the population column is named after its census year (population_2020). */
export function readCommunes(path: string, display: string): CommuneRow[] {
  const table = parseCsv(decodeUtf8(readFileSync(path), display), display);
  const problems: DataProblem[] = [];
  const populationColumn = table.header.find((h) => /^population_\d{4}$/.test(h));
  for (const column of REQUIRED) {
    if (!table.header.includes(column)) problems.push({file: display, line: 1, reason: `colonne manquante : ${column}`});
  }
  if (!populationColumn) problems.push({file: display, line: 1, reason: "colonne population_<année> manquante"});
  problems.push(...widthProblems(table, display));
  if (problems.length) throw new DataError(problems);
  const populationYear = Number(populationColumn!.slice("population_".length));
  const seen = new Map<string, number>();
  const rows = recordsToObjects(table).map(({line, values}) => {
    const problem = (reason: string) => problems.push({file: display, line, reason});
    const number = (column: string, integer = false) => {
      const n = Number(values[column]);
      if (values[column] === "" || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
        problem(`${column} « ${values[column]} » n'est pas un nombre${integer ? " entier" : ""}`);
      }
      return n;
    };
    if (!/^\d[\dAB]\d{3}$/.test(values.code)) problem(`code INSEE « ${values.code} » invalide`);
    if (seen.has(values.code)) problem(`code ${values.code} déjà présent ligne ${seen.get(values.code)}`);
    seen.set(values.code, line);
    if (!values.nom?.trim()) problem("nom vide");
    return {
      code: values.code,
      nom: values.nom.trim(),
      population: number(populationColumn!, true),
      population_year: populationYear,
      area_km2: number("area_km2"),
      lon: number("lon"),
      lat: number("lat")
    };
  });
  if (problems.length) throw new DataError(problems);
  return rows;
}
