import type { BilingualText, Lang } from '../i18n/lang';
import { buildOrgSearchIndex, foldForSearch, type OrgSearchIndex } from '../text/search';

/*
 * China's ethnic groups by their standard codes (GB/T 3304-1991, "Names of nationalities of China
 * in romanization with codes"): 01 汉族 … 56 基诺族, in the standard's order, plus its two codes for
 * people outside the 56: 97 (an ethnic group not yet identified) and 98 (Chinese citizens of
 * foreign origin). A person's ethnicity is stored as the code, so two clerks who type 维吾尔族 and
 * ئۇيغۇر record one group once, and every reader sees the name in their own language.
 *
 * Uyghur names follow published Uyghur usage: groups with an own name in Uyghur have it (ئۇيغۇر,
 * قازاق, قىرغىز, موڭغۇل, تاجىك, ئۆزبېك, تاتار, رۇس, شىبە, داغۇر, مانجۇ, سالار, يۇغۇر …); the others
 * are the Chinese name as Uyghur writes it, with -زۇ (族), as Xinjiang's official documents do.
 */

export interface EthnicGroup {
  /** Two digits, GB/T 3304. */
  code: string;
  name: Required<BilingualText>;
}

const group = (code: string, zh: string, ug: string): EthnicGroup => ({ code, name: { zh, ug } });

export const ETHNIC_GROUPS: readonly EthnicGroup[] = [
  group('01', '汉族', 'خەنزۇ'),
  group('02', '蒙古族', 'موڭغۇل'),
  group('03', '回族', 'خۇيزۇ'),
  group('04', '藏族', 'زاڭزۇ'),
  group('05', '维吾尔族', 'ئۇيغۇر'),
  group('06', '苗族', 'مياۋزۇ'),
  group('07', '彝族', 'يىزۇ'),
  group('08', '壮族', 'جۇاڭزۇ'),
  group('09', '布依族', 'بۇيىزۇ'),
  group('10', '朝鲜族', 'چاۋشيەنزۇ'),
  group('11', '满族', 'مانجۇ'),
  group('12', '侗族', 'دۇڭزۇ'),
  group('13', '瑶族', 'ياۋزۇ'),
  group('14', '白族', 'بەيزۇ'),
  group('15', '土家族', 'تۇجيازۇ'),
  group('16', '哈尼族', 'خانىزۇ'),
  group('17', '哈萨克族', 'قازاق'),
  group('18', '傣族', 'دەيزۇ'),
  group('19', '黎族', 'لىزۇ'),
  group('20', '傈僳族', 'لىسۇزۇ'),
  group('21', '佤族', 'ۋازۇ'),
  group('22', '畲族', 'شېزۇ'),
  group('23', '高山族', 'گاۋشەنزۇ'),
  group('24', '拉祜族', 'لاخۇزۇ'),
  group('25', '水族', 'شۈيزۇ'),
  group('26', '东乡族', 'دۇڭشياڭزۇ'),
  group('27', '纳西族', 'ناشىزۇ'),
  group('28', '景颇族', 'جىڭپوزۇ'),
  group('29', '柯尔克孜族', 'قىرغىز'),
  group('30', '土族', 'تۇزۇ'),
  group('31', '达斡尔族', 'داغۇر'),
  group('32', '仫佬族', 'مۇلاۋزۇ'),
  group('33', '羌族', 'چياڭزۇ'),
  group('34', '布朗族', 'بۇلاڭزۇ'),
  group('35', '撒拉族', 'سالار'),
  group('36', '毛南族', 'ماۋنەنزۇ'),
  group('37', '仡佬族', 'گېلاۋزۇ'),
  group('38', '锡伯族', 'شىبە'),
  group('39', '阿昌族', 'ئاچاڭزۇ'),
  group('40', '普米族', 'پۇمىزۇ'),
  group('41', '塔吉克族', 'تاجىك'),
  group('42', '怒族', 'نۇزۇ'),
  group('43', '乌孜别克族', 'ئۆزبېك'),
  group('44', '俄罗斯族', 'رۇس'),
  group('45', '鄂温克族', 'ئېۋېنكى'),
  group('46', '德昂族', 'دېئاڭزۇ'),
  group('47', '保安族', 'باۋئەنزۇ'),
  group('48', '裕固族', 'يۇغۇر'),
  group('49', '京族', 'جىڭزۇ'),
  group('50', '塔塔尔族', 'تاتار'),
  group('51', '独龙族', 'دۇلۇڭزۇ'),
  group('52', '鄂伦春族', 'ئوروچون'),
  group('53', '赫哲族', 'خېجېزۇ'),
  group('54', '门巴族', 'مېنبازۇ'),
  group('55', '珞巴族', 'لوبازۇ'),
  group('56', '基诺族', 'جىنۇزۇ'),
  group('97', '其他未识别民族', 'تونۇلمىغان باشقا مىللەتلەر'),
  group('98', '外国血统中国籍人士', 'چەت ئەل نەسەبلىك جۇڭگو پۇقرالىرى'),
];

