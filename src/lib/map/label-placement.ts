// Commune names on the map: the full name where it fits, a short form where it does not
// (« Marcq » for Marcq-en-Barœul, « St-André » for Saint-André-lez-Lille) where the full name would
// overlap another or run far past its commune, nothing where even that would overlap a name
// already placed (the table under the map lists every commune).

/** « Marcq-en-Barœul » → « Marcq », « Saint-André-lez-Lille » → « St-André ». */
export function shortName(nom: string): string {
  return nom.replace(/-(lez|en|sur|le|la)-.*$/u, "").replace(/^Saint-/u, "St-");
}

export interface LabelCandidate {
  code: string;
  nom: string;
  x: number;
  y: number;
  /** Larger communes are placed first. */
  priority: number;
  /** The commune's width on the map: a full name much wider than its commune gives way to the short one. */
  span?: number;
}

export interface PlacedLabel {
  code: string;
  text: string;
  x: number;
  y: number;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** How far a full name may run past its commune's width before the short name is used. */
const SPAN_TOLERANCE = 1.25;

/** Greedy placement: estimated text boxes (0.56 em per character) must not overlap or leave the map. */
export function placeLabels(candidates: LabelCandidate[], fontSize: number, width: number, height: number): PlacedLabel[] {
  const placed: (PlacedLabel & {box: Box})[] = [];
  const textWidth = (text: string) => text.length * fontSize * 0.56;
  for (const c of [...candidates].sort((a, b) => b.priority - a.priority)) {
    const fullFits = c.span === undefined || textWidth(c.nom) <= c.span * SPAN_TOLERANCE;
    for (const text of fullFits ? [c.nom, shortName(c.nom)] : [shortName(c.nom)]) {
      const w = textWidth(text);
      const box = {x0: c.x - w / 2 - 2, x1: c.x + w / 2 + 2, y0: c.y - fontSize * 0.7, y1: c.y + fontSize * 0.5};
      if (box.x0 < 0 || box.x1 > width || box.y0 < 0 || box.y1 > height) continue;
      if (placed.some((p) => overlaps(p.box, box))) continue;
      placed.push({code: c.code, text, x: c.x, y: c.y, box});
      break;
    }
  }
  return placed.map(({box: _box, ...label}) => label);
}
