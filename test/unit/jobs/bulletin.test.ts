import { describe, expect, it } from 'vitest';
import { buildBulletin, bulletinText, issueOfNotices } from '../../../shared/jobs/bulletin';
import { LTR_ISOLATE, POP_ISOLATE } from '../../../shared/i18n/format';
import { LOCALES, notice } from './fixtures';

const county = { zh: '共青团轮台县委员会', ug: 'كوممۇنىستىك ياشلار ئىتتىپاقى بۈگۈر ناھىيەلىك كومىتېتى' };
const townshipName = (id: string) => (id === 't1' ? { zh: '轮台镇团委' } : undefined);

describe('the WeChat bulletin text', () => {
  it('lists each notice numbered with its facts, in Chinese', () => {
    const bulletin = buildBulletin({ notices: [notice(), notice({ id: 'n2', title: { zh: '会计' }, payMin: null, payMax: null, education: 'any' })], lang: 'zh-CN', locales: LOCALES, issue: 175, countyName: county, townshipName });
    expect(bulletinText(bulletin)).toBe(
      [
        '轮青诚聘 · 第 175 期',
        '1. 轮台县幸福超市 · 收银员\n招聘人数：2 人\n月薪：2,600–3,200 元\n年龄：18–30 岁\n学历：高中\n地点：轮台镇\n截止日期：2025年3月31日\n联系人：王丽  0996-4621234',
        '2. 轮台县幸福超市 · 会计\n招聘人数：2 人\n年龄：18–30 岁\n地点：轮台镇\n截止日期：2025年3月31日\n联系人：王丽  0996-4621234',
        '共青团轮台县委员会',
      ].join('\n\n') + '\n',
    );
  });

  it('in Uyghur keeps phone numbers, ranges and numbers left to right inside isolates, and falls back to Chinese for a missing text', () => {
    const bulletin = buildBulletin({ notices: [notice({ title: { zh: '收银员' } })], lang: 'ug', locales: LOCALES, issue: 175, countyName: county, townshipName });
    const text = bulletinText(bulletin);
    expect(text).toContain(`${LTR_ISOLATE}0996-4621234${POP_ISOLATE}`);
    expect(text).toContain(`${LTR_ISOLATE}2,600–3,200${POP_ISOLATE}`);
    expect(text).toContain(`${LTR_ISOLATE}175${POP_ISOLATE}-سان`);
    expect(text).toContain('2025-يىلى 3-ئاينىڭ 31-كۈنى');
    expect(bulletin.entries[0]!.title).toBe('收银员');
    expect(bulletin.entries[0]!.employer).toBe('بۈگۈر ناھىيەلىك بەخت تاللا بازىرى');
    expect(bulletin.footer).toBe(county.ug);
  });

  it('every isolate opened is closed (a stray one would flip the rest of a WeChat post)', () => {
    const text = bulletinText(buildBulletin({ notices: [notice(), notice({ ageMin: null, payMax: null })], lang: 'ug', locales: LOCALES, countyName: county, townshipName }));
    expect(text.split(LTR_ISOLATE).length).toBe(text.split(POP_ISOLATE).length);
  });
});

describe("the bulletin's issue number, taken from the notices", () => {
  it('is the issue the picked notices were entered with, when those that have one agree', () => {
    expect(issueOfNotices([notice({ issue: 175 }), notice({ id: 'n2', issue: 175 })])).toBe(175);
    expect(issueOfNotices([notice({ issue: 175 }), notice({ id: 'n2', issue: null })])).toBe(175);
  });

  it('is left to the person when the notices name different issues, none, or no notice is picked', () => {
    expect(issueOfNotices([notice({ issue: 175 }), notice({ id: 'n2', issue: 176 })])).toBeNull();
    expect(issueOfNotices([notice({ issue: null })])).toBeNull();
    expect(issueOfNotices([])).toBeNull();
  });
});
