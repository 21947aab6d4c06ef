// reference-edition.json: the latest edition (text, rows, consistency rules), the rules and the
// communes, for the import review page (/donnees/importer), which proposes the next edition from it.
import {runLoader} from "../lib/build/loader.js";
import {referenceEdition} from "../lib/build/reference-edition.js";

await runLoader(() => JSON.stringify(referenceEdition()));
