// A test edition for `npm run bench:edition`, made from the 2022 report with its ground truth: every
// figure gets a new value (same printed format, some thousands groups in narrow no-break spaces),
// years move on by one, about 25 sentences are reworded, one section moves to the end, a few
// passages are removed and new ones (with new figures) are added. Seeded: a seed gives one edition.
import {parseFrenchNumber} from "../../../src/lib/french-number.js";
import {type Token, sameKey, tokenize} from "../../../src/lib/edition/tokens.js";
import {isYearToken} from "../../../src/lib/edition/years.js";

export interface TruthRow {
  /** Index of the row in the reference indicateurs.csv (0 = first data row). */
  index: number;
  fate: "same" | "reworded" | "moved" | "removed";
  value: string;
  year: string;
}

export interface GeneratedEdition {
  year: number;
  text: string;
  truth: TruthRow[];
  /** Figures of the new passages: each must be listed among the unused numbers. */
  newFigures: {line: number; number: string; passage: string}[];
  /** Lines of the text (1-based) that are key figures alone on their line (rendered as boxes). */
  rewordedLines: number;
}

/** mulberry32: a small seeded generator, enough for test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REWORDINGS: [RegExp, string][] = [
  [/ ont bénéficié d/u, " ont profité d"],
  [/ ont participé à/u, " ont pris part à"],
  [/ ont été accompagnés/u, " ont été suivis"],
  [/ organisés/u, " mis en place"],
  [/ réalisés/u, " menés"],
  [/ signés/u, " conclus"],
  [/ accueillis/u, " reçus"],
  [/ sensibilisés/u, " informés"],
  [/ orientés vers/u, " dirigés vers"],
  [/ distribuées/u, " remises"],
  [/ dont /u, " parmi lesquels "],
  [/Organisation de /u, "Mise en place de "],
  [/ ont été versés/u, " ont été attribués"],
  [/ ont été alloués/u, " ont été accordés"],
  [/ représentent/u, " comptent pour"],
  [/ mobilisés/u, " engagés"],
  [/ ont intégré/u, " sont entrés dans"],
  [/ visiteurs/u, " visiteurs accueillis"],
  [/ personnes/u, " usagers"],
  [/ ont été /u, " ont ainsi été "],
  [/ participants/u, " bénéficiaires"]
];

/** « 61 participants dont 57 de MNO » → « 57 de MNO sur 61 participants »: the figures change places. */
function swapAroundDont(line: string): string | undefined {
  const match = /^(\s*[-–>]?\s*)(\d[^,()]*?) dont (\d[^,()]*?)([.,;]?\s*)$/u.exec(line);
  return match ? `${match[1]}${match[3].trim()} sur ${match[2].trim()}${match[4]}` : undefined;
}

const NEW_PASSAGES = [
  "{n} jeunes ont rejoint le nouveau programme « Ambition Numérique » lancé en septembre",
  "Le Forum des métiers verts a réuni {n} exposants et {n} visiteurs",
  "{n} employeurs ont signé la charte « Territoire inclusif »",
  "Une permanence logement a reçu {n} personnes lors de {n} rendez-vous",
  "{n} ateliers « Confiance numérique » ont accueilli {n} participants",
  "Le service a traité {n} demandes d’aide au permis de conduire"
];

const MONTH =
  /^\s*(?:er|ème|e)?\s*(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)/u;

/** A new value printed in the same format as the old one. */
function newNumber(token: Token, text: string, rng: () => number, narrow: boolean): string {
  const printed = token.printed!;
  const value = token.value!;
  const percent = /^\s*%/.test(text.slice(token.end, token.end + 3));
  const format = /^([+\-−–]?)([\d\s\u00a0\u202f]+?)(?:,(\d+))?(\s?(?:millions?|milliards?|Md|K|M|k))?$/u;
  const match = format.exec(printed);
  if (!match) return printed;
  const [, sign, , decimals = "", scale = ""] = match;
  const grouped = /\d[\s\u00a0\u202f]\d{3}/u.test(printed);
  const base = Math.abs(scale ? Number(printed.replace(/[^\d,]/g, "").replace(",", ".")) : value);
  let next: number;
  if (base <= 10 && !decimals) next = Math.max(0, Math.round(base + Math.floor(rng() * 5) - 2));
  else next = base * (0.8 + rng() * 0.45);
  const factor = 10 ** decimals.length;
  next = Math.round(next * factor) / factor;
  if (next === base) next = base + 1 / factor;
  if (percent && !sign) next = Math.min(base === 100 ? 100 : 99, Math.max(1, next));
  let [integer, fraction] = next.toFixed(decimals.length).split(".");
  const separator = narrow ? "\u202f" : " ";
  if (grouped || integer.length > 4) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return `${sign}${integer}${fraction ? `,${fraction}` : ""}${scale}`;
}

interface Line {
  text: string;
  /** Line of the reference text it comes from (1-based), or 0 for a new passage. */
  from: number;
}

