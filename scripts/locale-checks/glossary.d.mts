/** Types for glossary.mjs (the one-term-per-concept check). */
export interface GlossaryTerm {
  concept: string;
  zh: string;
  ug: string;
  avoid: { zh: string[]; ug: string[] };
}
export declare function glossaryProblems(glossary: { terms: GlossaryTerm[] }, texts: Iterable<[where: string, lang: string, text: unknown]>): string[];
