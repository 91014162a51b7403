/** Types for bidi.mjs (the Uyghur locale's left-to-right runs check). */
export declare const BIDI_EXEMPT_NAMESPACES: readonly string[];
export declare function bidiProblems(value: string): string[];
export declare function checkUyghurBidi(entries: Iterable<[string, unknown]>): string[];
