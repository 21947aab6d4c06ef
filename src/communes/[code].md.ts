// /communes/<code INSEE>: one static page per commune (Framework parameterised route).
import {loadCommunes} from "../lib/build/datasets.js";
import {runLoader} from "../lib/build/loader.js";
import {pageMarkdown, pageParam} from "../lib/build/page-loader.js";

await runLoader(() => {
  const code = pageParam("code");
  const commune = loadCommunes().find((c) => c.code === code);
  if (!commune) throw new Error(`commune inconnue : ${code}`);
  return pageMarkdown(
    {title: commune.nom},
    `
import {communePage} from "../components/commune/commune-page.js";
const snapshot = await FileAttachment("../data/snapshot.json").json();
const territory = await FileAttachment("../data/territoire.json").json();
display(communePage({code: ${JSON.stringify(code)}, snapshot, territory, width}));
`,
    ["../data/snapshot.json", "../data/territoire.json"]
  );
});
