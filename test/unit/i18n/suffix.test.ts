import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachSuffix, lastSpokenWordOfInteger, soundOfUyghurWord, UYGHUR_CASES } from '../../../shared/i18n/suffix';
import { interpolate, MESSAGE_FORMATS } from '../../../shared/i18n/interpolate';
import { isolateLtr } from '../../../shared/i18n/format';

// Words and their case forms as grammars of Modern Uyghur give them (Engesæth, Yakup and Dwyer,
// "Greetings from the Teklimakan", the lessons on the case endings; Tömür, "Modern Uyghur
// Grammar"; the Wikipedia article "Uyghur grammar": ئۆي → ئۆيىڭىزگە, mektep → mektepte; bala →
// balining, bash → bashning), and the forms the issue names from the certificate and report.json.
const TABLE: Array<[word: string, grammaticalCase: (typeof UYGHUR_CASES)[number], expected: string]> = [
  // back vowel, voiced end: -gha, -da
  ['ئانا', 'dative', 'ئانىغا'],
  ['بالا', 'genitive', 'بالىنىڭ'],
  ['باش', 'genitive', 'باشنىڭ'],
  ['ئادەم', 'dative', 'ئادەمگە'],
  ['قول', 'dative', 'قولغا'],
  ['قول', 'locative', 'قولدا'],
  ['ئورۇن', 'ablative', 'ئورۇندىن'],
  // back vowel, voiceless end: -qa, -ta, -tin
  ['مۇكاپات', 'dative', 'مۇكاپاتقا'],
  ['ئات', 'locative', 'ئاتتا'],
  ['ئات', 'ablative', 'ئاتتىن'],
  ['ئوقۇغۇچى', 'dative', 'ئوقۇغۇچىغا'],
  // front vowel: -ge/-ke, -de/-te
  ['ئۆي', 'dative', 'ئۆيگە'],
  ['ئۆي', 'locative', 'ئۆيدە'],
  ['مەكتەپ', 'dative', 'مەكتەپكە'],
  ['مەكتەپ', 'locative', 'مەكتەپتە'],
  ['مەكتەپ', 'ablative', 'مەكتەپتىن'],
  ['شەھەر', 'dative', 'شەھەرگە'],
  ['كۈن', 'locative', 'كۈندە'],
  ['كۆل', 'limitative', 'كۆلگىچە'],
  // neutral vowels only: a back consonant decides, and the listed exceptions
  ['قىش', 'locative', 'قىشتا'],
  ['بىلىم', 'dative', 'بىلىمگە'],
  ['ئىش', 'dative', 'ئىشقا'],
  // the neutral é and i are skipped: the o of كومىتېت, the ü of كۈنى
  ['كومىتېتى', 'dative', 'كومىتېتىغا'],
  ['كۈنى', 'locative', 'كۈنىدە'],
  // G-endings after غ / گ start with ق / ك
  ['تاغ', 'dative', 'تاغقا'],
  ['باغ', 'limitative', 'باغقىچە'],
  // vowel raising: a word of two or more syllables ending in a/e
  ['يېزا', 'dative', 'يېزىغا'],
  ['ناھىيە', 'dative', 'ناھىيىگە'],
  ['مۇسابىقە', 'locative', 'مۇسابىقىدە'],
  // one syllable: no raising
  ['پا', 'dative', 'پاغا'],
  // one-form endings
  ['شەھەر', 'accusative', 'شەھەرنى'],
  ['بازار', 'locativeAttributive', 'بازاردىكى'],
  ['مەكتەپ', 'locativeAttributive', 'مەكتەپتىكى'],
  // the cases
  ['مۇسابىقىسى', 'locative', 'مۇسابىقىسىدا'],
];

