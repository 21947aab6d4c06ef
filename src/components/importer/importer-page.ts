// /donnees/importer: the import assistant in the page. The analyst drops the new report; the
// same library as `npm run edition -- propose` aligns it with the latest edition of the site; each
// proposal is reviewed beside its reference figure, unused numbers become rows, the build's
// validation runs on the accepted rows as the review goes, and the three files are downloaded.
// Nothing leaves the browser; the review is kept in localStorage (store.ts).
import {indicatorChoices} from "../../lib/edition/new-row.js";
import {type EditionProposals, proposeEdition} from "../../lib/edition/propose.js";
import {
  type ItemDecision,
  type ReviewState,
  decide,
  emptyReview,
  reviewedRows,
  textHash
} from "../../lib/edition/review.js";
import {
  type ReviewProblem,
  checkReview,
  coherenceText,
  indicatorsCsv,
  keptCoherence
} from "../../lib/edition/review-files.js";
import type {ReferenceData} from "../../lib/edition/reference-data.js";
import {el} from "../ui/dom.js";
import {checksPanel} from "./checks-panel.js";
import {reviewList} from "./review-list.js";
import {savePanel} from "./save-panel.js";
import {SourceError, readSource, sourceInput} from "./source-input.js";
import {type Session, clearReview, clearSession, loadReview, loadSession, saveReview, saveSession} from "./store.js";
import {unusedList} from "./unused-list.js";

const CHECK_DELAY_MS = 120;

