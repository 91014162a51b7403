import { cleanup, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { generateDemoCounty } from '../../shared/demo/luntai';
import { outlineDemo } from '../../shared/demo/summary';
import { FirstStart } from '../../renderer/src/features/welcome/FirstStart';
import { renderInApp } from './renderInApp';

const outline = outlineDemo(generateDemoCounty());
/** Uyghur numbers are left-to-right isolates (shared/i18n/format). */
const ltr = (text: string) => `\u2066${text}\u2069`;

describe('the welcome card', () => {
  it('states in Chinese the numbers the demo holds: 17 under the county, of which 13 grassroots committees', async () => {
    await renderInApp(<FirstStart />);
    const text = (await screen.findByTestId('demo-description')).textContent;
    expect(text).toBe(
      `轮台县：团县委直属 ${outline.underCounty} 个团组织（${outline.grassrootsCommittees} 个基层团委、${outline.workingCommittees} 个团工委、` +
        `${outline.generalBranches} 个团总支），共 ${outline.branches} 个团支部、5,849 名团员，以及已审核的 ${outline.period} 年度统计。`,
    );
    expect([outline.underCounty, outline.grassrootsCommittees, outline.members]).toEqual([17, 13, 5849]);
  });

  it('states the same numbers in Uyghur, each an isolated left-to-right run, the year with its suffix', async () => {
    await renderInApp(<FirstStart />, { lang: 'ug' });
    const text = (await screen.findByTestId('demo-description')).textContent ?? '';
    expect(text).toContain(`بىۋاسىتە قاراشلىق ${ltr(String(outline.underCounty))} ئىتتىپاق تەشكىلاتى`);
    expect(text).toContain(`(${ltr(String(outline.grassrootsCommittees))} ئاساسىي قاتلام ئىتتىپاق كومىتېتى،`);
    expect(text).toContain(`${ltr(String(outline.branches))} ئىتتىپاق ياچېيكىسى`);
    expect(text).toContain(`${ltr('5,849')} ئىتتىپاق ئەزاسى`);
    expect(text).toContain(`${outline.period}-يىللىق`);
    expect(text).not.toMatch(/\{\{|\}\}/);
  });

  it('names the file type to receive as a left-to-right run in Uyghur, and plainly in Chinese', async () => {
    await renderInApp(<FirstStart />, { lang: 'ug' });
    expect((await screen.findByTestId('first-start')).textContent).toContain(`ھۆججىتىنى (${ltr('.leaguesync')}) كىرگۈزۈڭ`);
    cleanup();
    await renderInApp(<FirstStart />);
    expect((await screen.findByTestId('first-start')).textContent).toContain('送来的同步文件（.leaguesync），或从备份恢复。');
  });
});
