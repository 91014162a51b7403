import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ETHNIC_GROUPS, ethnicGroup, ethnicityCodeOfName, ethnicityName, ethnicityToStore, readEthnicity, searchEthnicGroups } from '../../../shared/domain/ethnicity';
import { placementSchema } from '../../../shared/jobs/rows';
import { placementsTable } from '../../../shared/jobs/figuresTable';
import { savePlacementWrites } from '../../../shared/jobs/writes';
import { LOCALES, notice, placement } from '../jobs/fixtures';

const UYGHUR_LETTERS = /^[\u0600-\u06ff ]+$/u;
const group = fc.constantFrom(...ETHNIC_GROUPS);
const side = fc.constantFrom('zh' as const, 'ug' as const);
const padding = fc.constantFrom('', ' ', '  ', '\u200f', '\t');

describe('the ethnic group code list (GB/T 3304)', () => {
  it('has the 56 groups, 01 to 56 in order, and the codes for an unidentified group (97) and citizens of foreign origin (98)', () => {
    expect(ETHNIC_GROUPS.map((g) => g.code)).toEqual([...Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')), '97', '98']);
    expect(ethnicGroup('01')?.name).toEqual({ zh: '汉族', ug: 'خەنزۇ' });
    expect(ethnicGroup('05')?.name).toEqual({ zh: '维吾尔族', ug: 'ئۇيغۇر' });
    expect(ethnicGroup('56')?.name.zh).toBe('基诺族');
  });

  it('gives every group a Chinese name in Chinese characters and a Uyghur name in Uyghur letters, each unique', () => {
    for (const g of ETHNIC_GROUPS) {
      expect(g.name.zh).toMatch(/^\p{Script=Han}+$/u);
      expect(g.name.ug).toMatch(UYGHUR_LETTERS);
    }
    expect(new Set(ETHNIC_GROUPS.map((g) => g.code)).size).toBe(ETHNIC_GROUPS.length);
    expect(new Set(ETHNIC_GROUPS.map((g) => g.name.zh)).size).toBe(ETHNIC_GROUPS.length);
    expect(new Set(ETHNIC_GROUPS.map((g) => g.name.ug)).size).toBe(ETHNIC_GROUPS.length);
  });

  it('every code fits the field older builds accept (a string of at most 30 characters)', () => {
    for (const g of ETHNIC_GROUPS) expect(placementSchema.shape.ethnicity.safeParse(g.code).success).toBe(true);
  });

  it('maps a name in either language to its code and back to the same name, whatever spaces surround it', () => {
    fc.assert(
      fc.property(group, side, padding, padding, (g, lang, before, after) => {
        const code = ethnicityCodeOfName(`${before}${g.name[lang]}${after}`);
        expect(code).toBe(g.code);
        expect(ethnicityName(code, lang === 'ug' ? 'ug' : 'zh-CN')).toEqual({ text: g.name[lang], known: true });
      }),
    );
  });

  it('reads the ways clerks typed a group before the list: 维吾尔 without 族, ئۇيغۇر مىللىتى, Arabic-keyboard letters', () => {
    expect(ethnicityCodeOfName('维吾尔')).toBe('05');
    expect(ethnicityCodeOfName('ئۇيغۇر مىللىتى')).toBe('05');
    expect(ethnicityCodeOfName('哈萨克')).toBe('17');
    // A Persian keheh for kaf, as an Arabic keyboard types it.
    expect(ethnicityCodeOfName('تاجى\u06A9')).toBe('41');
    // One character is too little to go on: 土 is not 土族, 回 not 回族.
    expect(ethnicityCodeOfName('土')).toBeUndefined();
    expect(ethnicityCodeOfName('回')).toBeUndefined();
  });
});

describe('a stored ethnicity, whichever build wrote it', () => {
  it('a code is its group; a known name is read as its code; anything else is kept as written', () => {
    expect(readEthnicity('05')).toEqual({ kind: 'group', group: ethnicGroup('05') });
    expect(readEthnicity('维吾尔族')).toEqual({ kind: 'group', group: ethnicGroup('05') });
    expect(readEthnicity('ئۇيغۇر')).toEqual({ kind: 'group', group: ethnicGroup('05') });
    expect(readEthnicity(' 维族 ')).toEqual({ kind: 'text', text: '维族' });
    expect(readEthnicity('')).toBeUndefined();
    expect(readEthnicity(undefined)).toBeUndefined();
    expect(ethnicityName('维吾尔族', 'ug')).toEqual({ text: 'ئۇيغۇر', known: true });
    expect(ethnicityName('维族', 'ug')).toEqual({ text: '维族', known: false });
  });

  it('is stored as the code when the row is next saved, and text no group is known by is kept', () => {
    const live = new Set(['n1']);
    const old = placement({ ethnicity: '维吾尔族' });
    const saved = savePlacementWrites({ ...old, age: 23 }, old, live, 'LT');
    expect(saved.ok && saved.writes[0]!.fields).toEqual({ age: 23, ethnicity: '05' });
    const unknown = placement({ ethnicity: '维族' });
    const kept = savePlacementWrites({ ...unknown, age: 23 }, unknown, live, 'LT');
    expect(kept.ok && kept.writes[0]!.fields).toEqual({ age: 23 });
    expect(ethnicityToStore(' ئۇيغۇر ')).toBe('05');
  });

  it('storing is idempotent: what is stored reads back as what is stored', () => {
    fc.assert(
      fc.property(fc.oneof(group.map((g) => g.name.zh), group.map((g) => g.name.ug), group.map((g) => g.code), fc.string({ maxLength: 30 })), (typed) => {
        const stored = ethnicityToStore(typed);
        expect(ethnicityToStore(stored)).toBe(stored);
      }),
    );
  });
});

describe('finding a group as it is typed', () => {
  it('finds by Chinese, pinyin, Uyghur letters, Uyghur in Latin script and code', () => {
    expect(searchEthnicGroups('维吾尔')[0]).toBe('05');
    expect(searchEthnicGroups('wwe')).toContain('05');
    expect(searchEthnicGroups('ئۇيغ')[0]).toBe('05');
    expect(searchEthnicGroups('qazaq')).toContain('17');
    expect(searchEthnicGroups('17')[0]).toBe('17');
    expect(searchEthnicGroups('')).toHaveLength(ETHNIC_GROUPS.length);
  });
});

describe('the placements table', () => {
  const report = { year: 2025 } as Parameters<typeof placementsTable>[0];
  const ctx = (lang: 'zh-CN' | 'ug') => ({ lang, locales: LOCALES, countyName: { zh: '轮台县' }, townshipName: () => undefined });
  const rows = [placement({ id: 'p1', ethnicity: '05' }), placement({ id: 'p2', ethnicity: '维吾尔族' }), placement({ id: 'p3', ethnicity: '01' })];

  it("prints each group's name in the reader's language, codes and old names alike", () => {
    const notices = new Map([['n1', notice()]]);
    expect(placementsTable(report, rows, notices, ctx('ug')).rows.map((r) => r['ethnicity'])).toEqual(['ئۇيغۇر', 'ئۇيغۇر', 'خەنزۇ']);
    expect(placementsTable(report, rows, notices, ctx('zh-CN')).rows.map((r) => r['ethnicity'])).toEqual(['维吾尔族', '维吾尔族', '汉族']);
    expect(placementsTable(report, rows, notices, ctx('zh-CN')).footnotes).toHaveLength(1);
  });

  it('prints text no group is known by as written, marked, with a note saying what the mark means', () => {
    const table = placementsTable(report, [placement({ ethnicity: '维族' })], new Map(), ctx('zh-CN'));
    expect(table.rows[0]!['ethnicity']).toBe('维族*');
    expect(table.footnotes).toContain(LOCALES['zh-CN'].report.asWrittenNote);
  });
});
