/**
 * People's names, not ids (issue 12, section 6), in real Chromium with three PCs. Each PC is named
 * at first start. B restores A's file and edits a figure; A edits the same figure without having
 * seen B's edit, then imports B's file; C gets B's change only through A's full file. On C, the
 * conflicts page and the cell's history name B's PC, the organisation, the figure and the period, in
 * both languages; the import preview names every table and the PC that sent the file.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { decodeBundle } from '../../shared/sync/bundle';
import { chooseFiles, screenshot, usePcs, type SavedFile } from './browser';
import { exportFull, loadDemo, openRound } from './flows';
import { APP_TABLES } from '../../shared/app/registry';

const pc = usePcs(inject('baseUrl'), { downloads: true });

const A_NAME = '县团委 1号机';
const B_NAME = '轮台镇团委 1号机';
const C_NAME = '县团委 2号机';
/** Isolates and other invisible direction marks, which textContent keeps. */
const visible = (text: string | null) => (text ?? '').replace(/[\u2066-\u2069\u200E\u200F]/g, '');

async function useLang(page: Page, lang: 'ug' | 'zh-CN'): Promise<void> {
  await page.getByTestId(`lang-${lang}`).click();
  await page.waitForFunction((dir) => document.documentElement.dir === dir, lang === 'ug' ? 'rtl' : 'ltr');
}

async function nameAtFirstStart(page: Page, name: string): Promise<void> {
  await page.getByTestId('first-start').waitFor();
  await page.getByTestId('pc-name-input').fill(name);
}

async function openPreview(page: Page, files: SavedFile[], button: string): Promise<void> {
  await chooseFiles(page, button, files);
  await page.getByTestId('import-preview').waitFor();
}

async function applyPreview(page: Page): Promise<void> {
  await page.getByTestId('preview-apply').click();
  await page.getByTestId('import-preview').waitFor({ state: 'detached' });
}

/** Closes the message of the last action, so a screenshot shows the page under it. */
async function dismissMessage(page: Page): Promise<void> {
  const message = page.getByTestId('app-message');
  if ((await message.count()) === 0) return;
  await message.getByRole('button').click();
  await message.waitFor({ state: 'detached' });
}

async function typeCell(page: Page, row: number, col: number, text: string): Promise<void> {
  const cell = page.locator(`#cell-${row}-${col}`);
  await cell.fill(text);
  await cell.press('Enter');
}

/** The changes a file carries for the device table: which PCs' names it brings. */
async function namesIn(file: SavedFile): Promise<Record<string, unknown>> {
  const decoded = await decodeBundle(new Uint8Array(file.bytes), { tables: APP_TABLES });
  if (!decoded.ok) throw new Error(decoded.reason);
  return Object.fromEntries(decoded.changes.filter((c) => c.table === 'device').map((c) => [c.row, c.fields['name']]));
}