export function importerPage(reference: ReferenceData): HTMLElement {
  const communes = new Map(reference.communes.map((c) => [c.code, c.nom]));
  const communeCodes = new Set(communes.keys());
  const indicators = indicatorChoices(reference.rows);
  const notice = el("div", {class: "importer-notice", role: "status"});
  const review = el("div", {class: "importer-body"});
  const source = sourceInput(
    reference.year + 1,
    (file) => void open(file),
    (year) => {
      if (year === undefined || year <= reference.year) {
        say(`L'année de la nouvelle édition suit celle de la référence (${reference.year}).`, true);
      } else if (session) void start({...session, year}, false);
    }
  );
  let session: Session | undefined;

  function say(message: string, error = false, ...extra: (Node | string)[]): void {
    notice.setAttribute("role", error ? "alert" : "status");
    notice.className = `importer-notice${error ? " importer-error" : ""}`;
    notice.replaceChildren(el("p", {}, message, ...extra));
  }

  async function open(file: File): Promise<void> {
    const year = source.year();
    if (year === undefined || year <= reference.year) {
      say(`Indiquez l'année de la nouvelle édition, après ${reference.year}.`, true);
      return;
    }
    say(`Lecture de ${file.name}…`);
    review.setAttribute("aria-busy", "true");
    try {
      const text = await readSource(file);
      await start({year, name: file.name, text}, false);
    } catch (error) {
      review.setAttribute("aria-busy", "false");
      // Whatever failed (a damaged PDF pdfjs cannot open, a full memory), the analyst reads why.
      const reason = error instanceof Error ? error.message : String(error);
      say(error instanceof SourceError ? reason : `${file.name} : lecture impossible (${reason})`, true);
    }
  }

  async function start(next: Session, resumed: boolean): Promise<void> {
    session = next;
    review.setAttribute("aria-busy", "true");
    const hash = await textHash(`${reference.year}\n${next.text}`);
    const kept = saveSession(next);
    const state = loadReview(next.year, hash);
    const result = proposeEdition(reference, {year: next.year, text: next.text});
    const {proposed, exact, reformule, absent} = result.summary;
    const message =
      `${resumed ? "Reprise de l'examen de" : "Rapport lu :"} « ${next.name} », édition ${next.year}. ` +
      `${proposed} chiffres proposés sur ${result.proposals.length} (${exact} identiques, ${reformule} reformulés, ` +
      `${absent} absents), ${result.unused.length} nombres non utilisés.` +
      (state && !resumed ? " L'examen commencé sur ce texte reprend où il en était." : "") +
      (kept ? "" : " Ce navigateur ne garde pas la progression : téléchargez les fichiers avant de fermer la page.");
    const forget = el("button", {type: "button"}, "Effacer cet examen");
    forget.addEventListener("click", () => {
      clearReview(next.year, hash);
      clearSession();
      session = undefined;
      review.replaceChildren();
      say("Examen effacé. Déposez un rapport pour recommencer.");
    });
    say(message, false, " ", forget);
    source.setYear(next.year);
    review.replaceChildren(reviewView(next, hash, result, state ?? emptyReview()));
    review.setAttribute("aria-busy", "false");
  }

  function reviewView(current: Session, hash: string, result: EditionProposals, initial: ReviewState): HTMLElement {
    let state = initial;
    const {proposals} = result;
    const checks = el("div", {"aria-busy": "false"});
    const added = el("div");
    let timer: ReturnType<typeof setTimeout> | undefined;
    let problemsByIndex = new Map<number, string[]>();
    const summary = el("span");
    const rows = () => reviewedRows(proposals, state);
    const coherence = () => keptCoherence(result.coherence, state.droppedRules);

    const commit = (next: ReviewState) => {
      state = next;
      saveReview(current.year, hash, state);
      list.update(state, problemsByIndex);
      drawAdded();
      checks.setAttribute("aria-busy", "true");
      clearTimeout(timer);
      timer = setTimeout(runChecks, CHECK_DELAY_MS);
    };
    const move = (to: number) => {
      commit({...state, cursor: Math.min(Math.max(0, to), proposals.length - 1)});
      list.focusCurrent();
    };
    const decided = (index: number, item: ItemDecision) => {
      commit({...decide(state, index, item), cursor: Math.min(index + 1, proposals.length - 1)});
      list.focusCurrent();
    };
    const list = reviewList(
      proposals,
      {
        referenceYear: reference.year,
        year: current.year,
        units: reference.rules.units,
        communes,
        referenceRows: reference.rows,
        decide: (index, decision) => decided(index, {decision}),
        correct: (index, edits) => decided(index, {decision: "corrige", edits})
      },
      move
    );

    const rowName = (problem: ReviewProblem) => {
      const source = problem.row;
      if (!source) return undefined;
      if (source.kind === "added") {
        const values = state.added[source.index]?.values;
        return values && `Ligne ajoutée « ${values.label} » (${values.indicator})`;
      }
      const values = proposals[source.index].values;
      const where = [values.indicator, communes.get(values.commune_code), values.category].filter(Boolean);
      return `« ${values.label} » (${where.join(", ")})`;
    };

    function runChecks(): void {
      const reviewed = rows();
      const problems = reviewed.length
        ? checkReview({
            year: current.year,
            text: current.text,
            rows: reviewed,
            coherence: coherence(),
            rules: reference.rules,
            communeCodes
          })
        : [];
      problemsByIndex = new Map();
      for (const p of problems) {
        if (p.row?.kind !== "proposal") continue;
        problemsByIndex.set(p.row.index, [...(problemsByIndex.get(p.row.index) ?? []), p.reason]);
      }
      list.update(state, problemsByIndex);
      summary.textContent = reviewed.length ? ` · ${problems.length} problème${problems.length > 1 ? "s" : ""}` : "";
      checks.replaceChildren(
        checksPanel(problems, {
          rowCount: reviewed.length,
          rowName,
          droppedRules: state.droppedRules,
          goTo: (problem) => problem.row && move(problem.row.index),
          dropRule: (id) => commit({...state, droppedRules: [...new Set([...state.droppedRules, id])]}),
          restoreRule: (id) => commit({...state, droppedRules: state.droppedRules.filter((r) => r !== id)})
        })
      );
      checks.setAttribute("aria-busy", "false");
    }

    function drawAdded(): void {
      if (!state.added.length) {
        added.replaceChildren(el("p", {}, "Aucune ligne ajoutée."));
        return;
      }
      const remove = (index: number) => commit({...state, added: state.added.filter((_, i) => i !== index)});
      added.replaceChildren(
        el(
          "ul",
          {class: "importer-added"},
          ...state.added.map(({values}, i) =>
            el(
              "li",
              {},
              el("strong", {}, values.label),
              ` — ${values.value} ${reference.rules.units[values.unit] ?? values.unit} (${values.indicator}) `,
              el("button", {type: "button", onclick: () => remove(i)}, "Retirer")
            )
          )
        )
      );
    }

    const unused = unusedList(result.unused, {
      year: current.year,
      text: current.text,
      indicators,
      units: reference.rules.units,
      communes: reference.communes,
      add: (row, index) => commit({...state, added: [...state.added, {values: row, unused: index}]})
    });
    const view = el(
      "div",
      {},
      el("p", {class: "importer-bar"}, list.counter, summary),
      el(
        "nav",
        {class: "importer-nav", "aria-label": "Étapes de l'examen"},
        el("a", {href: "#importer-propositions"}, "Propositions"),
        el("a", {href: "#importer-nombres"}, `Nombres non utilisés (${result.unused.length})`),
        el("a", {href: "#importer-ajouts"}, "Lignes ajoutées"),
        el("a", {href: "#importer-verifications"}, "Vérifications"),
        el("a", {href: "#importer-enregistrer"}, "Enregistrer")
      ),
      el("h2", {id: "importer-propositions"}, "Propositions"),
      list.element,
      el("h2", {id: "importer-nombres"}, "Nombres non utilisés"),
      el("p", {}, "Les nombres du nouveau rapport qu'aucune proposition ne reprend (dates, années et pages exclues)."),
      unused,
      el("h2", {id: "importer-ajouts"}, "Lignes ajoutées"),
      added,
      el("h2", {id: "importer-verifications"}, "Vérifications"),
      checks,
      el("h2", {id: "importer-enregistrer"}, "Enregistrer"),
      savePanel({
        year: current.year,
        indicators: () =>
          indicatorsCsv(
            rows().map((r) => r.values),
            reference.rules.columns
          ),
        text: () => current.text,
        coherence: () => coherenceText(coherence())
      })
    );
    list.update(state, problemsByIndex);
    drawAdded();
    runChecks();
    return view;
  }

  const page = el("div", {class: "importer"}, source.element, notice, review);
  const saved = loadSession();
  if (saved && saved.year > reference.year) void start(saved, true);
  return page;
}
