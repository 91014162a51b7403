import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { violations } from './axe';
import { chooseFiles, screenshot, usePcs } from './browser';
import { addChild, addEntry, askToJoin, createContest, exportFull, importThroughPreview, issueAnswer, openRequest, setUpCounty, takeCountyAnswer } from './flows';

/*
 * Issue 14's "done when", with a judge: three profiles in Chromium — the county's PC, a township
 * PC and a judge's PC — enrolled by files carried on a USB drive (.leaguejoin → .leaguecert). The
 * county runs two contests and makes the judge PC one judge of the first; the judge scores blind
 * and its file goes back; the county sees the scores. Scores the same PC wrote before its
 * certificate was opened (it worked alone then, so nothing stopped it) as another judge and in the
 * other contest are signed by its key but refused by the score rule at the county, the rest of the
 * file applied, and listed on the county's refused page. Both languages; screenshots at 1366×768
 * of the issue dialog and the judge's screens; axe on them.
 */

const pc = usePcs(inject('baseUrl'), { downloads: true });
const PASSPHRASE = '轮台县团委 授权口令 2026';
const ESSAY = { zh: '“现代文化伴青春”微征文比赛', ug: '«زامانىۋى مەدەنىيەت ياشلار بىلەن بىللە» ماقالە مۇسابىقىسى' };
const SPEECH = { zh: '青春轮台微演讲比赛', ug: 'بۈگۈر ياشلىرى نۇتۇق مۇسابىقىسى' };
const ENTRANTS = ['阿依古丽·买买提', '王欣怡'];

async function openContest(page: Page, title: string): Promise<void> {
  await page.getByTestId('nav-contests').click();
  await page.locator('[data-testid="contest-row"]', { hasText: title }).getByTestId('contest-open').click();
  await page.getByTestId('contest-detail').waitFor();
}

/** On the judging tab: scores `entries` entries in turn from the keyboard, each criterion's points then Enter; names never shown. */
async function scoreInTurn(page: Page, entries: number, points: number[]): Promise<void> {
  for (let n = 0; n < entries; n++) {
    const card = page.getByTestId('scoring-card');
    await card.waitFor();
    const code = await card.getAttribute('data-code');
    const text = await card.innerText();
    for (const name of ENTRANTS) expect(text, 'blind judging shows no names').not.toContain(name);
    await page.getByTestId('score-0').focus();
    for (const p of points) {
      await page.keyboard.type(String(p));
      await page.keyboard.press('Enter');
    }
    await page.waitForFunction((c) => document.querySelector('[data-testid="scoring-card"]')?.getAttribute('data-code') !== c, code);
  }
}

/** Chooses a judge by name on the judging tab (a PC that works alone may choose any). */
async function judgeAs(page: Page, name: string): Promise<void> {
  await page.getByTestId('contest-tab-judging').click();
  await page.getByTestId('judging').getByRole('combobox').first().click();
  await page.getByRole('option', { name, exact: true }).click();
}

async function toUyghur(page: Page): Promise<void> {
  await page.getByTestId('lang-ug').click();
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
}

