// The commune chart of the explorer drawn with the site's map component: each commune coloured by
// the result's number, over its neighbours, each a link to the commune's page.
import {el} from "../ui/dom.js";
import {choropleth} from "../map/choropleth.js";
import type {Territory} from "../../lib/territory.js";
import {formatNumber} from "../../lib/format.js";
import {communeData} from "../../lib/notebook/chart-data.js";
import type {ChartRenderer} from "./chart-renderers.js";

export function communeMapRenderer(territory: Promise<Territory>): ChartRenderer {
  return async ({spec, rows, width, communeNames}) => {
    const shapes = await territory;
    const onMap = new Set(shapes.communes.features.map((f) => f.properties.code));
    const {data, summed} = communeData(rows, spec, communeNames);
    const values = data.filter((d) => onMap.has(d.code));
    const outside = data.length - values.length;
    const format = (value: number) => formatNumber(value, 2);
    const words = (value: number | null | undefined) => (value === null || value === undefined ? "pas de valeur dans le résultat" : `${format(value)} (${spec.y})`);
    const node = choropleth({
      territory: shapes,
      values,
      width,
      maxHeight: 480,
      format,
      legendTitle: spec.y,
      describe: (commune, value) => `${commune.nom} : ${words(value?.value)}`,
      tooltip: (commune, value) => [el("strong", {}, commune.nom), words(value?.value)]
    });
    const caption =
      `${spec.y} par commune${summed ? ` (valeurs additionnées par ${spec.x})` : ""}` +
      (outside ? ` — ${outside} code${outside > 1 ? "s" : ""} hors des dix communes, absent${outside > 1 ? "s" : ""} de la carte` : "");
    return {node, caption};
  };
}
