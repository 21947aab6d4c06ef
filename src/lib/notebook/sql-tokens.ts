// A small SQL tokenizer: enough to find statement boundaries, leading keywords and comment
// directives without being fooled by strings, quoted names or comments. DuckDB still parses.

export type TokenType = "word" | "quoted" | "string" | "number" | "punct" | "comment" | "space";

export interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;

/** Index just past a quoted run that starts at `start` with `quote`; a doubled quote is literal. */
function skipQuoted(text: string, start: number, quote: string, backslash = false): number {
  let i = start + 1;
  while (i < text.length) {
    if (backslash && text[i] === "\\") i += 2;
    else if (text[i] === quote && text[i + 1] === quote) i += 2;
    else if (text[i] === quote) return i + 1;
    else i++;
  }
  return text.length; // unterminated: DuckDB will say so
}

/** Index just past a block comment; PostgreSQL-style comments nest. */
function skipBlockComment(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    if (text.startsWith("/*", i)) {
      depth++;
      i += 2;
    } else if (text.startsWith("*/", i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return text.length;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (type: TokenType, end: number) => {
    tokens.push({type, text: text.slice(i, end), start: i, end});
    i = end;
  };
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j])) j++;
      push("space", j);
    } else if (text.startsWith("--", i)) {
      // DuckDB ends a line comment at \n or \r: so must we, or « --x\rDROP … » would hide a statement.
      const end = text.slice(i).search(/[\r\n]/);
      push("comment", end === -1 ? text.length : i + end);
    } else if (text.startsWith("/*", i)) {
      push("comment", skipBlockComment(text, i));
    } else if (c === "'") {
      push("string", skipQuoted(text, i, "'"));
    } else if ((c === "E" || c === "e") && text[i + 1] === "'") {
      push("string", skipQuoted(text, i + 1, "'", true));
    } else if (c === '"') {
      push("quoted", skipQuoted(text, i, '"'));
    } else if (c === "$" && /^\$([A-Za-z_]\w*)?\$/.test(text.slice(i, i + 64))) {
      const tag = /^\$([A-Za-z_]\w*)?\$/.exec(text.slice(i, i + 64))![0];
      const close = text.indexOf(tag, i + tag.length);
      push("string", close === -1 ? text.length : close + tag.length);
    } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      let j = i + 1;
      while (j < text.length && /[0-9._eE]/.test(text[j])) j++;
      push("number", j);
    } else if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < text.length && WORD_PART.test(text[j])) j++;
      push("word", j);
    } else {
      push("punct", i + 1);
    }
  }
  return tokens;
}

/** Tokens that carry meaning (no spaces, no comments). */
export function significant(tokens: Token[]): Token[] {
  return tokens.filter((t) => t.type !== "space" && t.type !== "comment");
}

/** A word token's keyword form (upper case), or "" for any other token. */
export function keyword(token: Token | undefined): string {
  return token?.type === "word" ? token.text.toUpperCase() : "";
}
