// A report's text as a sequence of tokens (words, numbers, « % », « € ») that remember where they
// are in the original text, so that a passage found by matching tokens can be quoted verbatim and
// its numbers located by line. Numbers become slots (key « # ») so that passages whose figures
// changed still compare equal.
import {findFrenchNumbers} from "../french-number.js";
import {SPACE_CLASS, foldForSearch} from "../text.js";

export interface Token {
  kind: "word" | "number" | "symbol";
  /** What alignment compares: folded word, the symbol itself, « # » and the next word for a number. */
  key: string;
  /** Original start and end offsets in the text. */
  start: number;
  end: number;
  /** 1-based line of the token's start. */
  line: number;
  /** For a number: its value, and its text as printed (line breaks inside it written as one space). */
  value?: number;
  printed?: string;
}

export interface TokenizedText {
  text: string;
  tokens: Token[];
  /** Offset where each line starts (index 0 = line 1). */
  lineStarts: number[];
}

const SPACES = new RegExp(`[${SPACE_CLASS}]`, "u");
// A scale word may follow its number on the next line (« 2,8 \n millions d’euros »).
const SCALE_ONLY = /^(millions?|milliards?|Md|K|M|k)$/u;

/** The text with every run of spaces written as one " ", and the original offset of each char. */
function collapse(text: string): {flat: string; origin: number[]} {
  let flat = "";
  const origin: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (SPACES.test(c)) {
      if (!inSpace) {
        flat += " ";
        origin.push(i);
      }
      inSpace = true;
    } else {
      flat += c;
      origin.push(i);
      inSpace = false;
    }
  }
  return {flat, origin};
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

/** 1-based line of an offset (binary search over line starts). */
export function lineOf(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

interface NumberSpan {
  start: number;
  end: number;
  value: number;
  printed: string;
}

/**
 * Numbers of the text. They are read on the text with spaces collapsed (so that « 2,8 ⏎ millions »
 * reads as one figure), but a number never continues across a line break otherwise: two figures on
 * consecutive lines of an infographic (« 12 ⏎ 195 ») stay two figures.
 */
function numbersOf(text: string): NumberSpan[] {
  const {flat, origin} = collapse(text);
  const spans: NumberSpan[] = [];
  for (const token of findFrenchNumbers(flat)) {
    const start = origin[token.index];
    const end = origin[token.index + token.text.length - 1] + 1;
    const raw = text.slice(start, end);
    if (!raw.includes("\n")) {
      spans.push({start, end, value: token.value, printed: raw});
      continue;
    }
    const pieces = raw.split(/[^\S\n]*\n\s*/u);
    const last = pieces[pieces.length - 1];
    if (pieces.length === 2 && SCALE_ONLY.test(last)) {
      spans.push({start, end, value: token.value, printed: `${pieces[0]} ${last}`});
      continue;
    }
    // Read each line's piece on its own.
    let offset = start;
    for (const piece of raw.split("\n")) {
      for (const inner of findFrenchNumbers(piece)) {
        const innerStart = offset + inner.index;
        spans.push({start: innerStart, end: innerStart + inner.text.length, value: inner.value, printed: inner.text});
      }
      offset += piece.length + 1;
    }
  }
  return spans;
}

const WORD = /[\p{L}\p{N}]+|[%€]/gu;

/** Folds a word for comparison: lower case, no accents, ligatures spelled out. */
export function foldWord(word: string): string {
  return foldForSearch(word);
}

/** Tokenizes a text; words cut by a hyphen at a line end (« Préfor- ⏎ mation ») are joined. */
export function tokenize(text: string): TokenizedText {
  const lineStarts = lineStartsOf(text);
  const numbers = numbersOf(text);
  const tokens: Token[] = [];
  const pushWords = (from: number, to: number) => {
    for (const match of text.slice(from, to).matchAll(WORD)) {
      const start = from + match.index;
      const word = match[0];
      const symbol = word === "%" || word === "€";
      tokens.push({
        kind: symbol ? "symbol" : "word",
        key: symbol ? word : foldWord(word),
        start,
        end: start + word.length,
        line: lineOf(lineStarts, start)
      });
    }
  };
  let cursor = 0;
  for (const n of numbers) {
    pushWords(cursor, n.start);
    tokens.push({
      kind: "number",
      key: "#",
      start: n.start,
      end: n.end,
      line: lineOf(lineStarts, n.start),
      value: n.value,
      printed: n.printed
    });
    cursor = n.end;
  }
  pushWords(cursor, text.length);
  const joined = joinHyphenated(text, tokens);
  // A slot is keyed with the word that follows it in the same paragraph (« #offres », « #% »): a
  // figure pairs with a figure of the same thing, not with any number the longest common subsequence
  // finds on its way, nor with the figure of the box above (« … d’été. ⏎ 17 ⏎⏎ jeunes … »).
  joined.forEach((t, i) => {
    const next = joined[i + 1];
    if (t.kind === "number" && next && next.kind !== "number" && !/\n[^\S\n]*\n/u.test(text.slice(t.end, next.start))) {
      t.key = `#${next.key}`;
    }
  });
  return {text, tokens: joined, lineStarts};
}

function joinHyphenated(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    const previous = out[out.length - 1];
    if (previous && previous.kind === "word" && token.kind === "word" && /^\p{Ll}/u.test(text[token.start])) {
      const gap = text.slice(previous.end, token.start);
      if (/^-[^\S\n]*\n\s*$/u.test(gap)) {
        out[out.length - 1] = {...previous, key: previous.key + token.key, end: token.end};
        continue;
      }
    }
    out.push(token);
  }
  return out;
}

/** The text between two offsets as one line: what a quote of that passage is. */
export function quoteOf(text: string, start: number, end: number): string {
  return text
    .slice(start, end)
    .replace(new RegExp(`[${SPACE_CLASS}]+`, "gu"), " ")
    .trim();
}

/**
 * Whether a key of a quote matches a key of the text: any slot matches any slot (a quote's last
 * figure has no next word in the quote, and a quote joins a figure to its label across a blank line).
 */
export function sameKey(quoteKey: string, textKey: string): boolean {
  return quoteKey === textKey || (quoteKey[0] === "#" && textKey[0] === "#");
}