const byCode: ReadonlyMap<string, EthnicGroup> = new Map(ETHNIC_GROUPS.map((g) => [g.code, g]));

/** The group a stored code stands for; undefined for anything else. */
export function ethnicGroup(code: string): EthnicGroup | undefined {
  return byCode.get(code);
}

/*
 * Names as clerks typed them before the pick list: the full Chinese name (维吾尔族), the name
 * without 族 (维吾尔, for names longer than one character: 土 or 回 alone is too little to go on),
 * the Uyghur name (ئۇيغۇر), or with "مىللىتى" after it. Compared folded (foldForSearch: letter forms, case, invisible marks).
 */
const byName: ReadonlyMap<string, string> = (() => {
  const names = new Map<string, string>();
  const add = (name: string, code: string) => {
    const key = foldForSearch(name.trim());
    if (key && !names.has(key)) names.set(key, code);
  };
  for (const { code, name } of ETHNIC_GROUPS) {
    add(name.zh, code);
    add(name.ug, code);
    add(`${name.ug} مىللىتى`, code);
    if (name.zh.endsWith('族') && name.zh.length > 2) add(name.zh.slice(0, -1), code);
  }
  return names;
})();

/** The code of a group named in either language (as stored by older builds); undefined if unknown. */
export function ethnicityCodeOfName(name: string): string | undefined {
  return byName.get(foldForSearch(name.trim()));
}

/**
 * A stored ethnicity as this build understands it: a code; a name an older build stored, read as
 * its code; or text no group is known by, kept as written (and marked where it is shown).
 */
export type Ethnicity = { kind: 'group'; group: EthnicGroup } | { kind: 'text'; text: string };

export function readEthnicity(stored: string | undefined): Ethnicity | undefined {
  const value = stored?.trim() ?? '';
  if (value === '') return undefined;
  const group = ethnicGroup(value) ?? ethnicGroup(ethnicityCodeOfName(value) ?? '');
  return group ? { kind: 'group', group } : { kind: 'text', text: value };
}

/** What is stored for a typed or picked value: the code for any known group, else the text trimmed. */
export function ethnicityToStore(value: string): string {
  const read = readEthnicity(value);
  return read === undefined ? '' : read.kind === 'group' ? read.group.code : read.text;
}

/** The name in the reader's language, and whether it is a known group (false: shown as written). */
export function ethnicityName(stored: string | undefined, lang: Lang): { text: string; known: boolean } | undefined {
  const read = readEthnicity(stored);
  if (read === undefined) return undefined;
  return read.kind === 'group' ? { text: lang === 'ug' ? read.group.name.ug : read.group.name.zh, known: true } : { text: read.text, known: false };
}

let index: OrgSearchIndex | undefined;

/**
 * Codes of the groups a picker's query finds, best first, with the organisation search's matching
 * (one way to search names in this app): Chinese substring or pinyin (`wwe`, `weiwuer`), Uyghur
 * letters normalized (ئۇيغ), Uyghur typed in Latin script (`uyghur`), or the code (`05`). An empty
 * query gives every group in code order.
 */
export function searchEthnicGroups(query: string): string[] {
  index ??= buildOrgSearchIndex(ETHNIC_GROUPS.map((g) => ({ id: g.code, code: g.code, name: g.name })));
  return index.search(query);
}
