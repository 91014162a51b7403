import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBulletin, bulletinText } from '../../../shared/jobs/bulletin';
import { validateNotice } from '../../../shared/jobs/notice';
import { noticeContact, noticePlace, placeOfCommittee } from '../../../shared/jobs/places';
import { noticeSchema } from '../../../shared/jobs/rows';
import { saveNoticeWrites } from '../../../shared/jobs/writes';
import { parkingReason, type KnownSchema } from '../../../shared/sync/parking';
import { DATA_SCHEMA_VERSION, type Change } from '../../../shared/sync/change';
import { LOCALES, notice } from './fixtures';

const county = { zh: '共青团轮台县委员会', ug: 'كوممۇنىستىك ياشلار ئىتتىپاقى بۈگۈر ناھىيەلىك كومىتېتى' };
const townshipName = (id: string) => (id === 't1' ? { zh: '轮台镇团委', ug: 'بۈگۈر بازارلىق ئىتتىپاق كومىتېتى' } : undefined);

describe('places of work', () => {
  it('a township committee stands for its town or township by place name, in each language', () => {
    expect(placeOfCommittee({ zh: '轮台镇团委', ug: 'بۈگۈر بازارلىق ئىتتىپاق كومىتېتى' })).toEqual({ zh: '轮台镇', ug: 'بۈگۈر بازىرى' });
    expect(placeOfCommittee({ zh: '哈尔巴克乡团委', ug: 'خاربېك يېزىلىق ئىتتىپاق كومىتېتى' })).toEqual({ zh: '哈尔巴克乡', ug: 'خاربېك يېزىسى' });
    // A name of another form is kept as it is, and a missing side stays missing.
    expect(placeOfCommittee({ zh: '轮台县' })).toEqual({ zh: '轮台县' });
    expect(placeOfCommittee({})).toEqual({});
  });

  it('reads both shapes: a notice an older build wrote has one string each, read as the Chinese side', () => {
    const old = notice({ place: '人民路 8 号', contactName: '王丽' });
    expect(noticePlace(old)).toEqual({ zh: '人民路 8 号' });
    expect(noticeContact(old)).toEqual({ zh: '王丽' });
    const both = notice({ place: '人民路', placeUg: 'خەلق يولى', contactName: '王丽', contactNameUg: 'ۋاڭ لى' });
    expect(noticePlace(both)).toEqual({ zh: '人民路', ug: 'خەلق يولى' });
    expect(noticeContact(both)).toEqual({ zh: '王丽', ug: 'ۋاڭ لى' });
    expect(noticeSchema.safeParse(old).success).toBe(true);
    expect(noticeSchema.safeParse(both).success).toBe(true);
  });

  it('a contact named in either language is enough; none is a problem', () => {
    expect(validateNotice(notice({ contactName: '', contactNameUg: 'ۋاڭ لى' }))).toEqual([]);
    expect(validateNotice(notice({ contactName: ' ', contactNameUg: '' }))).toEqual([{ field: 'contactName', reason: 'contact-missing' }]);
  });
});

/** A build from before the Uyghur sides: it knows every notice field but these two. */
const olderBuild: KnownSchema = {
  version: DATA_SCHEMA_VERSION,
  fields: { notice: new Set([...Object.keys(noticeSchema.shape), '_deleted'].filter((f) => f !== 'id' && f !== 'placeUg' && f !== 'contactNameUg')) },
};
const asChange = (fields: Record<string, unknown>): Change => ({ id: 'x', hlc: 'x', device: 'd', author: 'a', table: 'notice', row: 'n1', fields, base: {}, scope: 'LT', schema: DATA_SCHEMA_VERSION });