describe("people's names, not ids: three PCs by USB drive", () => {
  it('names each PC at first start, and C shows B\'s PC, the organisation, figure and period for a change relayed through A', async () => {
    // A: the county office, named at first start, with the demo and a new round.
    const a = await pc();
    await nameAtFirstStart(a.page, A_NAME);
    await screenshot(a.page, 'names-first-start-zh');
    await loadDemo(a.page);
    await openRound(a.page, '2026-12-31');
    const fromA = await exportFull(a.page);
    expect(Object.values(await namesIn(fromA))).toEqual([A_NAME]);

    // B: a township PC, working in Uyghur, named at first start; it restores A's file.
    const b = await pc();
    await useLang(b.page, 'ug');
    await nameAtFirstStart(b.page, B_NAME);
    await screenshot(b.page, 'names-first-start-ug');
    await b.page.getByTestId('receive-first').click();
    await b.page.getByTestId('sync').waitFor();
    await openPreview(b.page, [fromA], 'restore-bundle');
    // The preview names the sending PC and every table, in Uyghur, before anything is imported.
    expect(visible(await b.page.getByTestId('preview-sender').textContent())).toBe(`${A_NAME}LT`);
    for (const table of APP_TABLES.names) {
      const name = await b.page.locator(`[data-testid="preview-tables"] [data-table="${table}"] td`).first().textContent();
      expect(name, table).toMatch(/^[\u0600-\u06FF\s]+$/);
    }
    await screenshot(b.page, 'names-preview-ug');
    await applyPreview(b.page);
    await b.page.getByTestId('nav-entry').click();
    await b.page.getByTestId('entry-grid').waitFor();
    await typeCell(b.page, 0, 0, '120');
    await b.page.locator('#cell-0-0:not([data-severity])').waitFor();
    const fromB = await exportFull(b.page);
    // B's name travels with its change, as a row of the device table.
    expect(Object.values(await namesIn(fromB)).sort()).toEqual([A_NAME, B_NAME].sort());

    // A changes the same figure without having seen B's change, then imports B's file.
    await a.page.getByTestId('nav-entry').click();
    await a.page.getByTestId('entry-grid').waitFor();
    await typeCell(a.page, 0, 0, '130');
    await a.page.locator('#cell-0-0:not([data-severity])').waitFor();
    await a.page.getByTestId('nav-sync').click();
    await openPreview(a.page, [fromB], 'import-bundle');
    expect(visible(await a.page.getByTestId('preview-sender').textContent())).toBe(`${B_NAME}LT`);
    await a.page.getByTestId('preview-conflicts').waitFor();
    await applyPreview(a.page);
    const fromA2 = await exportFull(a.page);

    // C: another PC, named, that gets B's change only through A's full file.
    const c = await pc();
    await nameAtFirstStart(c.page, C_NAME);
    await c.page.getByTestId('receive-first').click();
    await c.page.getByTestId('sync').waitFor();
    await openPreview(c.page, [fromA2], 'restore-bundle');
    expect(visible(await c.page.getByTestId('preview-sender').textContent())).toBe(`${A_NAME}LT`);
    expect(await c.page.getByTestId('preview-tables').textContent()).not.toContain('tables.');
    await screenshot(c.page, 'names-preview-zh');
    await applyPreview(c.page);
    await dismissMessage(c.page);

    // The branch whose figure both changed, as the grid names it.
    await c.page.getByTestId('nav-entry').click();
    await c.page.getByTestId('entry-grid').waitFor();
    const branchRow = c.page.locator('[data-testid="entry-grid"] tbody tr').first();
    const branchCode = await branchRow.getAttribute('data-code');
    const branchName = visible(await branchRow.getByTestId('row-name').textContent());

    // The cell's history on C: B's PC and A's PC by name, the organisation, figure and period.
    await c.page.locator('#cell-0-0').focus();
    await c.page.waitForFunction(() => document.querySelectorAll('[data-testid="cell-history"] li').length >= 2);
    expect(visible(await c.page.getByTestId('cell-title').textContent())).toBe(`${branchName} · 团员`);
    expect(visible(await c.page.getByTestId('cell-subtitle').textContent())).toBe(`2026年第4季度 · ${branchCode}`);
    const history = visible(await c.page.getByTestId('cell-history').textContent());
    expect(history).toContain(`${B_NAME} · `);
    expect(history).toContain(`${A_NAME} · `);
    expect(history).not.toMatch(/[0-9a-f]{16}|local-/);
    await screenshot(c.page, 'names-history-zh');

    // The conflicts page on C.
    await c.page.getByTestId('nav-conflicts').click();
    const conflict = c.page.getByTestId('conflict').first();
    await conflict.waitFor();
    expect(visible(await conflict.getByTestId('conflict-subject').textContent())).toBe(branchName);
    expect(await conflict.getByTestId('conflict-table').textContent()).toBe('统计报表');
    expect(await conflict.getByTestId('conflict-period').textContent()).toBe('2026年第4季度');
    expect(await conflict.getByTestId('conflict-field').textContent()).toBe('团员');
    expect(visible(await conflict.getByTestId('conflict-kept').textContent())).toMatch(new RegExp(`^130${A_NAME} · `));
    expect(visible(await conflict.getByTestId('conflict-overwritten').textContent())).toMatch(new RegExp(`^120${B_NAME} · `));
    const conflictText = (await c.page.getByTestId('conflicts').textContent()) ?? '';
    expect(conflictText).not.toMatch(/[0-9a-f]{16}|local-|round-|demo-/);
    expect(conflictText).not.toContain(branchCode!);
    await screenshot(c.page, 'names-conflicts-zh');

    // The same in Uyghur: the period and figure in Uyghur, the untranslated branch name marked.
    await useLang(c.page, 'ug');
    await expect(conflict.getByTestId('conflict-period').textContent()).resolves.toBe('2026-يىلى 4-پەسىل');
    expect(await conflict.getByTestId('conflict-field').textContent()).toBe('ئىتتىپاق ئەزالىرى');
    expect(await conflict.getByTestId('conflict-table').textContent()).toBe('ستاتىستىكا جەدۋىلى');
    expect(visible(await conflict.getByTestId('conflict-overwritten').textContent())).toContain(B_NAME);
    expect(await conflict.getByTestId('conflict-subject').getByTestId('not-translated').count()).toBe(1);
    await screenshot(c.page, 'names-conflicts-ug');
    await c.page.getByTestId('nav-entry').click();
    await c.page.getByTestId('entry-grid').waitFor();
    await c.page.locator('#cell-0-0').focus();
    await c.page.waitForFunction(() => document.querySelectorAll('[data-testid="cell-history"] li').length >= 2);
    expect(visible(await c.page.getByTestId('cell-subtitle').textContent())).toBe(`2026-يىلى 4-پەسىل · ${branchCode}`);
    expect(visible(await c.page.getByTestId('cell-history').textContent())).toContain(B_NAME);
    await screenshot(c.page, 'names-history-ug');

    // A PC renamed on the About page: the next file it sends carries the new name.
    await c.page.getByTestId('nav-about').click();
    await expect(c.page.getByTestId('pc-name-input').inputValue()).resolves.toBe(C_NAME);
    await c.page.getByTestId('pc-name-input').fill('县团委 3号机');
    await c.page.getByTestId('pc-name-save').click();
    await c.page.getByTestId('app-message').waitFor();
    await screenshot(c.page, 'names-about-ug');
  });
});
