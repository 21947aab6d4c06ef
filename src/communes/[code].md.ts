// /communes/<code INSEE>: one static page per commune (Framework parameterised route).
import {loadCommunes} from "../lib/datasets.js";
import {runLoader} from "../lib/loader.js";
import {pageMarkdown, pageParam} from "../lib/page-loader.js";

await runLoader(() => {
  const code = pageParam("code");
  const commune = loadCommunes().find((c) => c.code === code);
  if (!commune) throw new Error(`commune inconnue : ${code}`);
  return pageMarkdown(
    {title: commune.nom},
    `
import {communePage} from "../components/commune-page.js";
const snapshot = await FileAttachment("../data/snapshot.json").json();
const territory = await FileAttachment("../data/territoire.json").json();
display(communePage({code: ${JSON.stringify(code)}, snapshot, territory, width}));
`,
    ["../data/snapshot.json", "../data/territoire.json"]
  );
});
