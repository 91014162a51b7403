import { describe, expect, it } from 'vitest';
import { UYGHUR_ALPHABET, compareCodePoints, createCollator, normalizeUyghur, sortByText } from '../../../shared/i18n/index';

const ug = createCollator('ug');
const sortUg = (texts: readonly string[]): string[] => [...texts].sort(ug.compare);
const codePoints = (text: string): string[] => Array.from(text, (c) => (c.codePointAt(0) ?? 0).toString(16));

/** Every code point of the Arabic presentation-form blocks that Unicode assigns. */
const presentationForms = (): string[] => {
  const chars: string[] = [];
  for (const [from, to] of [[0xfb50, 0xfdff], [0xfe70, 0xfeff]] as const) {
    for (let code = from; code <= to; code++) {
      const c = String.fromCodePoint(code);
      if (!/\p{Cn}/u.test(c)) chars.push(c);
    }
  }
  return chars;
};
const isPresentationForm = (c: string): boolean => {
  const code = c.codePointAt(0) ?? 0;
  return (code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff);
};

describe('Uyghur alphabetical order', () => {
  it('has the 32 letters a e b p t j ch x d r z zh s sh gh f q k g ng l m n h o u ö ü w ë i y', () => {
    expect(UYGHUR_ALPHABET.map((c) => codePoints(c)[0])).toEqual(
      '627 6d5 628 67e 62a 62c 686 62e 62f 631 632 698 633 634 63a 641 642 643 6af 6ad 644 645 646 6be 648 6c7 6c6 6c8 6cb 6d0 649 64a'.split(' '),
    );
  });

  it('orders single letters by the alphabet, each vowel with or without its hamza carrier', () => {
    const vowels = new Set(Array.from('اەوۇۆۈېى'));
    const words = UYGHUR_ALPHABET.map((letter) => (vowels.has(letter) ? `ئ${letter}` : letter));
    expect(sortUg([...words].reverse())).toEqual(words);
  });

  it('files a word written with ئ under its vowel, not before ب', () => {
    expect(sortUg(['ئۆكتەبىر', 'دېكابىر', 'ئاپرېل', 'بازار'])).toEqual(['ئاپرېل', 'بازار', 'دېكابىر', 'ئۆكتەبىر']);
  });

  it("agrees with ICU's 'ug' order (Node) on the letters themselves", () => {
    expect([...UYGHUR_ALPHABET].reverse().sort(new Intl.Collator('ug').compare)).toEqual(UYGHUR_ALPHABET);
  });

  it("differs from ICU's 'ug' order on the hamza carrier, which ICU files before every letter", () => {
    const words = ['ئۆكتەبىر', 'دېكابىر'];
    expect([...words].sort(new Intl.Collator('ug').compare)).toEqual(['ئۆكتەبىر', 'دېكابىر']);
    expect(sortUg(words)).toEqual(['دېكابىر', 'ئۆكتەبىر']);
  });

  it('ignores tatweel and harakat, then breaks the tie by code points', () => {
    const plain = 'بازار';
    const decorated = 'بـازَار';
    expect(sortUg(['ئىتتىپاق', decorated, 'بۈگۈر', plain])).toEqual([plain, decorated, 'بۈگۈر', 'ئىتتىپاق']);
  });

  it('puts a shorter phrase before its continuations and spaces before letters', () => {
    expect(sortUg(['ئىتتىپاقچى', 'ئىتتىپاق كومىتېتى', 'ئىتتىپاق'])).toEqual(['ئىتتىپاق', 'ئىتتىپاق كومىتېتى', 'ئىتتىپاقچى']);
  });

  it('compares digit runs by value and puts digits and Latin before Uyghur', () => {
    expect(sortUg(['ب', 'b', '10', '9', 'B', '09'])).toEqual(['09', '9', '10', 'B', 'b', 'ب']);
  });

  it('is consistent with equality and orders by code point on primary ties', () => {
    expect(ug.compare('بازار', 'بازار')).toBe(0);
    expect(ug.compare('Excel', 'excel')).toBe(-1);
    expect(ug.compare('excel', 'Excel')).toBe(1);
  });
});

describe('Chinese order', () => {
  const zh = createCollator('zh-CN');
  it('is pinyin with numbers by value, total by code points', () => {
    expect(['轮台镇', '阿克萨来乡', '草湖乡'].sort(zh.compare)).toEqual(['阿克萨来乡', '草湖乡', '轮台镇']);
    expect(['团支部10', '团支部9'].sort(zh.compare)).toEqual(['团支部9', '团支部10']);
    expect(zh.compare('团支部01', '团支部1')).not.toBe(0);
  });
});

