/**
 * Text cells in CSV and xlsx exports never start a formula, however the start is hidden: what a
 * person cannot see, or what a spreadsheet trims or folds, is looked past before the check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula } from '../../../shared/report/cellText';
import { csvCell } from '../../../shared/report/csv';

/** Characters that hide the true start of a cell: spaces, zero-width and format characters, direction marks, controls. */
const HIDING = [
  ' ', '\u00a0', '\u3000', '\u2002', '\u2003', '\u2009', '\u202f', '\u205f', '\u1680',
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e',
  '\u200e', '\u200f', '\u061c', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069',
  '\n', '\u000b', '\u000c', '\u0000', '\u001f', '\u0085',
];
/** What a spreadsheet reads as the start of a formula, with their full-width, small and sign look-alikes. */
const STARTERS = ['=', '+', '-', '@', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫', '\u2212'];

describe('formula neutralising', () => {
  it.each([
    [' =1+1'],
    ['\u00a0=HYPERLINK("http://evil.example","点我")'],
    ['\u200b+86 996 123'],
    ['\u200f@SUM(A1)'],
    ['\u202b-2+3'],
    ['＝1+1'],
    ['\u3000＠cmd'],
    ['\u2066\u200e－1'],
  ])('%j is written as text', (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });

  it('any hidden prefix before any formula start is neutralised, in CSV too', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...HIDING), { maxLength: 6 }), fc.constantFrom(...STARTERS), fc.string(), (hidden, starter, tail) => {
        const text = `${hidden.join('')}${starter}${tail}`;
        expect(neutralizeFormula(text)).toBe(`'${text}`);
        expect(csvCell(text).replace(/^"/, '').startsWith("'")).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('text whose first visible character starts no formula is left as it is', () => {
    const visible = fc.string({ minLength: 1, unit: 'grapheme' }).filter((s) => !/^[=+\-@\u2212]/.test(String.fromCodePoint(s.codePointAt(0)!).normalize('NFKC')) && /^[^\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u.test(s));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...HIDING.filter((c) => c !== '\t' && c !== '\r')), { maxLength: 6 }), visible, (hidden, rest) => {
        const text = `${hidden.join('')}${rest}`;
        expect(neutralizeFormula(text)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('Uyghur and Chinese names, with or without direction marks, stay untouched', () => {
    for (const name of ['ئىتتىپاق ياچېيكىسى', '\u200fبۈگۈر', '轮台镇团委', '\u2067لۇنتەي\u2069 = 1']) expect(neutralizeFormula(name)).toBe(name);
  });
});
