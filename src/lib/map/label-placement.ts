// Commune names on the map: the full name where it fits, a short form where it does not
// (« Marcq » for Marcq-en-Barœul, « St-André » for Saint-André-lez-Lille) where the full name would
// overlap another or run far past its commune; where even that would overlap a name already placed,
// the short name beside the commune with a leader line to it (or nothing, without leader lines).

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
  /** A label moved off its commune: the line from the commune's anchor to the label. */
  leader?: {x1: number; y1: number; x2: number; y2: number};
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

/** Directions a label moved off its commune tries, in order: above, below, right, left, then the diagonals. */
const DIRECTIONS: [number, number][] = [
  [0, -1],
  [0, 1],
  [1, 0],
  [-1, 0],
  [1, -1],
  [1, 1],
  [-1, -1],
  [-1, 1]
];

/**
 * Greedy placement: estimated text boxes (0.56 em per character) must not overlap or leave the map.
 * With `leaders`, a name that finds no room on its commune goes beside it, with a leader line.
 */
export function placeLabels(
  candidates: LabelCandidate[],
  fontSize: number,
  width: number,
  height: number,
  {leaders = false}: {leaders?: boolean} = {}
): PlacedLabel[] {
  const placed: (PlacedLabel & {box: Box})[] = [];
  const textWidth = (text: string) => text.length * fontSize * 0.56;
  const boxAt = (text: string, x: number, y: number): Box => {
    const w = textWidth(text);
    return {x0: x - w / 2 - 2, x1: x + w / 2 + 2, y0: y - fontSize * 0.7, y1: y + fontSize * 0.5};
  };
  const fits = (box: Box) =>
    box.x0 >= 0 && box.x1 <= width && box.y0 >= 0 && box.y1 <= height && !placed.some((p) => overlaps(p.box, box));
  const dropped: LabelCandidate[] = [];
  for (const c of [...candidates].sort((a, b) => b.priority - a.priority)) {
    const fullFits = c.span === undefined || textWidth(c.nom) <= c.span * SPAN_TOLERANCE;
    const text = (fullFits ? [c.nom, shortName(c.nom)] : [shortName(c.nom)]).find((t) => fits(boxAt(t, c.x, c.y)));
    if (text === undefined) dropped.push(c);
    else placed.push({code: c.code, text, x: c.x, y: c.y, box: boxAt(text, c.x, c.y)});
  }
  // Second pass, once every name that fits on its commune is placed: the others beside theirs.
  for (const c of leaders ? dropped : []) {
    const text = shortName(c.nom);
    const w = textWidth(text);
    search: for (const distance of [1.8, 2.8, 3.8]) {
      for (const [dx, dy] of DIRECTIONS) {
        const x = c.x + dx * (w / 2 + fontSize * (distance - 1));
        const y = c.y + dy * fontSize * distance;
        const box = boxAt(text, x, y);
        if (!fits(box)) continue;
        // The line ends at the edge of the label's box nearest to the commune.
        const x2 = Math.min(Math.max(c.x, box.x0), box.x1);
        const y2 = dy < 0 ? box.y1 : dy > 0 ? box.y0 : y;
        placed.push({code: c.code, text, x, y, box, leader: {x1: c.x, y1: c.y, x2, y2}});
        break search;
      }
    }
  }
  return placed.map(({box: _box, ...label}) => label);
}
