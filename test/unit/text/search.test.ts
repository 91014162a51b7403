import { describe, expect, it } from 'vitest';
import { buildDemoStructure } from '../../../shared/demo/structure';
import { buildOrgSearchIndex, createOrgMatcher, foldForSearch, matchesOrgQuery, type SearchableOrg } from '../../../shared/text/search';

const org = (id: string, code: string, zh?: string, ug?: string): SearchableOrg => ({ id, code, name: { zh, ug } });

const county = org('county', 'LT', '共青团轮台县委员会', 'كوممۇنىستىك ياشلار ئىتتىپاقى بۈگۈر ناھىيەلىك كومىتېتى');
const luntai = org('luntai', 'LT-01', '轮台镇团委');
const lunnan = org('lunnan', 'LT-02', '轮南镇团委');
const qunbake = org('qunbake', 'LT-03', '群巴克镇团委');
const branch12 = org('b12', 'LT-03-012', '群巴克镇第12团支部');
const ORGS = [county, luntai, lunnan, qunbake, branch12];
const index = buildOrgSearchIndex(ORGS);

describe('finding an organisation by its Chinese name', () => {
  it('matches any part of the name', () => {
    expect(index.search('台镇')).toEqual(['luntai']);
    expect(index.search('团委')).toEqual(['luntai', 'lunnan', 'qunbake']);
  });

  it('matches pinyin initials: lt and ltz find 轮台镇, at the start or inside the name', () => {
    expect(index.search('lt')).toContain('luntai');
    expect(index.search('ltz')).toEqual(['luntai']);
    expect(index.search('LTZ')).toEqual(['luntai']);
    expect(index.search('tw')).toEqual(['luntai', 'lunnan', 'qunbake']);
    expect(index.search('lx')).toEqual([]);
  });

  it('matches whole syllables, a prefix of the last one, and a mix of syllables and initials', () => {
    for (const query of ['luntai', 'luntaizhen', 'lunt', 'luntaiz', 'ltai', 'lunta']) expect(index.search(query), query).toContain('luntai');
    expect(index.search('luntaizhen')).toEqual(['luntai']);
    expect(index.search('lunnan')).toEqual(['lunnan']);
    // Syllables must be consecutive; letters inside a syllable cannot be skipped.
    expect(index.search('lnt')).toEqual([]);
    expect(index.search('unt')).toEqual([]);
  });

  it('matches every reading of a polyphonic character', () => {
    const bank = org('bank', 'LT-04', '银行团支部');
    const changcheng = org('cc', 'LT-05', '长城团支部');
    for (const query of ['yh', 'yinhang', 'yx', 'yinxing']) expect(matchesOrgQuery(bank, query), query).toBe(true);
    for (const query of ['cc', 'zc', 'zhangcheng']) expect(matchesOrgQuery(changcheng, query), query).toBe(true);
  });

  it('spells ü both as v (pinyin keyboards) and u', () => {
    const green = org('green', 'LT-06', '绿洲团支部');
    for (const query of ['lvzhou', 'luzhou', 'lüzhou', 'lz']) expect(matchesOrgQuery(green, query), query).toBe(true);
  });

  it('takes digits and Latin letters in a name as syllables of their own', () => {
    expect(index.search('d12')).toEqual(['b12']);
    expect(index.search('qbkzd1')).toEqual(['b12']);
    expect(matchesOrgQuery(org('ktv', 'LT-07', 'KTV团支部'), 'ktvt')).toBe(true);
  });

  it('forgives full-width letters and digits typed with a Chinese input method', () => {
    expect(index.search('ｌｔｚ')).toEqual(['luntai']);
    expect(index.search('第１２')).toEqual(['b12']);
  });
});

describe('finding an organisation by its code', () => {
  it('matches a code prefix, in any case', () => {
    expect(index.search('LT-03')).toEqual(['qunbake', 'b12']);
    expect(index.search('lt-03-0')).toEqual(['b12']);
    expect(index.search('LT-0')).toEqual(['luntai', 'lunnan', 'qunbake', 'b12']);
  });

  it('does not treat bare county letters as a prefix of every code, only as a whole code', () => {
    expect(index.search('LT')).toEqual(['county', 'luntai']);
    expect(index.search('L')).not.toContain('qunbake');
  });
});

