// Every proposal as a card, reviewed from the keyboard: j / ↓ and k / ↑ move, a accepts, c opens
// the correction, r rejects (the buttons of each card do the same); a counter says how far the
// review is. Only the current card is in the tab order (a roving tabindex).
import type {Proposal} from "../../lib/edition/propose.js";
import {type ReviewState, progress} from "../../lib/edition/review.js";
import {el} from "../ui/dom.js";
import {type CardContext, type ProposalCard, proposalCard} from "./proposal-card.js";

export interface ReviewList {
  element: HTMLElement;
  /** The progress counter, for the page to place (a sticky bar). */
  counter: HTMLElement;
  /** Redraws the cards whose decision or problems changed, the counter and the current card. */
  update(state: ReviewState, problems: Map<number, string[]>): void;
  focusCurrent(): void;
}

function typing(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest("input, textarea, select, [contenteditable]") !== null;
}

export function reviewList(
  proposals: Proposal[],
  context: Omit<CardContext, "select">,
  move: (to: number) => void
): ReviewList {
  let cursor = 0;
  const cards: ProposalCard[] = proposals.map((p, i) =>
    proposalCard(p, i, {...context, select: (index) => index !== cursor && move(index)})
  );
  const counter = el("span", {class: "importer-progress", role: "status"});
  const list = el("ol", {class: "importer-cards", "aria-label": "Propositions"}, ...cards.map((c) => c.element));
  const element = el(
    "div",
    {class: "importer-review"},
    el(
      "p",
      {class: "importer-hint", id: "importer-keys"},
      "Au clavier : ",
      el("kbd", {}, "j"),
      " ou ",
      el("kbd", {}, "↓"),
      " proposition suivante, ",
      el("kbd", {}, "k"),
      " ou ",
      el("kbd", {}, "↑"),
      " précédente, ",
      el("kbd", {}, "a"),
      " accepter, ",
      el("kbd", {}, "c"),
      " corriger, ",
      el("kbd", {}, "r"),
      " rejeter."
    ),
    list
  );
  list.setAttribute("aria-describedby", "importer-keys");

  list.addEventListener("keydown", (e) => {
    if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    const actions: Record<string, () => void> = {
      j: () => move(cursor + 1),
      ArrowDown: () => move(cursor + 1),
      k: () => move(cursor - 1),
      ArrowUp: () => move(cursor - 1),
      a: () => context.decide(cursor, "accepte"),
      r: () => context.decide(cursor, "rejete"),
      c: () => cards[cursor]?.openCorrection()
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  });

  const shown = new Map<number, string>();
  return {
    element,
    counter,
    focusCurrent() {
      const card = cards[cursor]?.element;
      card?.focus({preventScroll: true});
      card?.scrollIntoView({block: "nearest"});
    },
    update(state, problems) {
      const {total, reviewed, accepted, corrected, rejected} = progress(state, proposals.length);
      counter.textContent =
        `${reviewed} / ${total} examinées — ${accepted} acceptée${accepted > 1 ? "s" : ""}, ` +
        `${corrected} corrigée${corrected > 1 ? "s" : ""}, ${rejected} rejetée${rejected > 1 ? "s" : ""}`;
      cards.forEach((card, i) => {
        const item = state.decisions[i];
        const reasons = problems.get(i) ?? [];
        const signature = JSON.stringify([item, reasons]);
        if (shown.get(i) === signature) return;
        shown.set(i, signature);
        card.update(item, reasons);
      });
      cards[cursor]?.element.setAttribute("tabindex", "-1");
      cards[cursor]?.element.classList.remove("importer-current");
      cursor = state.cursor;
      cards[cursor]?.element.setAttribute("tabindex", "0");
      cards[cursor]?.element.classList.add("importer-current");
    }
  };
}
