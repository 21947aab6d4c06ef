// The editor of a cell: CodeMirror 6; for SQL, highlighting and completion of the tables and
// columns the engine reports (named results included); for JavaScript, highlighting and
// completion of the cell's own names (@codemirror/lang-javascript); Markdown is plain text.
// Ctrl/Cmd+Entrée runs the cell.
import {basicSetup} from "codemirror";
import {EditorView, keymap, placeholder} from "@codemirror/view";
import {Compartment, EditorState, Prec} from "@codemirror/state";
import {PostgreSQL, sql, type SQLNamespace} from "@codemirror/lang-sql";
import {javascript} from "@codemirror/lang-javascript";
import {
  type Completion,
  type CompletionContext,
  type CompletionResult,
  closeCompletion
} from "@codemirror/autocomplete";

/** Table or view name → its columns, for completion. */
export type CompletionSchema = Record<string, string[]>;

export interface SqlEditor {
  dom: HTMLElement;
  view: EditorView;
  text(): string;
  setText(text: string): void;
  /** Replaces the selection with `text` (a table or column name from the schema panel). */
  insert(text: string): void;
  setSchema(schema: CompletionSchema): void;
  focus(): void;
  destroy(): void;
}

export interface SqlEditorOptions {
  doc: string;
  /** SQL and JavaScript get their language (highlighting, completion); Markdown is plain text. */
  language?: "sql" | "js" | "md";
  /** Id of the element that names the editor (« Requête SQL »). */
  labelledBy: string;
  describedBy?: string;
  schema: CompletionSchema;
  onRun(): void;
  onChange(): void;
  onFocus?(): void;
}

/** Column names anywhere (not only after `table.`), each saying which tables have it. */
function columnCompletions(schema: CompletionSchema) {
  const tablesOf = new Map<string, string[]>();
  for (const [table, columns] of Object.entries(schema)) {
    for (const column of columns) tablesOf.set(column, [...(tablesOf.get(column) ?? []), table]);
  }
  const options: Completion[] = [...tablesOf].map(([label, tables]) => ({
    label,
    type: "property",
    detail: tables.join(", "),
    boost: -1
  }));
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/[\p{L}_][\p{L}\p{N}_]*/u);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    // After a dot, the schema completion of lang-sql answers with that table's columns.
    if (context.state.sliceDoc(word.from - 1, word.from) === ".") return null;
    return {from: word.from, options, validFor: /^[\p{L}\p{N}_]*$/u};
  };
}

function language(schema: CompletionSchema) {
  const support = sql({dialect: PostgreSQL, schema: schema as SQLNamespace, upperCaseKeywords: true});
  return [support, support.language.data.of({autocomplete: columnCompletions(schema)})];
}

const PLACEHOLDERS = {
  sql: "SELECT * FROM indicators LIMIT 10",
  js: 'Plot.barY(participants, {x: "nom", y: "participants"}).plot()',
  md: "Le PLIE compte ${participants.length} communes…"
};

export function sqlEditor({
  doc,
  language: kind = "sql",
  labelledBy,
  describedBy,
  schema,
  onRun,
  onChange,
  onFocus
}: SqlEditorOptions): SqlEditor {
  const languageConf = new Compartment();
  const run = (target: EditorView) => {
    // The completion list would stay open over the result and the chart controls.
    closeCompletion(target);
    onRun();
    return true;
  };
  const view = new EditorView({
    state: EditorState.create({
      doc,
      extensions: [
        basicSetup,
        // Before the default keymap, where Mod-Enter inserts a blank line.
        Prec.highest(
          keymap.of([
            {key: "Mod-Enter", run},
            {key: "Shift-Enter", run}
          ])
        ),
        languageConf.of(kind === "sql" ? language(schema) : kind === "js" ? javascript() : []),
        placeholder(PLACEHOLDERS[kind]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          "aria-labelledby": labelledBy,
          ...(describedBy ? {"aria-describedby": describedBy} : {}),
          spellcheck: "false",
          autocapitalize: "off",
          autocorrect: "off",
          // A long cell scrolls inside its editor: its text is the keyboard's way in (a tab stop, as
          // contenteditable alone is not for every assistive tool).
          tabindex: "0"
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange();
          if (update.focusChanged && update.view.hasFocus) onFocus?.();
        })
      ]
    })
  });
  view.dom.classList.add("sql-editor");
  return {
    dom: view.dom,
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: text}});
    },
    insert(text) {
      const {from, to} = view.state.selection.main;
      // Keep words apart: « SELECT » + « programme » → « SELECT programme ».
      const before = view.state.sliceDoc(Math.max(0, from - 1), from);
      const insert = (before && /[\p{L}\p{N}_"]/u.test(before) ? " " : "") + text;
      view.dispatch({changes: {from, to, insert}, selection: {anchor: from + insert.length}, scrollIntoView: true});
    },
    setSchema(next) {
      if (kind === "sql") view.dispatch({effects: languageConf.reconfigure(language(next))});
    },
    focus: () => view.focus(),
    destroy: () => view.destroy()
  };
}
