import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCollator, normalizeUyghur, sortByText, type Lang } from '../../../shared/i18n/index';

/**
 * Characters chosen to provoke the rules: all Uyghur letters and the hamza carrier, presentation
 * forms, lookalikes (keheh, Farsi yeh, Arabic heh), tatweel, harakat, a combining hamza, joiners,
 * isolates, digits of many scripts, Latin with case and accents, Chinese, a surrogate pair, a
 * private-use character (code-point vs UTF-16 order), spaces and punctuation.
 */
const TRICKY = Array.from(
  'اەبپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىيئ' +
    '\uFE91\uFE8E\uFBE9\uFBEA\uFEEB\uFBFE\uFB8F\uFEFB\uFE73\uFDFD' +
    'کیهء\u0640\u064E\u0654\u200C\u200D\u2066\u2069' +
    '0019٣۵५๓３\u{1D7D3}½²aAzé\u0301Éß团轮\u{1F600}\uE000 -،.',
);
const trickyText = fc.array(fc.constantFrom(...TRICKY), { maxLength: 8 }).map((chars) => chars.join(''));
const anyText = fc.oneof(trickyText, fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 }));

/** A text and a variant that usually has the same primary key, to exercise the tie-breaking. */
const textAndVariant = trickyText.chain((text) =>
  fc.constantFrom(
    [text, text] as const,
    [text, `${text}\u0640`] as const,
    [text, text.normalize('NFKD')] as const,
    [text, text.toUpperCase()] as const,
    [text, text.replace(/ی/g, 'ي')] as const,
    [text, `\u2066${text}\u2069`] as const,
  ),
);

const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0);

describe.each<Lang>(['ug', 'zh-CN'])('the %s collator is a total order', (lang) => {
  const collator = createCollator(lang);
  const texts = lang === 'ug' ? anyText : fc.oneof(trickyText, fc.string({ maxLength: 6 }));
  const pairs = fc.oneof(fc.tuple(texts, texts), textAndVariant);

  it('answers -1, 0 or 1, and 0 exactly when the strings are equal', () => {
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        const result = collator.compare(a, b);
        expect([-1, 0, 1]).toContain(result);
        expect(result === 0).toBe(a === b);
      }),
      { numRuns: 3000 },
    );
  });

  it('is antisymmetric', () => {
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        expect(sign(collator.compare(a, b)) + sign(collator.compare(b, a))).toBe(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('is transitive: after sorting, every earlier string compares below every later one', () => {
    // If three strings formed a cycle, no arrangement of them could pass this check.
    fc.assert(
      fc.property(fc.array(fc.oneof(texts, textAndVariant.map(([a]) => a)), { minLength: 3, maxLength: 9 }), (list) => {
        const sorted = [...list].sort(collator.compare);
        for (let i = 0; i < sorted.length; i++) {
          for (let j = i + 1; j < sorted.length; j++) {
            expect(collator.compare(sorted[i] ?? '', sorted[j] ?? '')).toBeLessThanOrEqual(0);
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('sorts the same whatever the input order', () => {
    const listAndShuffle = fc
      .array(texts, { maxLength: 12 })
      .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })));
    fc.assert(
      fc.property(listAndShuffle, ([list, shuffled]) => {
        const names = (xs: readonly string[]) => sortByText(xs.map((name) => ({ name })), 'name', lang).map((x) => x.name);
        expect(names(shuffled)).toEqual(names(list));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('normalizeUyghur', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = normalizeUyghur(text);
        expect(normalizeUyghur(once)).toBe(once);
      }),
      { numRuns: 5000 },
    );
  });

  it('leaves no presentation-form letter, tatweel, harakat, bidi control or lookalike', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const out = normalizeUyghur(text);
        expect(out).not.toMatch(/(?=[\uFB50-\uFDFF\uFE70-\uFEFF])\p{L}/u);
        expect(out).not.toMatch(/[\u0640\u064B-\u065F\u2066-\u2069\u200E\u200F\u06A9\u06CC\u0647]/u);
      }),
      { numRuns: 5000 },
    );
  });
});