export interface ReferenceInput {
  year: number;
  text: string;
  rows: Record<string, string>[];
}

/** Where each row's figure is in the reference text: the token, and the lines of its quote. */
export function locateRows(reference: ReferenceInput): ({slot: number; first: number; last: number} | undefined)[] {
  const {tokens} = tokenize(reference.text);
  let near = 0;
  return reference.rows.map((row) => {
    const keys = tokenize(row.quote).tokens.map((t) => t.key);
    let value: number | undefined;
    if (row.status === "publie") value = parseFrenchNumber(row.value);
    let best: {slot: number; first: number; last: number; cost: number} | undefined;
    for (let s = 0; s + keys.length <= tokens.length; s++) {
      let same = true;
      for (let k = 0; k < keys.length && same; k++) same = sameKey(keys[k], tokens[s + k].key);
      if (!same) continue;
      const span = tokens.slice(s, s + keys.length);
      const equal = span
        .map((t, k) => (t.kind === "number" && Math.abs(t.value! - value!) < 1e-9 ? k : -1))
        .filter((k) => k >= 0);
      // Equal values in one quote: the one its category's first word is printed next to
      // (« Transport/Logistique (14) », « 1 dossier de logement »).
      const word =
        (row.category ?? "")
          .toLowerCase()
          .split(/[^\p{L}]+/u)
          .find((w) => w.length > 3) ?? "";
      const nextTo = equal.find((k) => {
        const t = span[k];
        const bracketed = reference.text[t.start - 1] === "(";
        const around = bracketed
          ? reference.text.slice(t.start - 50, t.start)
          : reference.text.slice(t.end, t.end + 50);
        return (
          word &&
          around.toLowerCase().includes(word) &&
          !(bracketed
            ? /\d/.test(around.slice(around.lastIndexOf(word)))
            : /\d/.test(around.slice(0, around.indexOf(word))))
        );
      });
      const slot = value === undefined ? 0 : (nextTo ?? equal[0] ?? -1);
      if (slot < 0) continue;
      const cost = s >= near ? s - near : 2 * (near - s);
      if (!best || cost < best.cost)
        best = {slot: s + slot, first: span[0].line, last: span[span.length - 1].line, cost};
    }
    if (best) near = best.slot;
    return best;
  });
}

