import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { chooseFiles, download, ltr, screenshot, usePcs, type SavedFile } from './browser';

const pc = usePcs(inject('baseUrl'), { downloads: true });

async function exportFull(page: Page): Promise<SavedFile> {
  await page.getByTestId('nav-sync').click();
  const file = await download(page, 'export-bundle');
  await page.getByTestId('app-message').waitFor();
  return file;
}

async function preview(page: Page, button: string, files: SavedFile[]): Promise<void> {
  await chooseFiles(page, button, files);
  await page.getByTestId('import-preview').waitFor();
}

describe('sync by USB drive, between two PCs', () => {
  it('carries the county to a new township PC, refuses a damaged copy, and knows a file already imported', async () => {
    const county = await pc();
    await county.page.getByTestId('load-demo').click();
    await county.page.getByTestId('overview').waitFor();
    const bundle = await exportFull(county.page);
    expect(bundle.name).toMatch(/^LT-[0-9a-f]{6}-full-\d{8}-\d{4}\.leaguesync$/);
    expect(bundle.bytes.subarray(0, 2).toString()).toBe('PK');
    await expect(county.page.getByTestId('app-message').textContent()).resolves.toContain('浏览器模式下无法读回核对');
    await screenshot(county.page, 'sync-county-zh');

    const township = await pc();
    await township.page.getByTestId('receive-first').click();
    await township.page.getByTestId('sync').waitFor();
    await screenshot(township.page, 'sync-empty-zh');

    // A copy damaged on the way (one byte changed inside the changes) is refused with its reason.
    const damaged = Buffer.from(bundle.bytes);
    damaged[Math.floor(damaged.length / 2)]! ^= 0xff;
    await preview(township.page, 'restore-bundle', [{ name: 'damaged.leaguesync', bytes: damaged }]);
    const refusal = township.page.getByTestId('preview-refusal');
    expect(await refusal.getAttribute('data-reason')).toMatch(/hash-mismatch|not-a-zip|compression-bomb|manifest-invalid|unknown-format/);
    expect(await township.page.getByTestId('preview-apply').isDisabled()).toBe(true);
    await screenshot(township.page, 'sync-refused-zh');
    await township.page.getByTestId('preview-cancel').click();
    expect(await township.page.evaluate(() => document.querySelectorAll('[data-testid="import-preview"]').length)).toBe(0);

    await township.page.getByTestId('lang-ug').click();
    await township.page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await preview(township.page, 'restore-bundle', [{ name: bundle.name, bytes: bundle.bytes }]);
    await expect(township.page.locator('[data-table="org"] td').nth(1).textContent()).resolves.toBe(ltr('263'));
    await screenshot(township.page, 'sync-preview-ug');
    await township.page.getByTestId('preview-apply').click();
    await township.page.getByTestId('app-message').waitFor();
    await township.page.getByTestId('nav-overview').click();
    await expect(township.page.getByTestId('total-members').textContent()).resolves.toBe(ltr('5,849'));
    await screenshot(township.page, 'sync-township-overview-ug');

    // The same file again: nothing to do, and the preview says so.
    await township.page.getByTestId('nav-sync').click();
    await preview(township.page, 'import-bundle', [{ name: bundle.name, bytes: bundle.bytes }]);
    await township.page.getByTestId('preview-already').waitFor();
    expect(await township.page.getByTestId('preview-apply').isDisabled()).toBe(true);
    await screenshot(township.page, 'sync-already-ug');
    await township.page.getByTestId('preview-cancel').click();

    // The township sends back; the county learns the township's vector and has nothing new.
    await township.page.getByTestId('lang-zh-CN').click();
    const back = await exportFull(township.page);
    await county.page.getByTestId('nav-sync').click();
    await preview(county.page, 'import-bundle', [back]);
    await county.page.getByTestId('preview-already').waitFor();
  });

  it('shows the conflicts page with its empty state in both languages', async () => {
    const { page } = await pc();
    await page.getByTestId('start-empty').click();
    await page.getByTestId('nav-conflicts').click();
    await page.getByTestId('conflicts-empty').waitFor();
    await screenshot(page, 'conflicts-zh');
    await page.getByTestId('lang-ug').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await screenshot(page, 'conflicts-ug');
  });
});