describe('saving the Uyghur sides so that older builds keep the notice', () => {
  it('a new notice with both sides is two changes: the notice as older builds know it, then the Uyghur sides on their own', () => {
    const result = saveNoticeWrites(notice({ place: '人民路', placeUg: 'خەلق يولى', contactNameUg: 'ۋاڭ لى' }), undefined, 'LT');
    if (!result.ok) throw new Error('refused');
    expect(result.writes).toHaveLength(2);
    const [main, uyghur] = result.writes;
    expect(Object.keys(uyghur!.fields).sort()).toEqual(['contactNameUg', 'placeUg']);
    // The older build applies the notice (every value valid for its schema) and parks only the Uyghur sides.
    expect(parkingReason(asChange(main!.fields), olderBuild)).toBeUndefined();
    expect(noticeSchema.omit({ id: true, placeUg: true, contactNameUg: true }).safeParse(main!.fields).success).toBe(true);
    expect(parkingReason(asChange(uyghur!.fields), olderBuild)).toBe('unknown-field');
  });

  it('without Uyghur sides a notice is one change, as before (nothing parked anywhere)', () => {
    const result = saveNoticeWrites(notice({ placeUg: '', contactNameUg: '' }), undefined, 'LT');
    expect(result.ok && result.writes.map((w) => Object.keys(w.fields).some((f) => f.endsWith('Ug')))).toEqual([false]);
  });

  it('clearing a Uyghur side writes it empty (a merged field cannot be unset); an edit of the Chinese side alone writes no Uyghur change', () => {
    const before = notice({ placeUg: 'خەلق يولى' });
    const cleared = saveNoticeWrites({ ...before, placeUg: '' }, before, 'LT');
    expect(cleared.ok && cleared.writes.map((w) => w.fields)).toEqual([{ placeUg: '' }]);
    const edited = saveNoticeWrites({ ...before, place: '新华路' }, before, 'LT');
    expect(edited.ok && edited.writes.map((w) => w.fields)).toEqual([{ place: '新华路' }]);
  });

  it('whatever sides are typed, every field reaches the row exactly once and the first change alone is what older builds apply', () => {
    const side = fc.constantFrom(undefined, '', 'خەلق يولى', '  ۋاڭ لى ');
    fc.assert(
      fc.property(side, side, (placeUg, contactNameUg) => {
        const draft = notice({ ...(placeUg !== undefined ? { placeUg } : {}), ...(contactNameUg !== undefined ? { contactNameUg } : {}) });
        const result = saveNoticeWrites(draft, undefined, 'LT');
        if (!result.ok) throw new Error('refused');
        const keys = result.writes.flatMap((w) => Object.keys(w.fields));
        expect(new Set(keys).size).toBe(keys.length);
        expect(parkingReason(asChange(result.writes[0]!.fields), olderBuild)).toBeUndefined();
      }),
    );
  });
});

describe('the bulletin, bilingual to the place and the contact', () => {
  const bilingual = notice({ place: '人民路 8 号', placeUg: 'خەلق يولى 8-نومۇر', contactName: '王丽', contactNameUg: 'ۋاڭ لى' });

  it('in Chinese: the town by its place name (not its committee), the Chinese place and contact', () => {
    const text = bulletinText(buildBulletin({ notices: [bilingual], lang: 'zh-CN', locales: LOCALES, countyName: county, townshipName }));
    expect(text).toContain('地点：轮台镇，人民路 8 号');
    expect(text).toContain('联系人：王丽');
    expect(text).not.toContain('团委');
  });

  it('in Uyghur: every part of place and contact in Uyghur, no Chinese left', () => {
    const bulletin = buildBulletin({ notices: [bilingual], lang: 'ug', locales: LOCALES, countyName: county, townshipName });
    const lines = bulletin.entries[0]!.lines.join('\n');
    expect(lines).toContain('بۈگۈر بازىرى');
    expect(lines).toContain('خەلق يولى 8-نومۇر');
    expect(lines).toContain('ۋاڭ لى');
    expect(lines).not.toMatch(/\p{Script=Han}/u);
  });

  it('falls back to the other language for a side not given, as titles do (an older build’s notice in Uyghur)', () => {
    const bulletin = buildBulletin({ notices: [notice({ place: '人民路', contactName: '王丽' })], lang: 'ug', locales: LOCALES, countyName: county, townshipName });
    const lines = bulletin.entries[0]!.lines.join('\n');
    expect(lines).toContain('人民路');
    expect(lines).toContain('王丽');
  });
});
