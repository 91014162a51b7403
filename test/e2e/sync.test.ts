import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openWatchedPage, screenshot, type WatchedPage } from './browser';

const baseUrl = inject('baseUrl');
const ltr = (text: string) => `\u2066${text}\u2069`;
let browser: Browser;
const opened: WatchedPage[] = [];

/** A separate profile (own IndexedDB): one PC. The save-file picker is removed so saves download. */
async function pc(): Promise<WatchedPage> {
  const watched = await openWatchedPage(browser, baseUrl, {
    initScript: () => delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker,
  });
  opened.push(watched);
  return watched;
}

async function exportFull(page: Page): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('nav-sync').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-bundle').click();
  const file = await download;
  const bytes = readFileSync((await file.path())!);
  await page.getByTestId('app-message').waitFor();
  return { name: file.suggestedFilename(), bytes };
}

async function chooseFiles(page: Page, button: string, files: { name: string; bytes: Buffer }[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(button).click();
  await (await chooser).setFiles(files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: f.bytes })));
  await page.getByTestId('import-preview').waitFor();
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  for (const { context, offHostRequests, consoleErrors } of opened.splice(0)) {
    await context.close();
    expect(offHostRequests, 'requests that left 127.0.0.1').toEqual([]);
    expect(consoleErrors, 'console errors').toEqual([]);
  }
});

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
    await chooseFiles(township.page, 'restore-bundle', [{ name: 'damaged.leaguesync', bytes: damaged }]);
    const refusal = township.page.getByTestId('preview-refusal');
    expect(await refusal.getAttribute('data-reason')).toMatch(/hash-mismatch|not-a-zip|compression-bomb|manifest-invalid|unknown-format/);
    expect(await township.page.getByTestId('preview-apply').isDisabled()).toBe(true);
    await screenshot(township.page, 'sync-refused-zh');
    await township.page.getByTestId('preview-cancel').click();
    expect(await township.page.evaluate(() => document.querySelectorAll('[data-testid="import-preview"]').length)).toBe(0);

    await township.page.getByTestId('lang-ug').click();
    await township.page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await chooseFiles(township.page, 'restore-bundle', [{ name: bundle.name, bytes: bundle.bytes }]);
    await expect(township.page.locator('[data-table="org"] td').nth(1).textContent()).resolves.toBe(ltr('263'));
    await screenshot(township.page, 'sync-preview-ug');
    await township.page.getByTestId('preview-apply').click();
    await township.page.getByTestId('app-message').waitFor();
    await township.page.getByTestId('nav-overview').click();
    await expect(township.page.getByTestId('total-members').textContent()).resolves.toBe(ltr('5,849'));
    await screenshot(township.page, 'sync-township-overview-ug');

    // The same file again: nothing to do, and the preview says so.
    await township.page.getByTestId('nav-sync').click();
    await chooseFiles(township.page, 'import-bundle', [{ name: bundle.name, bytes: bundle.bytes }]);
    await township.page.getByTestId('preview-already').waitFor();
    expect(await township.page.getByTestId('preview-apply').isDisabled()).toBe(true);
    await screenshot(township.page, 'sync-already-ug');
    await township.page.getByTestId('preview-cancel').click();

    // The township sends back; the county learns the township's vector and has nothing new.
    await township.page.getByTestId('lang-zh-CN').click();
    const back = await exportFull(township.page);
    await county.page.getByTestId('nav-sync').click();
    await chooseFiles(county.page, 'import-bundle', [back]);
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
