// The home page's blocks besides the headline figures: the map teaser and one card per programme.
import {editionInfo} from "../ui/edition.js";
import {formatNumber, withUnit} from "../../lib/format.js";
import {PROGRAMME_DESCRIPTIONS, isProgramme, programmeLabel} from "../../lib/programmes.js";
import {communeHref, mapHref, programmeHref} from "../../lib/routes.js";
import {choropleth} from "../map/choropleth.js";
import type {Territory} from "../../lib/territory.js";
import {el} from "../ui/dom.js";
import {HEADLINE_INDICATORS, TEASER_MAP} from "../../lib/editorial.js";
import {asyncBlock} from "../ui/async-block.js";
import type {Engine} from "../engine/db.js";
import {figureCards} from "./headline-card.js";
import {communePicker} from "../commune/commune-picker.js";
import {byCommuneName} from "../../lib/commune/search.js";
import {formatMapValue, legendTitle} from "../../lib/map/value-words.js";
import {fromSnapshot, type Snapshot} from "../../lib/queries/snapshot.js";
import {communeIndicators, headlines, mapValues, programmeCounts} from "../../lib/queries/index.js";

export function mapTeaser(territory: Territory, snapshot: Snapshot, width: number): HTMLElement {
  const indicator = fromSnapshot(snapshot, communeIndicators())?.find((i) => i.indicator === TEASER_MAP.indicator);
  if (!indicator) return el("p", {}, el("a", {href: mapHref()}, "Ouvrir la carte des communes"));
  const year = indicator.years[indicator.years.length - 1];
  const rows = fromSnapshot(snapshot, mapValues(indicator.indicator, year, TEASER_MAP.mode)) ?? [];
  const href = mapHref({indicator: indicator.indicator, mode: TEASER_MAP.mode, year});
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return el(
    "div",
    {class: "teaser"},
    choropleth({
      territory,
      values: rows,
      width: Math.min(width, 520),
      maxHeight: 420,
      format: (v) => formatNumber(v, 1),
      legendTitle: legendTitle(indicator.label, TEASER_MAP.mode, year),
      linkTo: communeHref,
      describe: (c) => {
        const value = byCode.get(c.code)?.value ?? null;
        return `${c.nom} : ${formatMapValue(value, TEASER_MAP.mode, indicator.unit, snapshot.units)}`;
      }
    }),
    el("p", {}, el("a", {href, class: "button-link"}, "Explorer la carte des dix communes\u00a0→"))
  );
}

/** « Votre commune » : the same selector as /carte's (accents, hyphens, « st » ignored), to its page. */
export function communeFinder(territory: Territory): HTMLElement {
  const communes = territory.communes.features
    .map((f) => ({code: f.properties.code, nom: f.properties.nom}))
    .sort(byCommuneName);
  const picker = communePicker({
    communes,
    label: "Ouvrir la fiche d’une commune",
    placeholder: "Ex. : marcq, st andre",
    id: "home-commune",
    onSelect: (code) => location.assign(communeHref(code))
  });
  picker.element.classList.add("home-commune-picker");
  return picker.element;
}

export function programmeCards(snapshot: Snapshot): HTMLElement {
  const counts = fromSnapshot(snapshot, programmeCounts()) ?? [];
  return el(
    "div",
    {class: "programme-cards"},
    counts.map((c) =>
      el(
        "a",
        {class: "programme-card", href: programmeHref(c.programme)},
        el("h3", {}, programmeLabel(c.programme)),
        el("p", {}, isProgramme(c.programme) ? PROGRAMME_DESCRIPTIONS[c.programme] : ""),
        el(
          "p",
          {class: "muted"},
          [
            withUnit(c.indicators, "indicateurs"),
            withUnit(c.figures, "chiffres"),
            withUnit(c.sections, "sections")
          ].join(" · ")
        )
      )
    ),
    el(
      "a",
      {class: "programme-card explorer-card", href: "/explorer"},
      el("h3", {}, "Explorateur SQL"),
      el(
        "p",
        {},
        "Posez vos propres questions aux données, en SQL, dans le navigateur ; partagez le carnet par un lien."
      ),
      el("p", {class: "muted"}, "Pour les analystes")
    )
  );
}

/** Everything under the introduction: the year in figures, the communes, the programmes. */
export function homeSections({
  territory,
  snapshot,
  engine,
  width
}: {
  territory: Territory;
  snapshot: Snapshot;
  engine: Promise<Engine>;
  width: number;
}): HTMLElement {
  const query = headlines(HEADLINE_INDICATORS);
  return el(
    "div",
    {class: "home"},
    el("h2", {}, `L’année ${editionInfo().latest} en chiffres`),
    asyncBlock(
      engine.then((db) => db.run(query)).then((rows) => figureCards(rows, snapshot.units)),
      {
        initial: figureCards(fromSnapshot(snapshot, query) ?? [], snapshot.units),
        label: "Chiffres clés"
      }
    ),
    el(
      "div",
      {class: "home-grid"},
      el(
        "section",
        {},
        el("h2", {}, "Les dix communes"),
        el(
          "p",
          {},
          "Participants au PLIE rapportés à la population : chaque commune a sa page, " +
            "avec tous ses chiffres comparés au territoire."
        ),
        communeFinder(territory),
        mapTeaser(territory, snapshot, width < 900 ? width : (width - 32) / 2)
      ),
      el("section", {}, el("h2", {}, "Les programmes"), programmeCards(snapshot))
    )
  );
}
