import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bundlePageScript } from '../../bench/harness';
import { screenshot, usePcs } from './browser';
import { exportFull, importThroughPreview, loadDemo, openRound } from './flows';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { KINDS, RECEIVERS, SENDERS, type CellOutcome } from '../support/exchangeMatrix';

/*
 * Issue 12's exchange matrix in Chromium's own IndexedDB (an on-disk profile, as Electron keeps it):
 * the race that failed 7 of 22 imports of an overlapping full file lived here, not in
 * fake-indexeddb. The same cells as test/unit/store/exchange.matrix.test.ts.
 */

let context: BrowserContext;
let page: Page;
let profile: string;

beforeAll(async () => {
  profile = mkdtempSync(path.join(os.tmpdir(), 'ld-e2e-matrix-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: findChromium()!, args: CHROMIUM_ARGS, bypassCSP: true });
  page = await context.newPage();
  await page.goto(inject('baseUrl'));
  await page.addScriptTag({ content: await bundlePageScript('test/e2e/page/exchangeMatrix.ts') });
});

afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

describe('every USB file imports, whatever happened before — in Chromium (issue 12)', () => {
  for (const sender of SENDERS) {
    for (const kind of KINDS) {
      for (const receiver of RECEIVERS) {
        it(`${sender} → ${kind} file → ${receiver}`, async () => {
          const outcome = await page.evaluate(
            ([s, k, r]) => (globalThis as unknown as { exchangeCell(s: string, k: string, r: string): Promise<CellOutcome> }).exchangeCell(s, k, r),
            [sender, kind, receiver] as const,
          );
          expect(outcome.problems).toEqual([]);
        });
      }
    }
  }
});

const pc = usePcs(inject('baseUrl'), { downloads: true });

async function gridTotal(page: Page): Promise<string | null> {
  await page.getByTestId('nav-entry').click();
  await page.getByTestId('entry-grid').waitFor();
  return page.getByTestId('grid-total-members').textContent();
}

describe('the default USB file between three PCs, as people pass it round (issue 12)', () => {
  it('the county imports the file of a township that restored, edited and submitted, and of one that only restored; all three agree', async () => {
    const county = await pc();
    await loadDemo(county.page);
    await openRound(county.page, '2026-12-31');
    const fromCounty = await exportFull(county.page);

    // B restores the county's file, enters two branches' figures and submits them.
    const township = await pc();
    await township.page.getByTestId('receive-first').click();
    await importThroughPreview(township.page, [fromCounty], 'restore-bundle');
    await township.page.getByTestId('nav-entry').click();
    await township.page.getByTestId('entry-grid').waitFor();
    for (const [row, values] of [[0, ['40', '4', '200', '90', '2', '1']], [1, ['30', '3', '150', '70', '1', '0']]] as const) {
      for (const [col, value] of values.entries()) {
        const cell = township.page.locator(`#cell-${row}-${col}`);
        await cell.fill(value);
        await cell.press('Enter');
      }
    }
    await township.page.waitForFunction(() => document.querySelector('[data-testid="grid-total-members"]')?.textContent === '70');
    await township.page.getByTestId('submit-all').click();
    await township.page.waitForFunction(() => document.querySelectorAll('tr[data-status="submitted"]').length === 2);
    const fromTownship = await exportFull(township.page);

    // C only restores the county's file, changes nothing, and sends its default file too.
    const third = await pc();
    await third.page.getByTestId('receive-first').click();
    await importThroughPreview(third.page, [fromCounty], 'restore-bundle');
    const fromThird = await exportFull(third.page);

    // The county takes both full files (this is where "保存失败" was shown), then again.
    expect(await importThroughPreview(county.page, [fromTownship])).toBe('Success');
    await screenshot(county.page, 'exchange-county-imported-zh');
    expect(await importThroughPreview(county.page, [fromThird])).toBe('already');
    expect(await importThroughPreview(county.page, [fromTownship])).toBe('already');
    expect(await importThroughPreview(third.page, [fromTownship])).toBe('Success');

    for (const page of [county.page, township.page, third.page]) expect(await gridTotal(page)).toBe('70');
    await county.page.waitForFunction(() => document.querySelectorAll('tr[data-status="submitted"]').length === 2);
    await county.page.getByTestId('lang-ug').click();
    await county.page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await screenshot(county.page, 'exchange-county-entry-ug');
  });
});