describe('attachSuffix: Uyghur case endings by vowel harmony and voicing', () => {
  it.each(TABLE)('%s + %s → %s', (word, grammaticalCase, expected) => {
    expect(attachSuffix(word, grammaticalCase)).toBe(expected);
  });

  it('reads a number as a Uyghur word: its last spoken word chooses the form', () => {
    expect(attachSuffix('5', 'dative')).toBe('5كە'); // بەش
    expect(attachSuffix('10', 'dative')).toBe('10غا'); // ئون
    expect(attachSuffix('40', 'dative')).toBe('40قا'); // قىرىق
    expect(attachSuffix('60', 'limitative')).toBe('60قىچە'); // ئاتمىش
    expect(attachSuffix('14', 'ablative')).toBe('14تىن'); // ئون تۆت
    expect(attachSuffix('2000', 'dative')).toBe('2000گە'); // ئىككى مىڭ
    expect(attachSuffix('300', 'locative')).toBe('300دە'); // ئۈچ يۈز
    expect(attachSuffix('2025', 'dative')).toBe('2025كە'); // … يىگىرمە بەش
    expect(attachSuffix('0', 'ablative')).toBe('0دىن'); // نۆل
    expect(attachSuffix('12,030', 'dative')).toBe('12,030غا'); // … ئوتتۇز
    expect(attachSuffix('48.6%', 'ablative')).toBe('48.6%دىن'); // … ئالتە
  });

  it('names the last spoken word of any whole number', () => {
    expect(lastSpokenWordOfInteger('7')).toBe('يەتتە');
    expect(lastSpokenWordOfInteger('90')).toBe('توقسان');
    expect(lastSpokenWordOfInteger('100')).toBe('يۈز');
    expect(lastSpokenWordOfInteger('5000000')).toBe('مىليون');
  });

  it('reads a short date as a day (كۈنى) and a long Uyghur date by its last word', () => {
    expect(attachSuffix('2026-01-05', 'locative')).toBe('2026-01-05دە');
    expect(attachSuffix('2026-يىلى 11-ئاينىڭ 22-كۈنى', 'locative')).toBe('2026-يىلى 11-ئاينىڭ 22-كۈنىدە');
  });

  it('puts the ending after an isolate, keeping the isolate whole', () => {
    const five = isolateLtr('1,205', 'ug');
    expect(attachSuffix(five, 'dative')).toBe(`${five}كە`);
    expect(attachSuffix('«مۇسابىقە»', 'locative')).toBe('«مۇسابىقە»دە');
  });

  it('joins a Latin or Chinese word with a hyphen, choosing the form by how it is read', () => {
    expect(attachSuffix('Excel', 'locative')).toBe('Excel-دە');
    expect(attachSuffix('Word', 'locative')).toBe('Word-دا');
    expect(attachSuffix('League Desk', 'dative')).toBe('League Desk-كە');
    expect(attachSuffix('PDF', 'ablative')).toBe('PDF-تىن');
    expect(attachSuffix('轮台镇', 'dative')).toBe('轮台镇-غا');
  });

  it('always keeps the word itself and adds exactly one of the four written forms', () => {
    const letters = Array.from('اەبپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىي');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 8 }), fc.constantFrom(...UYGHUR_CASES), (chars, grammaticalCase) => {
        const word = `ب${chars.join('')}ن`; // ends in a consonant: no raising
        const out = attachSuffix(word, grammaticalCase);
        expect(out.startsWith(word)).toBe(true);
        const { back, voiceless } = soundOfUyghurWord(word);
        expect(typeof back).toBe('boolean');
        expect(typeof voiceless).toBe('boolean');
        expect(out.length - word.length).toBeGreaterThanOrEqual(2);
      }),
    );
  });
});

describe('interpolate: i18next placeholders with the case formats', () => {
  it('fills {{name, case}} with the value and its ending', () => {
    expect(interpolate('{{contest, locative}} {{award, dative}} ئېرىشتى', { contest: 'ماھارەت مۇسابىقىسى', award: 'بىرىنچى دەرىجىلىك مۇكاپات' })).toBe(
      'ماھارەت مۇسابىقىسىدا بىرىنچى دەرىجىلىك مۇكاپاتقا ئېرىشتى',
    );
  });

  it('chooses the ending from the plain value, then presents it (escaping, <bdi>)', () => {
    expect(interpolate('{{x, dative}}!', { x: 'يېزا' }, (text) => `<bdi>${text}</bdi>`)).toBe('<bdi>يېزىغا</bdi>!');
  });

  it('leaves an unknown placeholder or format visible', () => {
    expect(interpolate('{{a}} {{b}} {{a, nosuch}}', { a: 1 })).toBe('1 {{b}} {{a, nosuch}}');
  });

  it('offers every case as a format, under the same names i18next uses', () => {
    expect(Object.keys(MESSAGE_FORMATS).sort()).toEqual([...UYGHUR_CASES].sort());
  });
});
