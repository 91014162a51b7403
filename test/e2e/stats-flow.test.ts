import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chooseFiles, download, screenshot, usePcs, type SavedFile } from './browser';

const pc = usePcs(inject('baseUrl'), { downloads: true });

async function exportTo(page: Page, peer: 'full' | 'peer'): Promise<SavedFile> {
  await page.getByTestId('nav-sync').click();
  if (peer === 'peer') {
    await page.getByTestId('export-target').locator('..').click();
    await page.getByRole('option').nth(1).click();
  }
  return download(page, 'export-bundle');
}

async function importFiles(page: Page, files: SavedFile[], button = 'import-bundle'): Promise<void> {
  await page.getByTestId('nav-sync').click();
  await chooseFiles(page, button, files);
  await page.getByTestId('import-preview').waitFor();
  await page.getByTestId('preview-apply').click();
  await page.getByTestId('import-preview').waitFor({ state: 'detached' });
}

async function typeCell(page: Page, row: number, col: number, text: string): Promise<void> {
  const cell = page.locator(`#cell-${row}-${col}`);
  await cell.fill(text);
  await cell.press('Enter');
}

describe('a reporting round between a township PC and the county, by USB drive', () => {
  it('enter, fix an error, submit; return with a comment; correct; approve; both PCs and the overview agree', async () => {
    const county = await pc();
    await county.page.getByTestId('load-demo').click();
    await county.page.getByTestId('overview').waitFor();
    await county.page.getByTestId('nav-rounds').click();
    await county.page.getByTestId('open-round').click();
    await county.page.getByTestId('round-deadline').fill('2026-12-31');
    await county.page.getByTestId('round-open-confirm').click();
    await county.page.locator('[data-testid="round-row"][data-period="2026Q4"]').waitFor();
    await screenshot(county.page, 'rounds-zh');
    const toTownship = await exportTo(county.page, 'full');

    const township = await pc();
    await township.page.getByTestId('receive-first').click();
    await importFiles(township.page, [toTownship], 'restore-bundle');
    await township.page.getByTestId('nav-entry').click();
    await township.page.getByTestId('entry-grid').waitFor();

    // members, newMembers, youth1435, youth1428, cadres, recommendedToParty
    await typeCell(township.page, 0, 0, 'abc');
    await township.page.locator('#cell-0-0[data-severity="error"]').waitFor();
    await typeCell(township.page, 0, 0, '600');
    await typeCell(township.page, 0, 2, '500');
    // More members than youth 14–35: an error on the cell, shown with its message.
    await township.page.locator('#cell-0-0[data-severity="error"]').waitFor();
    await township.page.locator('#cell-0-0').focus();
    await township.page.getByTestId('cell-issue').first().waitFor();
    await screenshot(township.page, 'entry-error-zh');
    await typeCell(township.page, 0, 0, '120');
    await township.page.locator('#cell-0-0:not([data-severity])').waitFor();
    // The cell's history, read from the change log: newest first, each write from → to.
    await township.page.locator('#cell-0-0').focus();
    await township.page.waitForFunction(() => document.querySelector('[data-testid="cell-history"] li')?.textContent?.includes('600 → 120'));
    expect(await township.page.getByTestId('cell-history').locator('li').count()).toBeGreaterThanOrEqual(2);
    for (const [col, value] of [[1, '12'], [3, '260'], [4, '3'], [5, '2']] as const) await typeCell(township.page, 0, col, value);
    // A block copied from Excel: the second and third rows at once.
    await township.page.locator('#cell-1-0').focus();
    await township.page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '80\t8\t400\t180\t2\t1\n95\t9\t420\t200\t2\t1\n');
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await township.page.waitForFunction(() => document.querySelector('[data-testid="grid-total-members"]')?.textContent === '295');
    await township.page.getByTestId('submit-all').click();
    await township.page.waitForFunction(() => document.querySelectorAll('tr[data-status="submitted"]').length === 3);
    await screenshot(township.page, 'entry-submitted-zh');
    const submitted = await exportTo(township.page, 'peer');

    await importFiles(county.page, [submitted]);
    await county.page.getByTestId('nav-entry').click();
    await county.page.waitForFunction(() => document.querySelectorAll('tr[data-status="submitted"]').length === 3);
    await county.page.getByTestId('approve').first().click();
    await county.page.waitForFunction(() => document.querySelector('tbody tr')?.getAttribute('data-status') === 'approved');
    await county.page.getByTestId('entry-grid').locator('tbody tr').nth(1).getByTestId('return').click();
    await county.page.getByTestId('return-comment').fill('团员数与上报名册不符，请核对');
    await county.page.getByTestId('return-confirm').click();
    await county.page.waitForFunction(() => document.querySelectorAll('tbody tr')[1]?.getAttribute('data-status') === 'returned');
    await screenshot(county.page, 'entry-review-zh');
    const reviewed = await exportTo(county.page, 'peer');

    await importFiles(township.page, [reviewed]);
    await township.page.getByTestId('nav-entry').click();
    await township.page.getByTestId('returned-note').waitFor();
    await township.page.waitForFunction(() => document.querySelector('tbody tr')?.getAttribute('data-status') === 'approved');
    await expect(township.page.getByTestId('returned-note').textContent()).resolves.toContain('团员数与上报名册不符');
    // An approved report's cells are read-only (still reached by the keyboard, to read their details).
    await township.page.locator('#cell-0-0[readonly]').waitFor();
    await township.page.getByTestId('lang-ug').click();
    await township.page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await screenshot(township.page, 'entry-returned-ug');
    await typeCell(township.page, 1, 0, '85');
    await township.page.getByTestId('submit-all').click();
    await township.page.waitForFunction(() => document.querySelectorAll('tbody tr')[1]?.getAttribute('data-status') === 'submitted');
    const corrected = await exportTo(township.page, 'peer');

    await importFiles(county.page, [corrected]);
    await county.page.getByTestId('nav-entry').click();
    await county.page.getByTestId('approve-all').click();
    await county.page.waitForFunction(() => document.querySelectorAll('tr[data-status="approved"]').length === 3);
    await county.page.getByTestId('nav-overview').click();
    // 3 of the new round's 245 reports are approved: the Overview keeps to 2025 until it is chosen.
    await county.page.getByTestId('coverage').waitFor();
    await expect(county.page.getByTestId('total-members').textContent()).resolves.toBe('5,849');
    await county.page.getByTestId('headline-round').locator('..').click();
    await county.page.locator('li[role="option"][data-period="2026Q4"]').click();
    await county.page.waitForFunction(() => document.querySelector('[data-testid="total-members"]')?.textContent === '300');
    await expect(county.page.getByTestId('coverage').getAttribute('data-partial')).resolves.toBe('true');
    await screenshot(county.page, 'overview-new-round-zh');
    const approved = await exportTo(county.page, 'peer');

    await importFiles(township.page, [approved]);
    await township.page.getByTestId('nav-entry').click();
    await township.page.waitForFunction(() => document.querySelectorAll('tr[data-status="approved"]').length === 3);
    await screenshot(township.page, 'entry-approved-ug');
  });
});