describe('finding an organisation by its Uyghur name', () => {
  it('matches a word of the name', () => {
    expect(index.search('بۈگۈر')).toEqual(['county']);
    expect(index.search('ناھىيە')).toEqual(['county']);
  });

  it('matches when the query is written in presentation forms', () => {
    expect(index.search('ﺑﯜﮔﯜﺭ')).toEqual(['county']);
  });

  it('matches when the name is stored in presentation forms', () => {
    const stored = org('pf', 'LT-08', undefined, 'ﺑﯜﮔﯜﺭ ﺑﺎﺯﯨﺮﻯ');
    expect(matchesOrgQuery(stored, 'بۈگۈر')).toBe(true);
    expect(matchesOrgQuery(stored, 'بازىرى')).toBe(true);
  });

  it('matches lookalike letters typed with an Arabic or Persian keyboard, and ignores harakat and tatweel', () => {
    expect(index.search('کوممۇنىستىک')).toEqual(['county']);
    // A Farsi yeh at the end of a word looks like ى (i), as in ئىتتىپاقى.
    expect(index.search('ئىتتىپاقی بۈگۈر')).toEqual(['county']);
    expect(index.search('بـۈگُۈر')).toEqual(['county']);
  });

  it('reads an Arabic heh at the end of a half-typed word as either Uyghur letter', () => {
    // In the name, ھ is joined to the next letter; typed alone, an Arabic heh would read as ە.
    expect(index.search('ناه')).toEqual(['county']);
    expect(index.search('ناھىيه')).toEqual(['county']);
  });

  it('ignores case and accents of Latin letters', () => {
    const latin = org('latin', 'LT-09', undefined, 'Bügür Yash');
    expect(matchesOrgQuery(latin, 'BUGUR')).toBe(true);
    expect(matchesOrgQuery(latin, 'bügür yash')).toBe(true);
  });
});

describe('queries and ranking', () => {
  it('needs every word of a query to match, in any field', () => {
    expect(index.search('团委 lt')).toEqual(['luntai']);
    expect(index.search('LT-03 d12')).toEqual(['b12']);
    expect(index.search('团委 xyz')).toEqual([]);
  });

  it('lists matches at the start before matches inside, then higher in the tree first, then by code', () => {
    const demo = buildDemoStructure().orgs;
    const byId = new Map(demo.map((o) => [o.id, o]));
    const found = buildOrgSearchIndex(demo).search('lt').map((id) => byId.get(id)!.code);
    expect(found.slice(0, 2)).toEqual(['LT', 'LT-01']);
    expect(found.indexOf('LT-01')).toBeLessThan(found.indexOf('LT-01-001'));
  });

  it('gives every organisation for an empty or blank query', () => {
    expect(index.search('')).toHaveLength(ORGS.length);
    expect(index.search('   ')).toHaveLength(ORGS.length);
    expect(createOrgMatcher('')(branch12)).toBe(true);
  });

  it('finds 轮台镇团委 in the demo county by lt, ltz and luntai', () => {
    const demo = buildDemoStructure().orgs;
    const target = demo.find((o) => o.name.zh === '轮台镇团委')!;
    const demoIndex = buildOrgSearchIndex(demo);
    for (const query of ['lt', 'ltz', 'luntai']) expect(demoIndex.search(query)).toContain(target.id);
  });

  it('re-indexes a changed tree, reusing the keys of what did not change', () => {
    const renamed = { ...lunnan, name: { zh: '阳霞镇团委' } };
    const next = buildOrgSearchIndex([county, luntai, renamed, qunbake, branch12], index);
    expect(next.search('yxz')).toEqual(['lunnan']);
    expect(next.search('lnz')).toEqual([]);
    expect(next.search('ltz')).toEqual(['luntai']);
    expect(index.search('lnz')).toEqual(['lunnan']);
  });
});

describe('folding text for search', () => {
  it('lower-cases, strips Latin accents and keeps Uyghur letters whole', () => {
    expect(foldForSearch('Bügür ÉTÉ')).toBe('bugur ete');
    expect(foldForSearch('ئىتتىپاق')).toBe('ئىتتىپاق');
    expect(foldForSearch('ﺋﯩﺘﺘﯩﭙﺎﻕ')).toBe('ئىتتىپاق');
  });
});

describe('finding an organisation by its Uyghur name typed in Latin script (ULY)', () => {
  const bugur = org('bugur', 'LT-01', '轮台镇团委', 'بۈگۈر بازىرى ئىتتىپاق كومىتېتى');
  const yeza = org('yeza', 'LT-02', '哈尔巴克乡团委', 'خارباغ يېزىسى ئىتتىپاق كومىتېتى');
  const otturaYeza = org('ottura', 'LT-03', '草湖乡团委', 'ئوتتۇرا يېزا');
  const mesul = org('mesul', 'LT-04', '某团支部', 'مەسئۇل ياچېيكا');
  const latinIndex = buildOrgSearchIndex([bugur, yeza, otturaYeza, mesul]);

  it.each([
    ['bugur', ['bugur']],
    ['Bügür', ['bugur']],
    ['BUGUR bazir', ['bugur']],
    ['yeza', ['ottura']],
    ['yéza', ['ottura']],
    ['yézisi', ['yeza']],
    ['kharbagh', []],
    ['xarbagh', ['yeza']],
    ["mes'ul", ['mesul']],
    ['mesul', ['mesul']],
  ])('%s finds %j', (query, ids) => {
    expect(latinIndex.search(query)).toEqual(ids);
  });

  it('matches only from the start of a word, not inside a transliterated name', () => {
    expect(latinIndex.search('gur')).toEqual([]);
    expect(latinIndex.search('ittipaq')).toEqual(['bugur', 'yeza']);
  });
});
