// /programmes/<programme>: one page per programme (mission_locale is /programmes/mission-locale).
import {runLoader} from "../lib/build/loader.js";
import {pageMarkdown, pageParam} from "../lib/build/page-loader.js";
import {PROGRAMME_LABELS, programmeFromSlug} from "../lib/programmes.js";

await runLoader(() => {
  const programme = programmeFromSlug(pageParam("programme"));
  if (!programme) throw new Error(`programme inconnu : ${pageParam("programme")}`);
  return pageMarkdown(
    {title: PROGRAMME_LABELS[programme]},
    `
import {startEngine} from "../components/engine/db.js";
import {programmePage} from "../components/programme/programme-page.js";
const engine = startEngine();
const snapshot = await FileAttachment("../data/snapshot.json").json();
const prerendered = await FileAttachment("../data/lignes.json").json();
display(programmePage({programme: ${JSON.stringify(programme)}, engine, units: snapshot.units, prerendered, width}));
`
  );
});
