import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arabicFromUly, looksLikeUly, ulyFromArabic } from '../../../shared/i18n/uly';

// Words in both scripts, as ULY spells them (Uyghur Latin Yéziqi, 2006 standard): the word-initial
// hamza is not written, a medial one is an apostrophe, and an apostrophe parts n'g, s'h, z'h, g'h.
const WORDS: Array<[arabic: string, latin: string]> = [
  ['بۈگۈر', 'bügür'],
  ['يېزا', 'yéza'],
  ['ناھىيە', 'nahiye'],
  ['ئۇيغۇرچە', 'uyghurche'],
  ['ئىتتىپاق', 'ittipaq'],
  ['كوممۇنىستىك', 'kommunistik'],
  ['ياشلار', 'yashlar'],
  ['ئۆي', 'öy'],
  ['ئېلان', 'élan'],
  ['مەسئۇل', "mes'ul"],
  ['جەمئىي', "jem'iy"],
  ['سائەت', "sa'et"],
  ['ئائىلە', "a'ile"],
  ['مەڭگۈ', 'menggü'],
  ['رەنگ', "ren'g"],
  ['مىنگو', "min'go"],
  ['ئىسھاق', "is'haq"],
  ['تاڭغا', 'tanggha'],
  ['شىنجاڭ', 'shinjang'],
  ['ژۇرنال', 'zhurnal'],
  ['خىزمەت', 'xizmet'],
  ['ۋىلايەت', 'wilayet'],
  ['كومىتېتى', 'komitéti'],
  ['دوكلات، جەدۋەل؟', 'doklat, jedwel?'],
];

describe('ULY ↔ Arabic script', () => {
  it.each(WORDS)('%s ↔ %s', (arabic, latin) => {
    expect(ulyFromArabic(arabic)).toBe(latin);
    expect(arabicFromUly(latin)).toBe(arabic);
  });

  it('reads what people type: capitals, ë, decomposed accents, typographic apostrophes, a missing apostrophe between vowels', () => {
    expect(arabicFromUly('Bügür')).toBe('بۈگۈر');
    expect(arabicFromUly('yëza')).toBe('يېزا');
    expect(arabicFromUly('bu\u0308gu\u0308r')).toBe('بۈگۈر');
    expect(arabicFromUly('mes’ul')).toBe('مەسئۇل');
    expect(arabicFromUly('aile')).toBe('ئائىلە');
  });

  it('keeps digits, spaces and other scripts as they are', () => {
    expect(arabicFromUly('2026-yili 轮台')).toBe('2026-يىلى 轮台');
    expect(ulyFromArabic('LT-03 بازار')).toBe('LT-03 bazar');
  });

  it('tells a Latin-script query from an Arabic-script one', () => {
    expect(looksLikeUly('bugur')).toBe(true);
    expect(looksLikeUly('بۈگۈر')).toBe(false);
    expect(looksLikeUly('LT-03')).toBe(true);
    expect(looksLikeUly('轮台')).toBe(false);
  });

  const consonants = Array.from('بپتجچخدرزژسشغفقكگڭلمنھۋي');
  const vowels = Array.from('اەېىوۇۆۈ');
  /** A well-formed word: a vowel starting the word or following a vowel carries ئ, and ئ may also part a consonant and a vowel. */
  const arabicWord = fc
    .array(fc.record({ vowel: fc.boolean(), index: fc.nat(), hamza: fc.boolean() }), { minLength: 1, maxLength: 10 })
    .map((letters) => {
      let word = '';
      let previousVowel = true; // the start of a word behaves like after a vowel
      for (const { vowel, index, hamza } of letters) {
        if (vowel) {
          word += (previousVowel || hamza ? 'ئ' : '') + (vowels[index % vowels.length] ?? '');
        } else {
          word += consonants[index % consonants.length] ?? '';
        }
        previousVowel = vowel;
      }
      return word;
    });

  it('Latin of Arabic reads back to the same Arabic (every well-formed word)', () => {
    fc.assert(fc.property(fc.array(arabicWord, { minLength: 1, maxLength: 4 }), (words) => {
      const text = words.join(' ');
      expect(arabicFromUly(ulyFromArabic(text))).toBe(text);
    }));
  });

  it('canonical Latin reads back to the same Latin', () => {
    fc.assert(fc.property(arabicWord, (word) => {
      const latin = ulyFromArabic(word);
      expect(ulyFromArabic(arabicFromUly(latin))).toBe(latin);
    }));
  });
});