describe('digits of any script', () => {
  it.each(['ug', 'zh-CN'] as const)('compare by value in %s, whatever keyboard typed them', (lang) => {
    const collator = createCollator(lang);
    // Arabic-Indic ٣ (3), Persian ۱۲ (12), Devanagari ५ (5), ASCII 10.
    expect(['۱۲', '10', '५', '٣'].sort(collator.compare)).toEqual(['٣', '५', '10', '۱۲']);
  });

  it('keep the Chinese order transitive where ICU alone is not', () => {
    const icu = new Intl.Collator('zh-CN', { numeric: true });
    // ICU's numeric collation cycles on a digit run that mixes scripts: 0ا < 1 < 0۵ < 0ا.
    expect([icu.compare('0ا', '1'), icu.compare('1', '0۵'), icu.compare('0۵', '0ا')]).toEqual([-1, -1, -1]);
    const zh = createCollator('zh-CN');
    expect(['0۵', '1', '0ا'].sort(zh.compare)).toEqual(['0ا', '1', '0۵']);
    expect(zh.compare('0۵', '0ا')).toBe(1);
  });
});

describe('sortByText', () => {
  it('takes a property name or a function, copies, and keeps equal texts in input order', () => {
    const items = [
      { id: 1, name: 'ياشلار' },
      { id: 2, name: 'بازار' },
      { id: 3, name: 'ياشلار' },
      { id: 4, name: undefined },
    ];
    const byName = sortByText(items, 'name', 'ug');
    expect(byName.map((i) => i.id)).toEqual([4, 2, 1, 3]);
    expect(sortByText(items, (i) => i.name, 'ug')).toEqual(byName);
    expect(items.map((i) => i.id)).toEqual([1, 2, 3, 4]);
  });
});

describe('compareCodePoints', () => {
  it('puts supplementary characters after U+FFFF, unlike UTF-16 comparison', () => {
    const emoji = '\u{1F600}';
    const privateUse = '\uE000';
    expect(emoji < privateUse).toBe(true);
    expect(compareCodePoints(emoji, privateUse)).toBe(1);
    expect(compareCodePoints(privateUse, emoji)).toBe(-1);
  });
});

describe('normalizeUyghur', () => {
  it('maps every presentation-form letter to standard letters (NFKC does it; U+FE73 is dropped)', () => {
    const unmappedLetters = presentationForms().filter((c) => /\p{L}/u.test(c) && Array.from(normalizeUyghur(c)).some(isPresentationForm));
    expect(unmappedLetters.map(codePoints)).toEqual([]);
  });

  it('leaves only symbols of those blocks as they are', () => {
    const kept = presentationForms().filter((c) => normalizeUyghur(c) === c);
    expect(kept.filter((c) => !/[\p{S}\p{P}\p{Cn}]/u.test(c)).map(codePoints)).toEqual([]);
  });

  it('turns Uyghur presentation forms into the letters they show', () => {
    expect(normalizeUyghur('\uFBE4\uFBE8\uFBEA\uFBAA\uFB8E')).toBe('ېىئاھك');
  });

  it('leaves standard Uyghur text unchanged', () => {
    const text = 'كوممۇنىستىك ياشلار ئىتتىپاقى بۈگۈر ناھىيەلىك كومىتېتى ماقالە مۇسابىقىسى 2026';
    expect(normalizeUyghur(text)).toBe(text);
  });

  it('reads Farsi yeh and Arabic heh by their shape, through marks and tatweel', () => {
    expect(normalizeUyghur('\u06CC')).toBe('ى');
    expect(normalizeUyghur('\u06CC\u0640')).toBe('ي');
    expect(normalizeUyghur('\u06CC\u064E\u0628')).toBe('يب');
    expect(normalizeUyghur('\u06CC\u200C\u0628')).toBe('ىب');
    expect(normalizeUyghur('\u0647 \u0628')).toBe('ە ب');
    expect(normalizeUyghur('\u0647\u0621')).toBe('ەء');
    expect(normalizeUyghur('\u0647\u0627')).toBe('ھا');
  });

  it('never changes ھ or ە, which are distinct Uyghur letters', () => {
    expect(normalizeUyghur('ھە ەھ')).toBe('ھە ەھ');
  });

  it('composes ي with a combining hamza above into the hamza carrier', () => {
    expect(normalizeUyghur('\u064A\u0654\u0627')).toBe('ئا');
  });
});
