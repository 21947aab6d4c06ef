// npm run edition -- propose <année> <fichier.pdf | fichier.txt> [--reference <année>] [--out <dossier>] [--force]
// npm run edition -- accept <année> [--dir <dossier>]
// (see src/lib/build/edition-cli.ts and data/reports/README.md « Adding an edition »).
import {main} from "../src/lib/build/edition-cli.js";

process.exitCode = await main(process.argv.slice(2));
