// The home page and /donnees across editions: on the three-edition site (fake values) the home
// compares 2023 with 2022 as printed, /donnees lists the three editions, and the stable download
// addresses answer with the latest build's bytes; on the real site (one edition) the same views
// keep the comparisons the 2022 edition prints or derives.
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, afterEach, describe, expect, it} from "vitest";
import {dataPaths, loadTables, projectRoot} from "../../src/lib/build/datasets.js";
import {Warehouse} from "../../src/lib/build/warehouse.js";
import {parseCsv} from "../../src/lib/csv.js";
import {DOWNLOADS} from "../../src/lib/downloads.js";
import {type OpenedPage, openPage, problems, useBrowser, waitForData} from "./browser.js";

useBrowser();
let opened: OpenedPage | undefined;
afterEach(async () => opened?.context.close());
const tmp = mkdtempSync(join(tmpdir(), "observatoire-e2e-downloads-"));
afterAll(() => rmSync(tmp, {recursive: true, force: true}));

const plain = (text: string | null) => (text ?? "").replace(/[\u202f\u00a0]/g, " ").trim();

async function home(site: "real" | "editions") {
  opened = await openPage("/", {site});
  await waitForData(opened.page);
  await expect.poll(() => opened!.page.locator(".async-block").first().getAttribute("data-source")).toBe("duckdb");
  return opened.page;
}

describe("home page across editions", () => {
  it("shows the 2023 figures, a share's change in points, the printed 2022 level", async () => {
    const page = await home("editions");
    expect(plain(await page.locator(".home h2").first().textContent())).toBe("L’année 2023 en chiffres");
    const taux = page.locator('.figure-card[data-indicator="plie.sorties_positives_taux"]');
    expect(plain(await taux.locator(".figure-value").textContent())).toBe("52 %");
    expect(plain(await taux.locator(".comparison").textContent())).toBe("+7 points par rapport à 2022 (45 %)");

    const entretiens = page.locator('.figure-card[data-indicator="mission_locale.entretiens"] .comparison');
    // The 2022 edition prints 16 000; the 2023 edition derives ≈ 16 008 from its evolution.
    expect(await entretiens.locator("data").getAttribute("value")).toBe("16000");
    expect(await entretiens.locator(".derived").count()).toBe(0);
    const text = plain(await entretiens.textContent());
    expect(text).toContain("par rapport à 2022 (16 000)");
    expect(text).not.toContain("16 008");
    expect(problems(opened!)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("keeps the real edition's comparisons, derived levels marked « ≈ » and « calculé »", async () => {
    const page = await home("real");
    const card = page.locator('.figure-card[data-indicator="territoire.demandeurs_emploi"] .comparison');
    expect(plain(await card.textContent())).toBe("−4,1 % par rapport à 2021 (≈ 9 119 calculé)");
    expect(await page.locator('.figure-card[data-indicator="plie.participants"] .comparison').count()).toBe(0);
  });
});

describe("/donnees across editions", () => {
  it("lists the three editions, newest first", async () => {
    opened = await openPage("/donnees", {site: "editions"});
    await waitForData(opened.page);
    const rows = opened.page.locator('[aria-label="Éditions du rapport"] tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-key")))).toEqual([
      "2023",
      "2022",
      "2021"
    ]);
    expect(problems(opened)).toEqual({errors: [], failed: [], offOrigin: []});
  });

  it("lists the one real edition", async () => {
    opened = await openPage("/donnees");
    await waitForData(opened.page);
    const rows = opened.page.locator('[aria-label="Éditions du rapport"] tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-key")))).toEqual(["2022"]);
  });
});

describe("stable download addresses", () => {
  for (const site of ["editions", "real"] as const) {
    it(`answer 200 with this build's files, documented on the page (${site})`, async () => {
      opened = await openPage("/donnees", {site});
      const {page, origin} = opened;
      const tables = loadTables(site === "real" ? undefined : dataPaths(join(projectRoot, "tests/fixtures/editions")));
      for (const download of DOWNLOADS) {
        const item = page.locator(`li[data-download="${download.name}"]`);
        const address = `${origin}/donnees/${download.name}`;
        expect(await item.locator(".stable-address code").textContent()).toBe(address);
        const hashed = await item.locator("a[download]").getAttribute("href");
        const stable = await fetch(address);
        expect(stable.status, address).toBe(200);
        const bytes = Buffer.from(await stable.arrayBuffer());
        // The same bytes as the page's own (hashed) file of this build.
        const own = Buffer.from(await (await fetch(new URL(hashed!, page.url()))).arrayBuffer());
        expect(bytes.equals(own), download.name).toBe(true);

        const table = tables[download.table];
        const columns = table.schema.columns.map((c) => c.name);
        if (download.format === "csv") {
          const csv = parseCsv(bytes.toString("utf-8"), download.name);
          expect(csv.header).toEqual(columns);
          expect(csv.records).toHaveLength(table.rows.length);
        } else {
          const file = join(tmp, `${site}-${download.name}`);
          writeFileSync(file, bytes);
          const warehouse = await Warehouse.create();
          try {
            const [{n}] = await warehouse.query<{n: number}>(`SELECT count(*) AS n FROM read_parquet('${file}')`);
            expect(n).toBe(table.rows.length);
            const described = await warehouse.query<{column_name: string}>(
              `DESCRIBE SELECT * FROM read_parquet('${file}')`
            );
            expect(described.map((d) => d.column_name)).toEqual(columns);
            const kv = await warehouse.query<{key: string; value: string}>(
              `SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${file}')`
            );
            expect(kv.find((e) => e.key === `description:${columns[0]}`)?.value).toBe(
              table.schema.columns[0].description
            );
          } finally {
            warehouse.close();
          }
        }
      }
    });
  }
});

describe("explorer across editions", () => {
  it("says which editions the tables hold", async () => {
    opened = await openPage("/explorer", {site: "editions"});
    const note = opened.page.locator(".editions-note");
    await note.waitFor({timeout: 20_000});
    expect(plain(await note.textContent())).toMatch(/^Les tables contiennent 3 éditions du rapport : 2021 \(/);
  });
});
