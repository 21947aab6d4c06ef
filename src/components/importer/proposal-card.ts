// One proposal beside its reference figure: last edition's value and passage, the new passage with
// the figure marked, how it was found (match kind, confidence), the decision and its buttons, and
// the correction form (value or formula, and passage).
import type {Proposal} from "../../lib/edition/propose.js";
import {type ItemDecision, decidedValues} from "../../lib/edition/review.js";
import {formatPercent} from "../../lib/format.js";
import {el} from "../ui/dom.js";
import {passage} from "./passage.js";

export const MATCH_LABELS: Record<Proposal["match"], string> = {
  exact: "passage identique",
  reformule: "passage reformulé",
  absent: "absent du nouveau rapport"
};

const DECISION_LABELS = {accepte: "acceptée", corrige: "corrigée", rejete: "rejetée"} as const;

export interface CardContext {
  referenceYear: number;
  year: number;
  units: Record<string, string>;
  communes: Map<string, string>;
  /** The reference edition's rows: proposal n is row n's. */
  referenceRows: Record<string, string>[];
  decide(index: number, decision: "accepte" | "rejete"): void;
  correct(index: number, edits: NonNullable<ItemDecision["edits"]>): void;
  /** The card was clicked or focused: it becomes the current one. */
  select(index: number): void;
}

export interface ProposalCard {
  element: HTMLLIElement;
  update(item: ItemDecision | undefined, problems: string[]): void;
  /** Opens the correction form and focuses its first field. */
  openCorrection(): void;
}

function describe(values: Record<string, string>, communes: Map<string, string>): string {
  const parts = [values.indicator];
  if (values.commune_code) parts.push(communes.get(values.commune_code) ?? values.commune_code);
  if (values.dimension) parts.push(`${values.dimension} : ${values.category}`);
  parts.push(`année décrite : ${values.year}`);
  return parts.join(" · ");
}

function figure(values: Record<string, string>, units: Record<string, string>): HTMLElement {
  const unit = units[values.unit] ?? values.unit;
  if (values.status === "derive")
    return el("p", {class: "importer-figure"}, "calculée : ", el("code", {}, values.derivation));
  return el("p", {class: "importer-figure"}, values.value ? `${values.value} ${unit}` : "aucune valeur");
}

export function proposalCard(proposal: Proposal, index: number, context: CardContext): ProposalCard {
  const titleId = `proposition-${index}`;
  const derived = proposal.values.status === "derive";
  const status = el("span", {class: "importer-decision"});
  const newSide = el("div", {class: "importer-side importer-new"});
  const problemList = el("ul", {class: "importer-card-problems"});
  const button = (label: string, key: string, action: () => void) =>
    el("button", {type: "button", onclick: action, "aria-keyshortcuts": key}, label, " ", el("kbd", {}, key));
  const field = derived ? "derivation" : "value";
  const figureInput = el("input", {type: "text", id: `${titleId}-${field}`, autocomplete: "off"});
  const quoteInput = el("textarea", {id: `${titleId}-quote`, rows: 3});
  const form = el(
    "form",
    {class: "importer-correct", hidden: true},
    el("p", {}, el("label", {for: figureInput.id}, derived ? "Formule" : "Valeur, comme imprimée"), figureInput),
    el("p", {}, el("label", {for: quoteInput.id}, "Passage du nouveau rapport"), quoteInput),
    el(
      "p",
      {class: "importer-buttons"},
      el("button", {type: "submit"}, "Enregistrer la correction"),
      el("button", {type: "button", onclick: () => closeCorrection()}, "Annuler")
    )
  );
  const element = el(
    "li",
    {
      class: "importer-card",
      tabindex: -1,
      "aria-labelledby": titleId,
      "data-index": index,
      "data-match": proposal.match
    },
    el(
      "div",
      {class: "importer-card-head"},
      el("h3", {id: titleId}, proposal.values.label),
      el("p", {class: "importer-meta"}, describe(proposal.values, context.communes)),
      el(
        "p",
        {class: "importer-badges"},
        el("span", {class: `importer-match importer-match-${proposal.match}`}, MATCH_LABELS[proposal.match]),
        el("span", {}, `confiance ${formatPercent(proposal.confidence * 100, 0)}`),
        status
      )
    ),
    el(
      "div",
      {class: "importer-sides"},
      el(
        "div",
        {class: "importer-side importer-reference"},
        el("h4", {}, `Rapport ${context.referenceYear}`),
        figure(context.referenceRows[index] ?? {...proposal.values, value: proposal.reference_value}, context.units),
        passage(proposal.reference_quote, proposal.reference_value)
      ),
      newSide
    ),
    problemList,
    el(
      "p",
      {class: "importer-buttons"},
      button("Accepter", "a", () => context.decide(index, "accepte")),
      button("Corriger", "c", () => openCorrection()),
      button("Rejeter", "r", () => context.decide(index, "rejete"))
    ),
    form
  );
  element.addEventListener("focusin", () => context.select(index));
  let current: Record<string, string> = proposal.values;

  function openCorrection(): void {
    figureInput.value = current[field] ?? "";
    quoteInput.value = current.quote ?? "";
    form.hidden = false;
    figureInput.focus();
    figureInput.select();
  }
  function closeCorrection(): void {
    form.hidden = true;
    element.focus();
  }
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    form.hidden = true;
    context.correct(index, {[field]: figureInput.value.trim(), quote: quoteInput.value.trim()});
  });
  form.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      closeCorrection();
    }
  });

  return {
    element,
    openCorrection,
    update(item, problems) {
      current = item ? decidedValues(proposal, item) : proposal.values;
      element.dataset.decision = item?.decision ?? "";
      status.textContent = item ? DECISION_LABELS[item.decision] : "à examiner";
      const where = proposal.line === undefined ? "" : ` (ligne ${proposal.line})`;
      newSide.replaceChildren(
        el("h4", {}, `Rapport ${context.year}${where}`),
        figure(current, context.units),
        passage(current.quote, derived ? "" : current.value)
      );
      problemList.replaceChildren(...problems.map((p) => el("li", {}, p)));
    }
  };
}
