import fc from 'fast-check';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { UYGHUR_ALPHABET } from '../../../shared/i18n/collate';
import { buildOrgSearchIndex, createOrgMatcher, foldForSearch, matchesOrgQuery } from '../../../shared/text/search';

/** Characters of organisation names, with polyphones (长 行 重 还 乐 藏 阿 扎), ü (绿 吕) and digits. */
const HAN = Array.from('轮台南镇乡团委支部总工群巴克阳霞哈尔野云沟阿萨来塔拉草湖铁热扎策大雅中学第一二社区两新组织长行重还乐藏绿吕银');
const chineseName = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...HAN) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 120 }).map(String) }), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''));

/** For each Uyghur letter (and ئ), the presentation forms NFKC turns into it. */
const PRESENTATION = new Map<string, string[]>();
for (const [from, to] of [[0xfb50, 0xfdff], [0xfe70, 0xfeff]] as const) {
  for (let code = from; code <= to; code++) {
    const form = String.fromCodePoint(code);
    const letter = form.normalize('NFKC');
    if (letter !== form && (UYGHUR_ALPHABET.includes(letter) || letter === 'ئ')) PRESENTATION.set(letter, [...(PRESENTATION.get(letter) ?? []), form]);
  }
}
const uyghurWord = fc.array(fc.constantFrom(...UYGHUR_ALPHABET, 'ئ'), { minLength: 1, maxLength: 10 }).map((l) => l.join(''));
/** A word and the same word with each letter drawn as one of its presentation forms, chosen at random. */
const wordInPresentationForms = uyghurWord.chain((word) =>
  fc.tuple(...Array.from(word, (letter) => fc.constantFrom(letter, ...(PRESENTATION.get(letter) ?? [])))).map((forms) => [word, forms.join('')] as const),
);

const org = (zh?: string, ug?: string) => ({ id: 'x', code: 'LT-01-001', name: { zh, ug } });
const initials = (name: string) => pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();

describe('search properties', () => {
  it('finds a Chinese name by its own initials, as pinyin-pro reads them in context', () => {
    fc.assert(fc.property(chineseName, (name) => matchesOrgQuery(org(name), initials(name))));
  });

  it('finds a Chinese name by its full pinyin, and by any part of the name itself', () => {
    fc.assert(
      fc.property(chineseName, fc.nat(), fc.nat(), (name, a, b) => {
        const full = pinyin(name, { toneType: 'none', type: 'array', v: true }).join('');
        const [from, to] = [a % name.length, b % name.length].sort((x, y) => x - y);
        return matchesOrgQuery(org(name), full) && matchesOrgQuery(org(name), name.slice(from!, to! + 1));
      }),
    );
  });

  it('folding is idempotent', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }), uyghurWord, wordInPresentationForms.map(([, p]) => p));
    fc.assert(fc.property(text, (t) => foldForSearch(foldForSearch(t)) === foldForSearch(t)));
  });

  it('presentation-form text matches its standard form, whichever side it is on', () => {
    fc.assert(
      fc.property(wordInPresentationForms, ([standard, presented]) => {
        expect(foldForSearch(presented)).toBe(foldForSearch(standard));
        return matchesOrgQuery(org(undefined, standard), presented) && matchesOrgQuery(org(undefined, presented), standard);
      }),
    );
  });

  it('the index answers exactly what the one-off matcher answers', () => {
    const orgs = fc.uniqueArray(
      fc.record({ zh: fc.option(chineseName, { nil: undefined }), ug: fc.option(uyghurWord, { nil: undefined }), n: fc.integer({ min: 1, max: 999 }) }),
      { selector: (o) => o.n, maxLength: 20 },
    );
    const query = fc.oneof(chineseName, uyghurWord, fc.stringMatching(/^[a-z]{1,4}$/), fc.constantFrom('LT-0', 'LT-01-00', 'lt'));
    fc.assert(
      fc.property(orgs, query, (rows, q) => {
        const list = rows.map((r) => ({ id: String(r.n), code: `LT-01-${String(r.n).padStart(3, '0')}`, name: { zh: r.zh, ug: r.ug } }));
        const matcher = createOrgMatcher(q);
        const expected = new Set(list.filter(matcher).map((o) => o.id));
        const found = buildOrgSearchIndex(list).search(q);
        expect(new Set(found)).toEqual(expected);
        expect(found).toHaveLength(expected.size);
      }),
    );
  });
});
