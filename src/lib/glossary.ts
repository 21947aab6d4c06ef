// The glossary: the report's acronyms and the site's own words, defined in French for a reader who
// is not a specialist. One list, read by the popover that marks these terms in pages
// (src/components/ui/glossary-popover.ts) and by its tests. `findTerms` cuts a text into plain
// pieces and the terms it holds, on word boundaries only (« PLIE » in « PLIE » and « PLIE, », not
// in « EMPLIEZ »); the text itself is never parsed as markup.

export interface GlossaryEntry {
  /** The term as it is written in pages (matched case-sensitively for an acronym). */
  term: string;
  /** Other spellings of the same term (« calculée », « RP 2020 »). */
  variants?: string[];
  /** What it stands for, when it is an acronym. */
  expansion?: string;
  /** The definition, in French, one or two sentences. */
  definition: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    term: "PLIE",
    expansion: "Plan local pour l’insertion et l’emploi",
    definition:
      "Dispositif qui accompagne, pendant un parcours individuel, des personnes éloignées de l’emploi " +
      "(demandeurs d’emploi de longue durée, allocataires du RSA…) jusqu’à un emploi durable " +
      "ou une formation qualifiante."
  },
  {
    term: "CEJ",
    expansion: "Contrat d’engagement jeune",
    definition:
      "Accompagnement intensif de 6 à 12 mois des jeunes de 16 à 25 ans (29 ans pour un jeune handicapé) sans emploi " +
      "ni formation, avec une allocation ; mis en œuvre par la Mission Locale depuis mars 2022."
  },
  {
    term: "PACEA",
    expansion: "Parcours contractualisé d’accompagnement vers l’emploi et l’autonomie",
    definition: "Le cadre d’accompagnement des jeunes par les Missions Locales, avec une aide financière possible."
  },
  {
    term: "RP2020",
    variants: ["RP 2020"],
    expansion: "Recensement de la population 2020 (INSEE)",
    definition:
      "La population municipale légale issue du recensement de l’INSEE, millésime 2020 : " +
      "c’est la population qui sert à rapporter les chiffres « pour 1 000 habitants »."
  },
  {
    term: "MDE",
    expansion: "Maison de l’Emploi",
    definition:
      "Structure qui coordonne sur le territoire les acteurs de l’emploi, et anime des actions pour les entreprises " +
      "et les demandeurs d’emploi (clauses d’insertion, forums, Cyber-base…)."
  },
  {
    term: "MNO",
    expansion: "Métropole Nord-Ouest",
    definition: "Le territoire des dix communes au nord-ouest de Lille couvert par l’association ALPES."
  },
  {
    term: "RSA",
    expansion: "Revenu de solidarité active",
    definition: "Allocation qui assure un revenu minimum aux personnes sans ressources ou à faibles ressources."
  },
  {
    term: "IAE",
    expansion: "Insertion par l’activité économique",
    definition:
      "Contrats de travail dans des structures (ateliers et chantiers d’insertion, entreprises d’insertion…) " +
      "qui emploient des personnes en difficulté avec un accompagnement."
  },
  {
    term: "SIAE",
    expansion: "Structure d’insertion par l’activité économique",
    definition: "Employeur conventionné par l’État pour recruter des personnes éloignées de l’emploi (voir IAE)."
  },
  {
    term: "CAP",
    expansion: "Certificat d’aptitude professionnelle",
    definition: "Premier niveau de diplôme professionnel ; « niveau ≤ CAP » : sans diplôme ou avec un CAP au plus."
  },
  {
    term: "QPV",
    expansion: "Quartier prioritaire de la politique de la ville",
    definition:
      "Quartier dont les habitants ont des revenus nettement plus bas qu’ailleurs, ciblé par des aides publiques."
  },
  {
    term: "ETP",
    expansion: "Équivalent temps plein",
    definition: "Un emploi à temps plein sur un an ; deux mi-temps font un ETP."
  },
  {
    term: "calculé",
    variants: ["calculée", "calculés", "calculées"],
    definition:
      "Valeur que le rapport n’imprime pas : elle est calculée par l’Observatoire à partir de chiffres imprimés " +
      "(par exemple un total moins les communes citées, ou des sorties rapportées aux participants), " +
      "selon une formule donnée sur la page Données."
  }
];

export interface TermPiece {
  text: string;
  /** The glossary entry the piece is, when it is a term. */
  entry?: GlossaryEntry;
}

const LETTER = /[\p{L}\p{N}_]/u;

/** Every spelling of every term, longest first (« RP 2020 » before « RP »). */
function spellings(entries: readonly GlossaryEntry[]): {text: string; entry: GlossaryEntry}[] {
  return entries
    .flatMap((entry) => [entry.term, ...(entry.variants ?? [])].map((text) => ({text, entry})))
    .sort((a, b) => b.text.length - a.text.length);
}

/** Whether `text` has a letter or digit at `index` (a term must not touch one on either side). */
function wordAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && LETTER.test(text[index]);
}

/**
 * The text cut into plain pieces and terms, in order; joined, the pieces give the text back. A term
 * matches as written (an acronym in capitals: « Plie » is not « PLIE »; a word lower case or with a
 * capital first letter), never inside a word (« CAPITAL », « EMPLIE », « recalculé »).
 */
export function findTerms(text: string, entries: readonly GlossaryEntry[] = GLOSSARY): TermPiece[] {
  const pieces: TermPiece[] = [];
  const all = spellings(entries);
  let plain = 0;
  let i = 0;
  while (i < text.length) {
    const found = wordAt(text, i - 1) ? undefined : all.find((s) => matchesAt(text, i, s.text));
    if (found) {
      if (i > plain) pieces.push({text: text.slice(plain, i)});
      pieces.push({text: text.slice(i, i + found.text.length), entry: found.entry});
      i += found.text.length;
      plain = i;
    } else i++;
  }
  if (plain < text.length) pieces.push({text: text.slice(plain)});
  return pieces;
}

function matchesAt(text: string, index: number, spelling: string): boolean {
  const candidate = text.slice(index, index + spelling.length);
  const acronym = spelling === spelling.toUpperCase();
  const same = acronym
    ? candidate === spelling
    : candidate === spelling || candidate === spelling.charAt(0).toUpperCase() + spelling.slice(1);
  return same && !wordAt(text, index + spelling.length);
}

/** The entries a text mentions, once each, in order of first mention. */
export function termsIn(text: string, entries: readonly GlossaryEntry[] = GLOSSARY): GlossaryEntry[] {
  return [...new Set(findTerms(text, entries).flatMap((p) => (p.entry ? [p.entry] : [])))];
}