describe('a round split by sex', () => {
  it('the county opens it; male + female must equal the total, the error shows at the cell in both languages; fixed, it submits', async () => {
    const county = await pc();
    await county.page.getByTestId('load-demo').click();
    await county.page.getByTestId('overview').waitFor();
    await county.page.getByTestId('nav-rounds').click();
    await county.page.getByTestId('open-round').click();
    await expect(county.page.getByTestId('round-by-sex').isChecked()).resolves.toBe(false);
    await county.page.getByTestId('round-by-sex').check();
    await county.page.getByTestId('round-deadline').fill('2026-12-31');
    await screenshot(county.page, 'open-round-by-sex-zh');
    await county.page.getByTestId('round-open-confirm').click();
    await county.page.locator('[data-testid="round-row"][data-period="2026Q4"] [data-testid="round-by-sex-mark"]').waitFor();

    await county.page.getByTestId('nav-entry').click();
    await county.page.getByTestId('entry-grid').waitFor();
    // Columns: members, male, female, new members, male, female, youth 14–35, male, female, youth 14–28, male, female, cadres, recommended.
    await expect(county.page.locator('#cell-0-1').getAttribute('data-figure')).resolves.toBe('membersMale');
    await expect(county.page.locator('#cell-0-13').getAttribute('data-figure')).resolves.toBe('recommendedToParty');
    await typeCell(county.page, 0, 0, '120');
    await typeCell(county.page, 0, 1, '70');
    await typeCell(county.page, 0, 2, '40');
    await county.page.locator('#cell-0-0[data-severity="error"]').waitFor();
    await county.page.locator('#cell-0-0').focus();
    const issue = county.page.locator('[data-testid="cell-issue"][data-code="sex-sum-mismatch"]');
    await issue.waitFor();
    await expect(issue.textContent()).resolves.toContain('与合计（120）不一致');
    await screenshot(county.page, 'entry-sex-mismatch-zh');
    await county.page.getByTestId('lang-ug').click();
    await county.page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await expect(issue.textContent()).resolves.toContain('ماس كەلمىدى');
    await screenshot(county.page, 'entry-sex-mismatch-ug');

    await typeCell(county.page, 0, 2, '50');
    await county.page.locator('#cell-0-0:not([data-severity])').waitFor();
    for (const [col, value] of [[3, '12'], [4, '6'], [5, '6'], [6, '1000'], [7, '520'], [8, '480'], [9, '900'], [10, '460'], [11, '440'], [12, '3'], [13, '2']] as const) {
      await typeCell(county.page, 0, col, value);
    }
    // In Uyghur the number comes wrapped in direction marks (shared/i18n/format.ts).
    await county.page.waitForFunction(() => document.querySelector('[data-testid="grid-total-membersFemale"]')?.textContent?.replace(/[\u2066-\u2069\u200e\u200f]/g, '') === '50');
    await expect(county.page.locator('[data-testid="entry-grid"] tbody tr').first().locator('[data-severity]').count()).resolves.toBe(0);
    await county.page.getByTestId('submit-all').click();
    await county.page.waitForFunction(() => document.querySelector('tbody tr')?.getAttribute('data-status') === 'submitted');
    await screenshot(county.page, 'entry-sex-submitted-ug');
    await county.page.getByTestId('lang-zh-CN').click();
    await county.page.waitForFunction(() => document.documentElement.dir === 'ltr');
    await screenshot(county.page, 'entry-sex-submitted-zh');
  });
});
