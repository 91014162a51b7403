import { describe, expect, it } from 'vitest';
import { createI18n } from '../../renderer/src/i18n';
import { interpolate } from '../../shared/i18n/interpolate';
import ugContests from '../../locales/ug/contests.json';
import ugSync from '../../locales/ug/sync.json';

// One mechanism: the renderer's i18next and the reports' and command line's interpolate fill
// `{{name, dative}}` with the same ending.
describe("the renderer's i18next", () => {
  it('attaches Uyghur case endings the way shared code does (one set of formats)', async () => {
    const i18n = await createI18n('ug');
    const values = { name: 'ئايگۈل', title: 'يۇرتۇم', contest: 'ماھارەت مۇسابىقىسى', award: 'بىرىنچى دەرىجىلىك مۇكاپات' };
    const rendered = i18n.t('contests:certificate.body', values);
    expect(rendered).toContain('ماھارەت مۇسابىقىسىدا بىرىنچى دەرىجىلىك مۇكاپاتقا ئېرىشتى');
    expect(rendered).toBe(interpolate(ugContests.certificate.body, values));
    // a camel-case format name (i18next lower-cases format names on both sides)
    expect(i18n.t('sync:preview.futureStamped', { pc: 'بۈگۈر بازىرى', count: 2, date: 'x' })).toMatch(/^بۈگۈر بازىرىدىكى /);
  });

  it('fills the sync page date with its locative: …كۈنىدە, not كۈنى دا', async () => {
    const i18n = await createI18n('ug');
    const date = '2026-يىلى 11-ئاينىڭ 22-كۈنى';
    expect(i18n.t('sync:backups.verified', { count: 3, date })).toContain('22-كۈنىدە ئېلىنغان');
    expect(ugSync.backups.verified).toContain('{{date, locative}}');
  });
});