describe('a judge PC in the loop (issue 14)', () => {
  it('the county makes a judge by USB files; the judge scores blind; its scores reach the county; scores beyond its assignment are refused and listed', async () => {
    const found: string[] = [];
    const county = (await pc()).page;
    await setUpCounty(county, PASSPHRASE);
    await addChild(county, 'LT', '群巴克镇团委', 'LT-03', '乡镇团委');

    // Two contests, each with its judges, and entries (the county enters them: entries are the county's).
    await county.getByTestId('nav-contests').click();
    await createContest(county, 'essay', ESSAY, ['评委甲', '评委乙']);
    await county.getByTestId('contest-tab-entries').click();
    await addEntry(county, { name: ENTRANTS[0]!, age: 19, title: '塔里木河畔', text: '清晨的塔里木河畔，青年志愿者们正在清理河道。' });
    await addEntry(county, { name: ENTRANTS[1]!, age: 22, title: '文化广场', text: '我们在村里的文化广场上排练新编的歌舞。' });
    await county.getByTestId('nav-contests').click();
    await createContest(county, 'essay', SPEECH, ['评委丙']);
    await county.getByTestId('contest-tab-entries').click();
    await addEntry(county, { name: ENTRANTS[0]!, age: 19, title: '我的家乡', text: '返乡创业的青年把红枣卖到了全国各地。' });
    // The county's file as it stands, before any PC is enrolled.
    const before = await exportFull(county);

    // The township PC joins for LT-03, takes its answer and the county's file: no rounds, targets or contests in its menus.
    const township = (await pc()).page;
    const townshipRequest = await askToJoin(township, '群巴克镇团委 1号机');
    await openRequest(county, townshipRequest);
    await county.getByTestId('issue-scope').fill('LT-03');
    await county.getByRole('option', { name: /LT-03(?!-)/ }).click();
    const townshipAnswer = await issueAnswer(county, PASSPHRASE);
    await takeCountyAnswer(township, county, townshipAnswer);
    expect(await importThroughPreview(township, [before], 'restore-bundle')).toBe('success');
    await township.getByTestId('nav-entry').waitFor();
    for (const route of ['rounds', 'targets', 'contests', 'pcs']) expect(await township.getByTestId(`nav-${route}`).count(), route).toBe(0);

    // The judge PC asks; the county makes it 评委乙 of the essay contest, in the issue dialog.
    const judge = (await pc()).page;
    const judgeRequest = await askToJoin(judge, '评委乙 笔记本');
    await openRequest(county, judgeRequest);
    await county.getByTestId('issue-role').locator('..').click();
    await county.getByTestId('role-judge').click();
    await county.getByTestId('issue-judging').waitFor();
    expect(await county.getByTestId('issue-scope').count()).toBe(0);
    const essayPick = county.getByRole('combobox', { name: ESSAY.zh });
    await essayPick.click();
    await county.getByRole('option', { name: '评委乙', exact: true }).click();
    await county.getByRole('listbox').waitFor({ state: 'detached' });
    await county.getByTestId('issue-passphrase').fill(PASSPHRASE);
    await screenshot(county, 'judge-issue-dialog-zh', { fullPage: false });
    found.push(...(await violations(county, 'issue dialog (judge) zh')));
    const judgeAnswer = await issueAnswer(county, PASSPHRASE);

    // Before opening its answer the judge PC works alone: it takes the county's file and, nothing
    // stopping it, scores as 评委甲 and in the speech contest. Signed by its key all the same.
    expect(await importThroughPreview(judge, [before], 'restore-bundle')).toBe('success');
    await openContest(judge, ESSAY.zh);
    await judgeAs(judge, '评委甲');
    await scoreInTurn(judge, 1, [9, 9, 9, 9]);
    await openContest(judge, SPEECH.zh);
    await judgeAs(judge, '评委丙');
    await scoreInTurn(judge, 1, [8, 8, 8, 8]);

    // Its answer opened, the judge PC offers a judge's work only: the contests it scores in, blind.
    await judge.getByTestId('nav-enroll').click();
    await takeCountyAnswer(judge, county, judgeAnswer);
    await expect.poll(() => judge.getByTestId('nav').getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      '#/contests',
      '#/sync',
      '#/conflicts',
      '#/enroll',
      '#/about',
    ]);
    await judge.getByTestId('nav-contests').click();
    await expect.poll(() => judge.getByTestId('contest-row').count()).toBe(1);
    await expect(judge.getByTestId('contest-row').textContent()).resolves.toContain(ESSAY.zh);
    expect(await judge.getByTestId('contest-new').count()).toBe(0);
    await screenshot(judge, 'judge-contests-zh', { fullPage: false });
    found.push(...(await violations(judge, 'judge contests zh')));
    await judge.getByTestId('contest-open').click();
    await judge.getByTestId('judging').waitFor();
    expect(await judge.getByRole('tab').count()).toBe(1);
    expect(await judge.getByTestId('contest-edit').count()).toBe(0);
    // Its judge is chosen for it once its standing is read (a moment after the page opens).
    await expect.poll(() => judge.getByTestId('judge-select').inputValue()).not.toBe('');
    await judge.getByTestId('scoring-card').waitFor();
    await screenshot(judge, 'judge-scoring-zh', { fullPage: false });
    found.push(...(await violations(judge, 'judge scoring zh')));
    await scoreInTurn(judge, 1, [7, 8, 6, 9]);
    await toUyghur(judge);
    await judge.getByTestId('scoring-card').waitFor();
    await screenshot(judge, 'judge-scoring-ug', { fullPage: false });
    found.push(...(await violations(judge, 'judge scoring ug')));
    await scoreInTurn(judge, 1, [8, 7, 9, 6]);
    await judge.getByTestId('judging-done').waitFor();
    await screenshot(judge, 'judge-done-ug', { fullPage: false });
    await judge.getByTestId('nav-contests').click();
    await judge.getByTestId('contest-row').waitFor();
    await screenshot(judge, 'judge-contests-ug', { fullPage: false });
    found.push(...(await violations(judge, 'judge contests ug')));
    const judgeFile = await exportFull(judge);

    // The judge's file at the county: 评委乙's scores are in; the rest is kept aside with its reason.
    expect(await importThroughPreview(county, [judgeFile])).toBe('success');
    await openContest(county, ESSAY.zh);
    await county.getByTestId('contest-tab-judging').click();
    const chip = (name: string) => county.locator('[data-testid="judge-progress"]', { hasText: name });
    await expect.poll(() => chip('评委乙').textContent()).toContain('已评 2 / 2');
    await expect(chip('评委甲').textContent()).resolves.toContain('已评 0 / 2');
    await county.getByTestId('nav-refused').click();
    const refused = county.getByTestId('refused-change');
    await refused.first().waitFor();
    expect(await refused.count()).toBe(2);
    for (const row of await refused.all()) {
      await expect(row.getAttribute('data-reason')).resolves.toBe('not-own-score');
      await expect(row.getAttribute('data-table')).resolves.toBe('score');
      await expect(row.getByTestId('refused-pc').textContent()).resolves.toContain('评委乙 笔记本');
    }
    await screenshot(county, 'judge-refused-zh');
    await toUyghur(county);
    await screenshot(county, 'judge-refused-ug');
    await county.getByTestId('nav-pcs').click();
    await county.getByTestId('pcs').waitFor();
    // The PCs page says whom the judge PC scores as, and where.
    await expect(county.getByTestId('pc-judging').textContent()).resolves.toMatch(/زامانىۋى مەدەنىيەت.*باھالىغۇچى .*评委乙/);
    await screenshot(county, 'judge-pcs-ug', { fullPage: false });

    // The issue dialog in Uyghur: the judge PC's request opened again (nothing issued: cancelled).
    await chooseFiles(county, 'open-request', [judgeRequest]);
    await county.getByTestId('issue-dialog').waitFor();
    await county.getByTestId('issue-role').locator('..').click();
    await county.getByTestId('role-judge').click();
    await county.getByTestId('issue-judging').waitFor();
    // The role menu gone (its closing transition leaves its list outside the dialog for a moment).
    await county.getByRole('listbox').waitFor({ state: 'detached' });
    await screenshot(county, 'judge-issue-dialog-ug', { fullPage: false });
    found.push(...(await violations(county, 'issue dialog (judge) ug')));
    expect(found).toEqual([]);
    // Three PCs' set-up, enrolment and scoring take longer than one journey's default on a busy machine.
  }, 300_000);
});
