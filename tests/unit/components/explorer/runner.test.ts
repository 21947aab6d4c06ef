// The explorer's runner on DuckDB for Node holding the real tables: the session lockdown, the
// rolled-back transaction around every cell, named results as views, caps and cancellation.
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Engine} from "../../../../src/components/engine/db.js";
import {Runner, Ticket} from "../../../../src/components/explorer/runner.js";
import {loadTables} from "../../../../src/lib/build/datasets.js";
import {Warehouse} from "../../../../src/lib/build/warehouse.js";

let warehouse: Warehouse;
const log: string[] = [];
let runner: Runner;

/** The browser engine's contract, answered by DuckDB for Node. */
function engineOver(w: Warehouse): Engine {
  const sql = async <Row>(text: string) => {
    log.push(text);
    const rows = (await w.query(text)) as Row[];
    return {rows, columns: rows.length ? Object.keys(rows[0] as object).map((name) => ({name, type: "Float64"})) : []};
  };
  return {sql, run: async () => [], cancel: async () => false, tables: []} as unknown as Engine;
}

beforeAll(async () => {
  const tables = loadTables();
  warehouse = await Warehouse.create([tables.indicators, tables.communes]);
  runner = new Runner(Promise.resolve(engineOver(warehouse)));
  await runner.ready;
});
afterAll(() => warehouse.close());

const count = async (table: string) => (await warehouse.query<{n: number}>(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0].n;

describe("Runner", () => {
  it("locks the session before any query: no files, no network, no settings changed back", async () => {
    expect(log.slice(0, 4)).toEqual([
      "SET enable_external_access = false",
      "SET autoinstall_known_extensions = false",
      "SET autoload_known_extensions = false",
      "SET lock_configuration = true"
    ]);
    await expect(warehouse.query("SET enable_external_access = true")).rejects.toThrow(/locked/);
  });

  it("runs a cell in a transaction it rolls back, capped in rows", async () => {
    log.length = 0;
    const outcome = await runner.run("SELECT programme FROM indicators", {wrappable: true, name: null}, new Ticket());
    expect(outcome).toMatchObject({status: "ok", truncated: false});
    expect(log).toEqual([
      "BEGIN TRANSACTION",
      "DESCRIBE SELECT * FROM (\nSELECT programme FROM indicators\n)",
      "SELECT * FROM (\nSELECT programme FROM indicators\n) LIMIT 100001",
      "ROLLBACK"
    ]);
  });

  it("undoes a statement that would change the data, should one get past the guard", async () => {
    const before = await count("indicators");
    const outcome = await runner.run("DELETE FROM indicators", {wrappable: false, name: null}, new Ticket());
    expect(outcome.status).toBe("ok");
    expect(await count("indicators")).toBe(before);
    await runner.run("DROP TABLE communes", {wrappable: false, name: null}, new Ticket());
    expect(await count("communes")).toBe(10);
  });

  it("makes a named result a view for later cells, and forgets it when the cell fails", async () => {
    await runner.run("SELECT code FROM communes", {wrappable: true, name: "codes"}, new Ticket());
    expect(await count("codes")).toBe(10);
    const failed = await runner.run("SELECT nope FROM communes", {wrappable: true, name: "codes"}, new Ticket());
    expect(failed).toMatchObject({status: "error", message: expect.stringMatching(/nope/)});
    await expect(count("codes")).rejects.toThrow(/codes/);
  });

  it("renames: the old name goes when the cell takes a new one", async () => {
    await runner.run("SELECT 1 AS a", {wrappable: true, name: "ancien"}, new Ticket());
    await runner.run("SELECT 1 AS a", {wrappable: true, name: "nouveau", drop: ["ancien"]}, new Ticket());
    expect(await count("nouveau")).toBe(1);
    await expect(count("ancien")).rejects.toThrow(/ancien/);
  });

  it("gives DuckDB's message with the cell's own line numbers and a hint", async () => {
    const outcome = await runner.run("SELECT *\nFROM indicateurs", {wrappable: true, name: null, tables: ["communes", "indicators"]}, new Ticket());
    expect(outcome).toMatchObject({status: "error", hint: "Tables disponibles : communes, indicators (voir le panneau « Tables »)."});
    if (outcome.status === "error") expect(outcome.message).toMatch(/LINE 2:/);
  });

  it("reads at most 100 000 rows of a large result, and counts them all", async () => {
    const outcome = await runner.run("SELECT * FROM range(150000) AS t(i)", {wrappable: true, name: null}, new Ticket());
    expect(outcome).toMatchObject({status: "ok", truncated: true, total: 150000});
    if (outcome.status === "ok") expect(outcome.rows).toHaveLength(100000);
    if (outcome.status === "ok") expect(outcome.notice).toMatch(/^Seules les 100\u202f000 premières lignes sont lues/);
  });

  it("caps a wide result by cells before the engine builds it (1 000 columns → 2 000 rows)", async () => {
    log.length = 0;
    const columns = Array.from({length: 1000}, (_, i) => `i + ${i} AS c${i}`).join(", ");
    const sql = `SELECT ${columns} FROM range(100001) AS t(i)`;
    const outcome = await runner.run(sql, {wrappable: true, name: null}, new Ticket());
    expect(outcome).toMatchObject({status: "ok", truncated: true, total: 100001});
    expect(log.some((l) => l.endsWith(") LIMIT 2001"))).toBe(true);
    if (outcome.status === "ok") {
      expect(outcome.rows).toHaveLength(2000);
      expect(outcome.notice).toMatch(/2\u202f000 premières lignes .*2\u202f000\u202f000 cellules au plus/);
    }
  });

  it("caps a result of long texts by bytes", async () => {
    const sql = "SELECT i, repeat('x', 400000) AS t FROM range(100) AS t(i)";
    const outcome = await runner.run(sql, {wrappable: true, name: null}, new Ticket());
    expect(outcome).toMatchObject({status: "ok", truncated: true});
    if (outcome.status === "ok") {
      // 64 Mo at 2 bytes a character: 83 rows of 400 000 characters (and their number) fit.
      expect(outcome.rows).toHaveLength(83);
      expect(outcome.notice).toMatch(/83 premières lignes .*64 Mo au plus/);
    }
  });

  it("does not start a cell cancelled while it waited, and leaves no name behind", async () => {
    const ticket = new Ticket();
    runner.cancel(ticket);
    log.length = 0;
    expect(await runner.run("SELECT 1", {wrappable: true, name: "annule"}, ticket)).toEqual({status: "cancelled"});
    expect(log).toEqual(['DROP VIEW IF EXISTS temp.main."annule"']);
  });

  it("runs queued work one statement at a time, in order", async () => {
    log.length = 0;
    await Promise.all([
      runner.run("SELECT 1 AS a", {wrappable: true, name: null}, new Ticket()),
      runner.query("SELECT 2 AS b"),
      runner.run("SELECT 3 AS c", {wrappable: true, name: null}, new Ticket())
    ]);
    const statements = log.filter((l) => !/TRANSACTION|ROLLBACK|^DESCRIBE/.test(l));
    expect(statements.map((l) => /SELECT (\d)/.exec(l)![1])).toEqual(["1", "2", "3"]);
  });
});