export function generateEdition(reference: ReferenceInput, seed: number): GeneratedEdition {
  const rng = random(seed);
  const pick = <T>(items: T[]) => items[Math.floor(rng() * items.length)];
  const tokenized = tokenize(reference.text);
  const {tokens, text} = tokenized;
  const located = locateRows(reference);
  const slots = new Set(located.flatMap((l, i) => (l && reference.rows[i].status === "publie" ? [l.slot] : [])));

  // 1. New values for every figure, years + 1; dates, web addresses and other numbers unchanged.
  const replacements = new Map<number, string>();
  const urls = [...text.matchAll(/https?:\/\/\S+/gu)].map((m) => [m.index, m.index + m[0].length]);
  tokens.forEach((t, i) => {
    if (t.kind !== "number" || urls.some(([s, e]) => t.start >= s && t.start < e)) return;
    if (isYearToken(t)) replacements.set(i, String(t.value! + 1));
    else if (/\d\d\/\d\d\/$/.test(text.slice(t.start - 6, t.start)) && /^\d\d$/.test(t.printed!)) {
      replacements.set(i, String((t.value! + 1) % 100).padStart(2, "0")); // 31/12/21
    } else if (slots.has(i) && !MONTH.test(text.slice(t.end, t.end + 14))) {
      replacements.set(i, newNumber(t, text, rng, rng() < 0.3));
    }
  });
  let out = "";
  let cursor = 0;
  [...replacements.keys()]
    .sort((a, b) => a - b)
    .forEach((i) => {
      // « 2,8 ⏎ millions »: keep the line break before the scale word (line numbers must not move).
      const raw = text.slice(tokens[i].start, tokens[i].end);
      const gap = /\s*\n\s*(?=\S+$)/u.exec(raw)?.[0];
      const replacement = gap ? replacements.get(i)!.replace(/ (?=\S+$)/u, gap) : replacements.get(i)!;
      out += text.slice(cursor, tokens[i].start) + replacement;
      cursor = tokens[i].end;
    });
  out += text.slice(cursor);
  out = out.replace(/RP(\d{4})/g, (_, y: string) => `RP${Number(y) + 1}`);
  const lines: Line[] = out.split("\n").map((l, i) => ({text: l, from: i + 1}));

  // Lines a row's quote spans: a line may be removed only if every quote touching it lies on it.
  const touching = new Map<number, number[]>();
  located.forEach((l, i) => {
    if (!l) return;
    for (let line = l.first; line <= l.last; line++) touching.set(line, [...(touching.get(line) ?? []), i]);
  });
  const singleLine = (line: number) =>
    (touching.get(line) ?? []).every((i) => located[i]!.first === line && located[i]!.last === line);
  const figureLines = [...touching.keys()].filter(singleLine).sort((a, b) => a - b);

  // 2. Reword about 25 lines holding figures.
  const reworded = new Set<number>();
  for (const line of [...figureLines].sort(() => rng() - 0.5)) {
    if (reworded.size >= 25) break;
    const original = lines[line - 1].text;
    let changed = (rng() < 0.5 && swapAroundDont(original)) || original;
    for (const [pattern, replacement] of [...REWORDINGS].sort(() => rng() - 0.5)) {
      if (pattern.test(changed)) {
        changed = changed.replace(pattern, replacement);
        if (rng() < 0.6) break;
      }
    }
    if (changed === original && /^\s*\d/.test(original) && rng() < 0.5) changed = `Au total, ${original.trim()}`;
    if (changed !== original) {
      lines[line - 1].text = changed;
      reworded.add(line);
    }
  }

  // 2b. Cut a long word with a hyphen at a line end in ten other lines, as a layout tool does.
  let hyphenated = 0;
  for (const line of [...figureLines].sort(() => rng() - 0.5)) {
    if (hyphenated >= 10) break;
    if (reworded.has(line)) continue;
    const word = /[\p{Ll}]{5}([\p{Ll}]{5,})/u.exec(lines[line - 1].text);
    if (!word) continue;
    const cut = word.index + 5;
    lines[line - 1].text = `${lines[line - 1].text.slice(0, cut)}-\n${lines[line - 1].text.slice(cut)}`;
    hyphenated++;
  }

  // 3. Remove five passages (single lines with figures, not reworded).
  const removed = new Set<number>();
  for (const line of [...figureLines].sort(() => rng() - 0.5)) {
    if (removed.size >= 5) break;
    if (reworded.has(line)) continue;
    // In a list of same-shaped lines (« 27 425 hab. » ×10) which one went is undecidable: keep lists whole.
    const shape = (l: number) =>
      tokenize(lines[l - 1]?.text ?? "")
        .tokens.map((t) => t.key)
        .join(" ");
    if ([-4, -3, -2, -1, 1, 2, 3, 4].some((d) => shape(line + d) === shape(line))) continue;
    removed.add(line);
  }

  // 4. Move one section (« Zoom sur : La Santé » … up to « Orientation ») to the end of the report.
  const start = lines.findIndex((l) => l.text.startsWith("Zoom sur : La Santé"));
  const end = lines.findIndex((l, i) => i > start && l.text.startsWith("Orientation"));
  const movedLines = new Set(lines.slice(start, end).map((l) => l.from));
  let body = [...lines.slice(0, start), ...lines.slice(end), {text: "", from: 0}, ...lines.slice(start, end)];
  body = body.filter((l) => !removed.has(l.from));

  // 5. New passages with new figures, at random places between paragraphs.
  const newPassages: string[] = [];
  for (const template of NEW_PASSAGES)
    newPassages.push(template.replace(/\{n\}/g, () => String(11 + Math.floor(rng() * 480))));
  for (const passage of newPassages) {
    // Between paragraphs, never inside a passage that a figure's quote spans.
    const inside = (f: number) => located.some((l) => l && l.first < f && f <= l.last);
    const blanks = body
      .map((l, i) => (l.text.trim() === "" && l.from > 0 && !inside(l.from) ? i : -1))
      .filter((i) => i > 0);
    const at = pick(blanks);
    body.splice(at, 0, {text: "", from: 0}, {text: passage, from: 0});
  }
  const newText = body.map((l) => l.text).join("\n");
  const newFigures: {line: number; number: string; passage: string}[] = [];
  body.forEach((l, i) => {
    if (l.from !== 0 || !l.text) return;
    for (const n of l.text.match(/\d+/g) ?? []) newFigures.push({line: i + 1, number: n, passage: l.text});
  });

  // Ground truth of every published figure.
  const newTokens = tokenize(out).tokens;
  if (out.split("\n").length !== text.split("\n").length) throw new Error("le générateur a déplacé des lignes");
  const truth: TruthRow[] = [];
  reference.rows.forEach((row, index) => {
    const l = located[index];
    if (row.status !== "publie" || !l) return;
    const fate = [...Array(l.last - l.first + 1)].some((_, k) => removed.has(l.first + k))
      ? "removed"
      : movedLines.has(l.first)
        ? "moved"
        : [...Array(l.last - l.first + 1)].some((_, k) => reworded.has(l.first + k))
          ? "reworded"
          : "same";
    // Replacements keep token order: the slot's index is the same in the new text.
    truth.push({index, fate, value: newTokens[l.slot].printed!, year: String(Number(row.year) + 1)});
  });
  return {
    year: reference.year + 1,
    text: newText.endsWith("\n") ? newText : `${newText}\n`,
    truth,
    newFigures,
    rewordedLines: reworded.size
  };
}
