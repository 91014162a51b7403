import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { violations } from './axe';
import { chooseFiles, download, screenshot, usePcs, type SavedFile } from './browser';
import { setUpCountyPc, takeCountyAnswer } from './flows';

/*
 * Enrolment between two PCs in Chromium: the county office sets up the county's PC, a township PC
 * asks to join, the request file is carried to the county, which issues a township officer for
 * LT-03, and the answer carried back makes the township PC show its role and scope.
 */

const pc = usePcs(inject('baseUrl'), { downloads: true });
const PASSPHRASE = '轮台县团委 授权口令 2026';

async function switchTo(page: Page, lang: 'ug' | 'zh-CN'): Promise<void> {
  // Dispatched, not clicked: an open dialog covers the app bar, and its screenshots are wanted in both languages.
  await page.getByTestId(`lang-${lang}`).dispatchEvent('click');
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

async function setUpCounty(page: Page): Promise<void> {
  await setUpCountyPc(page, PASSPHRASE, { zh: '共青团轮台县委员会', ug: 'كوممۇنىستىك ياشلار ئىتتىپاقى بۈگۈر ناھىيەلىك كومىتېتى' });
}

async function addTownship(page: Page, code: string, zh: string): Promise<void> {
  await page.getByTestId('nav-orgs').click();
  await page.locator('[data-testid="org-node"][data-code="LT"]').click();
  await page.locator('[data-testid="org-details"][data-code="LT"]').waitFor();
  await page.getByTestId('org-create-child').click();
  await page.getByTestId('org-code').fill(code);
  await page.getByTestId('org-name-zh').fill(zh);
  await page.getByTestId('org-save').click();
  await page.getByTestId('org-form').waitFor({ state: 'detached' });
}

describe('enrolling a township PC by USB drive', () => {
  it('county PC set up → township asks → county issues a township officer for LT-03 → township shows its role', async () => {
    // Accessibility (axe) of every screen and dialog of the journey, checked at the end.
    const found: string[] = [];
    // The county's PC.
    const county = (await pc()).page;
    await setUpCounty(county);
    const code = await county.getByTestId('recovery-code').getAttribute('data-code');
    expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    await screenshot(county, 'enroll-recovery-code-zh', { fullPage: false });
    found.push(...(await violations(county, 'recovery code')));
    // No going on before the code is written down.
    expect(await county.getByTestId('setup-finish').isDisabled()).toBe(true);
    await county.getByTestId('recovery-written').check();
    await county.getByTestId('setup-finish').click();
    await county.getByTestId('pcs').waitFor();
    await county.getByTestId('pcs-none-yet').waitFor();
    expect(await county.getByTestId('nav-enroll').count()).toBe(0);
    await addTownship(county, 'LT-03', '群巴克镇团委');
    await county.getByTestId('nav-pcs').click();
    await county.getByTestId('pcs').waitFor();

    // A township PC asks to join.
    const township = (await pc()).page;
    await township.getByTestId('join-county').click();
    // The county sees PCs by name: joining needs one.
    expect(await township.getByTestId('join-dialog').count()).toBe(0);
    await township.getByTestId('pc-name-input').fill('群巴克镇团委 1号机');
    await township.getByTestId('join-county').click();
    await township.getByTestId('join-dialog').waitFor();
    const request = await download(township, 'write-request');
    expect(request.name).toMatch(/^[0-9a-f]{16}\.leaguejoin$/);
    const fingerprint = await township.getByTestId('own-fingerprint').getAttribute('data-code');
    expect(fingerprint).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    await screenshot(township, 'enroll-join-zh', { fullPage: false });
    found.push(...(await violations(township, 'join (zh)')));
    await switchTo(township, 'ug');
    await screenshot(township, 'enroll-join-ug', { fullPage: false });
    found.push(...(await violations(township, 'join (ug)')));
    await switchTo(township, 'zh-CN');
    await township.getByTestId('join-continue').click();
    await township.getByTestId('enroll').waitFor();
    await township.getByTestId('not-enrolled').waitFor();
    expect(await township.getByTestId('nav-pcs').count()).toBe(0);

    // The request file is carried to the county, which compares the fingerprint and issues.
    await chooseFiles(county, 'open-request', [request]);
    await county.getByTestId('issue-dialog').waitFor();
    expect(await county.getByTestId('request-fingerprint').getAttribute('data-code')).toBe(fingerprint);
    await expect(county.getByTestId('request-name').textContent()).resolves.toContain('群巴克镇团委 1号机');
    await county.getByTestId('fingerprint-matches').check();
    await county.getByTestId('issue-scope').fill('LT-03');
    await county.getByRole('option', { name: /LT-03/ }).click();
    await county.getByTestId('issue-passphrase').fill(PASSPHRASE);
    await screenshot(county, 'enroll-issue-zh', { fullPage: false });
    found.push(...(await violations(county, 'issue (zh)')));
    await switchTo(county, 'ug');
    await screenshot(county, 'enroll-issue-ug', { fullPage: false });
    found.push(...(await violations(county, 'issue (ug)')));
    await switchTo(county, 'zh-CN');
    const answer: SavedFile = await download(county, 'issue-go');
    expect(answer.name).toMatch(/^LT-[0-9a-f]{16}\.leaguecert$/);
    await county.getByTestId('issue-dialog').waitFor({ state: 'detached' });
    const row = county.locator('tr', { hasText: '群巴克镇团委 1号机' });
    await expect(row.textContent()).resolves.toContain('乡镇团干部');
    await expect(row.textContent()).resolves.toContain('LT-03');
    await expect(row.getByTestId('pc-status').textContent()).resolves.toBe('有效');
    await screenshot(county, 'enroll-pcs-zh');
    found.push(...(await violations(county, 'PCs page (zh)')));
    await switchTo(county, 'ug');
    await screenshot(county, 'enroll-pcs-ug');
    found.push(...(await violations(county, 'PCs page (ug)')));
    await switchTo(county, 'zh-CN');

    // The answer carried back: the township PC is enrolled, and says as what.
    // First the county authority's fingerprint is compared with the county's PCs page, in both languages.
    await takeCountyAnswer(township, county, answer, async () => {
      await screenshot(township, 'enroll-answer-confirm-zh', { fullPage: false });
      found.push(...(await violations(township, 'answer confirmation (zh)')));
      await switchTo(township, 'ug');
      await screenshot(township, 'enroll-answer-confirm-ug', { fullPage: false });
      found.push(...(await violations(township, 'answer confirmation (ug)')));
      await switchTo(township, 'zh-CN');
    });
    const line = await township.getByTestId('enrolled-role').textContent();
    expect(line).toContain('乡镇团干部');
    expect(line).toContain('LT-03');
    await screenshot(township, 'enroll-enrolled-zh');
    found.push(...(await violations(township, 'enrolled (zh)')));
    await switchTo(township, 'ug');
    await expect(township.getByTestId('enrolled-role').textContent()).resolves.toContain('يېزا-بازار ئىتتىپاق كادىرى');
    await screenshot(township, 'enroll-enrolled-ug');
    found.push(...(await violations(township, 'enrolled (ug)')));

    // The county revokes the PC (a confirmation with a cause and the passphrase).
    await row.getByTestId('revoke-open').click();
    await county.getByTestId('revoke-dialog').waitFor();
    expect(await county.getByTestId('revoke-go').isDisabled()).toBe(true);
    await county.getByTestId('revoke-dialog').getByRole('combobox').first().click();
    await county.getByTestId('cause-lost').click();
    await county.getByTestId('revoke-passphrase').fill('not the passphrase');
    await county.getByTestId('revoke-go').click();
    await county.getByText('口令不对').first().waitFor();
    await county.getByTestId('revoke-passphrase').fill(PASSPHRASE);
    await county.getByTestId('revoke-go').click();
    await county.getByTestId('revoke-dialog').waitFor({ state: 'detached' });
    // The row says so once the page has read the revocation back (a live read, signatures checked after it).
    await expect.poll(() => row.getByTestId('pc-status').textContent(), { timeout: 15_000 }).toBe('已吊销（丢失）');
    expect(found).toEqual([]);
  });
});
