// The build's validation, run on the accepted rows as the review goes: each problem in French with
// the row or the consistency rule it is about (its id and description), a way to reach the row,
// and for a rule, to leave it out of coherence.json (or put it back).
import type {ReviewProblem} from "../../lib/edition/review-files.js";
import {el} from "../ui/dom.js";

export interface ChecksContext {
  rowCount: number;
  /** A reviewed row's name: « Participants (plie.participants) ». */
  rowName(problem: ReviewProblem): string | undefined;
  goTo(problem: ReviewProblem): void;
  dropRule(id: string): void;
  restoreRule(id: string): void;
  droppedRules: string[];
}

function problemItem(problem: ReviewProblem, context: ChecksContext): HTMLElement {
  const name = context.rowName(problem);
  if (problem.rule) {
    const {id, description} = problem.rule;
    return el(
      "li",
      {},
      el("strong", {}, `Règle de cohérence « ${id} »`),
      description ? ` (${description})` : "",
      ` : ${problem.reason} `,
      el("button", {type: "button", onclick: () => context.dropRule(id)}, "Retirer cette règle de coherence.json")
    );
  }
  if (name) {
    return el(
      "li",
      {},
      el("strong", {}, name),
      ` : ${problem.reason} `,
      problem.row?.kind === "proposal"
        ? el("button", {type: "button", onclick: () => context.goTo(problem)}, "Voir la proposition")
        : null
    );
  }
  const where = `${problem.file}${problem.line === undefined ? "" : `:${problem.line}`}`;
  return el("li", {}, el("strong", {}, where), ` : ${problem.reason}`);
}

export function checksPanel(problems: ReviewProblem[], context: ChecksContext): HTMLElement {
  const dropped = context.droppedRules.length
    ? el(
        "div",
        {},
        el("p", {}, "Règles retirées de coherence.json :"),
        el(
          "ul",
          {},
          ...context.droppedRules.map((id) =>
            el(
              "li",
              {},
              `« ${id} » `,
              el("button", {type: "button", onclick: () => context.restoreRule(id)}, "Remettre")
            )
          )
        )
      )
    : null;
  if (context.rowCount === 0)
    return el("div", {}, el("p", {class: "importer-check-none"}, "Aucune ligne acceptée pour l'instant."), dropped);
  if (!problems.length) {
    return el(
      "div",
      {},
      el(
        "p",
        {class: "importer-check-ok"},
        `Aucun problème : les ${context.rowCount} lignes acceptées passent les règles de validation du site.`
      ),
      dropped
    );
  }
  const count = `${problems.length} problème${problems.length > 1 ? "s" : ""}`;
  return el(
    "div",
    {},
    el("p", {class: "importer-check-bad"}, `${count} : le site refuserait ces fichiers (npm run check:data).`),
    el("ul", {class: "importer-problems"}, ...problems.map((p) => problemItem(p, context))),
    dropped
  );
}
