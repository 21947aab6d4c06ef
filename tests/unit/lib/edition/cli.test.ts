// `npm run edition -- propose` on bad inputs: a French message naming the file and the reason,
// exit code 1, nothing written; and on a good one, the four files.
import {existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import PDFDocument from "pdfkit";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {run, tempDataRoot} from "./cli-harness.js";

let root: string;
let work: string;

function pdf(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument(options);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

let data: ReturnType<typeof tempDataRoot>;
beforeAll(() => {
  data = tempDataRoot("edition-cli-");
  root = data.root;
  work = join(root, "inputs");
  mkdirSync(work);
});

afterAll(() => data.remove());

const reports = () => join(root, "data/reports");

describe("edition propose: bad inputs", () => {
  it("refuses a file that is not a PDF", async () => {
    const file = join(work, "faux.pdf");
    writeFileSync(file, "bonjour, je ne suis pas un PDF");
    const {code, err} = await run("propose", "2023", file);
    expect(code).toBe(1);
    expect(err).toContain(file);
    expect(err).toContain("ce n'est pas un PDF");
    expect(existsSync(join(reports(), "2023"))).toBe(false);
  });

  it("refuses an empty file", async () => {
    const file = join(work, "vide.txt");
    writeFileSync(file, "");
    const {code, err} = await run("propose", "2023", file);
    expect(code).toBe(1);
    expect(err).toContain(`${file} : fichier vide`);
    expect(existsSync(join(reports(), "2023"))).toBe(false);
  });

  it("refuses an encrypted PDF", async () => {
    const file = join(work, "chiffre.pdf");
    writeFileSync(
      file,
      await pdf({userPassword: "secret", pdfVersion: "1.7"}, (doc) => doc.text("Rapport 2023 : 12 jeunes"))
    );
    const {code, err} = await run("propose", "2023", file);
    expect(code).toBe(1);
    expect(err).toContain(file);
    expect(err).toContain("chiffré");
    expect(existsSync(join(reports(), "2023"))).toBe(false);
  });

  it("refuses a scanned PDF (no text)", async () => {
    const file = join(work, "scan.pdf");
    writeFileSync(file, await pdf({}, (doc) => doc.rect(50, 50, 300, 400).fill("#888")));
    const {code, err} = await run("propose", "2023", file);
    expect(code).toBe(1);
    expect(err).toContain(file);
    expect(err).toContain("aucun texte");
    expect(existsSync(join(reports(), "2023"))).toBe(false);
  });

  it("refuses a year already imported, and an unknown reference", async () => {
    const file = join(work, "rapport.txt");
    writeFileSync(file, readFileSync("data/reports/2022/rapport.txt"));
    const before = readdirSync(join(reports(), "2022")).sort();
    const imported = await run("propose", "2022", file);
    expect(imported.code).toBe(1);
    expect(imported.err).toContain(join(reports(), "2022", "indicateurs.csv"));
    expect(imported.err).toContain("déjà importée");
    expect(readdirSync(join(reports(), "2022")).sort()).toEqual(before);
    const unknown = await run("propose", "2023", file, "--reference", "2019");
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain("2019");
    expect(unknown.err).toContain("inconnue");
    expect(existsSync(join(reports(), "2023"))).toBe(false);
  });
});

describe("edition propose: a good input", () => {
  it("writes the four files and prints a French summary", async () => {
    const file = join(work, "rapport-2023.txt");
    writeFileSync(file, readFileSync("data/reports/2022/rapport.txt", "utf-8").replace("27 425 hab.", "27 510 hab."));
    const out = join(root, "sortie");
    const {code, out: printed} = await run("propose", "2023", file, "--out", out);
    expect(code).toBe(0);
    expect(printed).toMatch(/chiffres proposés/);
    expect(readdirSync(out).sort()).toEqual([
      "coherence.json",
      "nombres-non-utilises.csv",
      "propositions.csv",
      "rapport.txt"
    ]);
    const csv = readFileSync(join(out, "propositions.csv"), "utf-8").split("\n");
    expect(csv[0]).toBe(
      "year,programme,section,indicator,label,commune_code,dimension,category,value,unit,status,derivation,quote," +
        "confidence,match,reference_value,reference_quote"
    );
    expect(csv[1]).toContain(
      "2021,territoire,Données clés du territoire,territoire.population,Population municipale (RP2021),59328,,,27 510"
    );
    expect(readFileSync(join(out, "coherence.json"), "utf-8")).toContain('"territoire.population[2021]"');
  });
});
