import {describe, expect, it} from "vitest";
import {keyword, significant, tokenize} from "../../../../src/lib/notebook/sql-tokens.js";

const kinds = (sql: string) => significant(tokenize(sql)).map((t) => `${t.type}:${t.text}`);

describe("tokenize", () => {
  it("splits words, numbers, punctuation and keeps positions", () => {
    const tokens = tokenize("SELECT a1, 2.5 FROM t;");
    expect(tokens.map((t) => t.text).join("")).toBe("SELECT a1, 2.5 FROM t;");
    expect(kinds("SELECT a1, 2.5 FROM t;")).toEqual([
      "word:SELECT",
      "word:a1",
      "punct:,",
      "number:2.5",
      "word:FROM",
      "word:t",
      "punct:;"
    ]);
  });

  it("does not see keywords or semicolons inside strings, quoted names and comments", () => {
    expect(kinds(`SELECT 'a;DROP' , "x;y" -- ; DELETE\n/* ; */ FROM t`)).toEqual([
      "word:SELECT",
      "string:'a;DROP'",
      "punct:,",
      'quoted:"x;y"',
      "word:FROM",
      "word:t"
    ]);
  });

  it("reads doubled quotes, escape strings, dollar quotes and nested comments", () => {
    expect(kinds("SELECT 'it''s', E'a\\'b', $$x;y$$, $t$;$t$ /* a /* b */ c */ ;")).toEqual([
      "word:SELECT",
      "string:'it''s'",
      "punct:,",
      "string:E'a\\'b'",
      "punct:,",
      "string:$$x;y$$",
      "punct:,",
      "string:$t$;$t$",
      "punct:;"
    ]);
  });

  it("ends an unterminated string at the end of the text", () => {
    expect(kinds("SELECT 'abc")).toEqual(["word:SELECT", "string:'abc"]);
  });

  it("reads accented identifiers as words", () => {
    expect(kinds("SELECT année FROM t")[1]).toBe("word:année");
    expect(keyword(tokenize("select")[0])).toBe("SELECT");
    expect(keyword(tokenize("'select'")[0])).toBe("");
  });
});
