import {describe, expect, it} from "vitest";
import {type NotebookDocument, jsCell, mdCell, sqlCell} from "../../../../src/lib/notebook/notebook.js";
import {
  base64UrlDecode,
  base64UrlEncode,
  decodeNotebook,
  encodeNotebook,
  notebookSearch
} from "../../../../src/lib/notebook/url-state.js";
import {EXAMPLES} from "../../../../src/lib/notebook/examples.js";

const doc: NotebookDocument = {
  cells: [
    sqlCell("-- name: participants\nSELECT commune_code, value FROM indicators WHERE indicator = 'plie.participants'"),
    sqlCell("SELECT * FROM participants -- « é » 🚀", {kind: "bar", x: "commune_code", y: "value"}),
    jsCell("const t = participants_aq.derive({x: (d) => d.value * 2});"),
    mdCell("**${t.numRows()}** communes")
  ]
};

describe("base64url", () => {
  it("round-trips any bytes with URL-safe characters only", () => {
    const bytes = Uint8Array.from({length: 300}, (_, i) => (i * 37) % 256);
    const text = base64UrlEncode(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(base64UrlDecode(text)).toEqual(bytes);
  });
});

describe("notebook in the URL", () => {
  it("round-trips a notebook, compressed", async () => {
    const param = await encodeNotebook(doc);
    expect(param).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeNotebook(param)).toEqual(doc);
  });

  it("is shorter than the JSON for a real example", async () => {
    const example = EXAMPLES[0].notebook;
    expect((await encodeNotebook(example)).length).toBeLessThan(JSON.stringify(example).length);
  });

  it("opens a link made before JavaScript cells (v1) unchanged", async () => {
    // The JSON of a v1 link, compressed as the first explorer did.
    const v1 = {v: 1, cells: [{sql: "SELECT 1"}, {sql: "SELECT 2", chart: {kind: "none"}}]};
    const bytes = new TextEncoder().encode(JSON.stringify(v1));
    const compressed = new Uint8Array(
      await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer()
    );
    expect(await decodeNotebook(base64UrlEncode(compressed))).toEqual({
      cells: [sqlCell("SELECT 1"), sqlCell("SELECT 2", {kind: "none"})]
    });
  });

  it("keeps the page's other parameters", async () => {
    const search = await notebookSearch(doc, "?x=1&n=old");
    const params = new URLSearchParams(search);
    expect(params.get("x")).toBe("1");
    expect(await decodeNotebook(params.get("n")!)).toEqual(doc);
  });

  it("says in French when a link is damaged", async () => {
    const param = await encodeNotebook(doc);
    await expect(decodeNotebook(param.slice(0, 10))).rejects.toThrow(/abîmé/);
    await expect(decodeNotebook("a b")).rejects.toThrow(/caractères/);
    await expect(
      decodeNotebook(
        base64UrlEncode(
          new Uint8Array(
            await new Response(
              new Blob(["{}"]).stream().pipeThrough(new CompressionStream("deflate-raw"))
            ).arrayBuffer()
          )
        )
      )
    ).rejects.toThrow(/cellules/);
  });

  it("refuses a link that inflates beyond reason", async () => {
    const huge = new TextEncoder().encode(JSON.stringify({cells: [{sql: " ".repeat(3_000_000)}]}));
    const compressed = new Uint8Array(
      await new Response(new Blob([huge]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer()
    );
    await expect(decodeNotebook(base64UrlEncode(compressed))).rejects.toThrow(/volumineux/);
  });
});
