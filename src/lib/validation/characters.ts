// Characters that make two texts look identical while they differ: curated text is NFC-normalised,
// and the invisible, control and look-alike characters that normalisation keeps are refused, with
// their code point, so that a zero-width space cannot split one section into two identical-looking
// ones or let a duplicate key through.

// C0/C1 controls (tab, line ends and form feed are whitespace and stay allowed), soft hyphen,
// zero-width and joiners, direction marks and overrides, word joiner and invisible operators,
// line/paragraph separators, the BOM inside text.
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/u;
// Greek and Cyrillic letters: in a French report's identifiers they are look-alikes of Latin
// letters (« а » U+0430 for « a »), never meant.
const LOOK_ALIKE = /[\u0370-\u03FF\u1F00-\u1FFF\u0400-\u052F\u1C80-\u1C8F\u2DE0-\u2DFF\uA640-\uA69F]/u;

/** « U+200B », the way a code point is written in a message. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Why `text` (a field named `what`) is refused, or undefined. `identifier` fields (sections, labels,
 * categories, codes) also refuse Greek and Cyrillic letters.
 */
export function characterProblem(text: string, what: string, identifier: boolean): string | undefined {
  const invisible = INVISIBLE.exec(text);
  if (invisible) {
    return (
      `${what} contient un caractère invisible ou de contrôle ${codePoint(invisible[0])} ` +
      `(caractère ${invisible.index + 1}) : supprimez-le`
    );
  }
  const lookAlike = identifier ? LOOK_ALIKE.exec(text) : null;
  if (lookAlike) {
    return (
      `${what} contient la lettre grecque ou cyrillique « ${lookAlike[0]} » ${codePoint(lookAlike[0])} ` +
      `(caractère ${lookAlike.index + 1}), qui imite une lettre latine : retapez-la`
    );
  }
  return undefined;
}

/** The 1-based line and the problem of the first refused character of a whole file, or undefined. */
export function firstCharacterProblem(text: string): {line: number; reason: string} | undefined {
  const start = text.startsWith("\uFEFF") ? 1 : 0; // a leading BOM is tolerated
  const match = INVISIBLE.exec(text.slice(start));
  if (!match) return undefined;
  const line = text.slice(0, start + match.index).split("\n").length;
  return {line, reason: `caractère invisible ou de contrôle ${codePoint(match[0])} : supprimez-le`};
}
