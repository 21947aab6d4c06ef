// The commune reference table (data/communes/communes.csv): INSEE code, name, census population,
// area and centroid of the ten communes.
import {readFileSync} from "node:fs";
import {decodeUtf8, duplicateColumns, parseCsv, recordsToObjects, widthProblems} from "../csv.js";
import {DataError, type DataProblem, echo} from "../errors.js";
import {characterProblem} from "../validation/characters.js";
import {type CommuneRow} from "../schema.js";

const REQUIRED = ["code", "nom", "area_km2", "lon", "lat"];

/** Reads communes.csv; the population column is named after its census year (population_2020). */
export function readCommunes(path: string, display: string): CommuneRow[] {
  const table = parseCsv(decodeUtf8(readFileSync(path), display), display);
  const problems: DataProblem[] = duplicateColumns(table, display);
  const populationColumn = table.header.find((h) => /^population_\d{4}$/.test(h));
  for (const column of REQUIRED) {
    if (!table.header.includes(column))
      problems.push({file: display, line: 1, reason: `colonne manquante : ${column}`});
  }
  if (!populationColumn) problems.push({file: display, line: 1, reason: "colonne population_<année> manquante"});
  problems.push(...widthProblems(table, display));
  if (problems.length) throw new DataError(problems);
  const populationYear = Number(populationColumn!.slice("population_".length));
  const seen = new Map<string, number>();
  const rows = recordsToObjects(table).map(({line, values}) => {
    const problem = (reason: string) => problems.push({file: display, line, reason});
    // A number within [min, max] (exclusive bounds when `open`): a population of 0 or a latitude of
    // 500 is a typing slip that would draw the commune off the map or divide by zero.
    const number = (column: string, [min, max]: [number, number], {integer = false, open = false} = {}) => {
      const text = values[column].trim();
      const n = Number(text);
      if (text === "" || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
        problem(`${column} « ${echo(values[column])} » n'est pas un nombre${integer ? " entier" : ""}`);
      } else if (open ? n <= min || n > max : n < min || n > max) {
        const range = open ? `plus de ${min}, au plus ${max}` : `de ${min} à ${max}`;
        problem(`${column} ${text} hors des valeurs possibles (${range})`);
      }
      return n;
    };
    for (const column of ["code", "nom"]) {
      const refused = characterProblem(values[column].normalize("NFC"), column, true);
      if (refused) problem(refused);
    }
    const nom = values.nom.trim().normalize("NFC");
    if (!/^\d[\dAB]\d{3}$/.test(values.code)) problem(`code INSEE « ${echo(values.code)} » invalide`);
    if (seen.has(values.code)) problem(`code ${echo(values.code)} déjà présent ligne ${seen.get(values.code)}`);
    seen.set(values.code, line);
    if (!nom) problem("nom vide");
    return {
      code: values.code,
      nom,
      population: number(populationColumn!, [0, 1e8], {integer: true, open: true}),
      population_year: populationYear,
      area_km2: number("area_km2", [0, 1e5], {open: true}),
      lon: number("lon", [-180, 180]),
      lat: number("lat", [-90, 90])
    };
  });
  if (problems.length) throw new DataError(problems);
  return rows;
}
