/**
 * The entry grid fits an office screen (issue 12 §5). At 1366×768 and 1280×720, in Chinese and in
 * Uyghur (right to left): the page never scrolls sideways, every row's review actions and the
 * Uyghur status and ratio columns stand whole inside the grid's box, the selected cell's details
 * stand beside the grid and above the fold, and the totals row is opaque and drawn over the rows
 * scrolling under it. Asserted on the boxes the browser laid out, and photographed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { screenshot, usePcs } from './browser';
import { loadDemo, openRound } from './flows';

const pc = usePcs(inject('baseUrl'));

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
] as const;

async function typeCell(page: Page, row: number, col: number, text: string): Promise<void> {
  const cell = page.locator(`#cell-${row}-${col}`);
  await cell.fill(text);
  await cell.press('Enter');
}

async function toLang(page: Page, lang: 'ug' | 'zh-CN'): Promise<void> {
  await page.getByTestId(`lang-${lang}`).click();
  await page.waitForFunction((dir) => document.documentElement.dir === dir, lang === 'ug' ? 'rtl' : 'ltr');
}

interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** What the test measures, in one pass in the page. */
interface Layout {
  viewport: { width: number; height: number };
  pageScrollWidth: number;
  /** The grid's scrolling box, as its content shows through it (client area). */
  box: Rect;
  /** Each review button: its box, and whether it is the element hit at its centre (nothing over it). */
  actions: { rect: Rect; hit: boolean }[];
  statuses: Rect[];
  /** Each row's ratio cell: its box, and whether its text fits it. */
  ratios: { rect: Rect; fits: boolean }[];
  details: Rect;
  selected: Rect;
  /**
   * The totals row's cells: background colour, and whether what is drawn at the cell's centre is of
   * the totals row (the last figure's total may lie under the sticky ratio's: that is the row too).
   */
  totals: { background: string; hit: boolean; rect: Rect }[];
  /** Rows laid out under the totals row (scrolled beneath it). */
  rowsUnderTotals: number;
  appMessages: string[];
}

async function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    /** Whether what is drawn at the element's centre belongs to `within` (by default the element itself). */
    const hitAtCentre = (el: Element, within: Element = el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
      return hit !== null && within.contains(hit);
    };
    const boxEl = document.querySelector('[data-testid="entry-grid-box"]')!;
    const b = boxEl.getBoundingClientRect();
    const box = { left: b.left + boxEl.clientLeft, top: b.top + boxEl.clientTop, right: b.left + boxEl.clientLeft + boxEl.clientWidth, bottom: b.top + boxEl.clientTop + boxEl.clientHeight };
    const foot = document.querySelector('[data-testid="grid-totals"]')!;
    // The row's cells are what sticks (a table row itself keeps its place in the table).
    const footRect = foot.querySelector('td')!.getBoundingClientRect();
    const rows = [...document.querySelectorAll('[data-testid="entry-grid"] tbody tr')];
    return {
      viewport: { width: window.innerWidth, height: window.innerHeight },
      pageScrollWidth: document.documentElement.scrollWidth,
      box,
      actions: [...document.querySelectorAll('[data-testid="approve"], [data-testid="return"], [data-testid="reopen"]')].map((el) => ({ rect: rect(el), hit: hitAtCentre(el) })),
      statuses: [...document.querySelectorAll('[data-testid="row-status"]')].map(rect),
      ratios: [...document.querySelectorAll('[data-testid="row-ratio"]')].map((el) => ({ rect: rect(el), fits: (el as HTMLElement).scrollWidth <= (el as HTMLElement).clientWidth })),
      details: rect(document.querySelector('[data-testid="cell-details"]')!),
      selected: rect(document.activeElement!),
      totals: [...foot.querySelectorAll('td')].map((el) => ({ background: getComputedStyle(el).backgroundColor, hit: hitAtCentre(el, foot), rect: rect(el) })),
      rowsUnderTotals: rows.filter((r) => r.getBoundingClientRect().bottom > footRect.top + 1 && r.getBoundingClientRect().top < footRect.bottom - 1).length,
      appMessages: [...document.querySelectorAll('[data-testid="app-message"]')].map((el) => el.getAttribute('data-key') ?? ''),
    };
  });
}

/** Within `outer`, allowing a pixel for sub-pixel rounding. */
function inside(inner: Rect, outer: Rect): boolean {
  return inner.left >= outer.left - 1 && inner.right <= outer.right + 1 && inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1;
}

/** An opaque CSS colour: rgb(), or rgba() with alpha 1. */
function opaque(colour: string): boolean {
  const rgba = /^rgba\(([^)]+)\)$/.exec(colour);
  return rgba ? Number(rgba[1]!.split(',')[3]) === 1 : colour.startsWith('rgb(');
}

describe('the entry grid on an office screen', () => {
  it('at 1366×768 and 1280×720, in both languages: actions, status and ratio in view, details beside the cell, an opaque sticky totals row', async () => {
    const { page } = await pc();
    await loadDemo(page);
    await openRound(page, '2026-12-31');
    await page.getByTestId('nav-entry').click();
    await page.getByTestId('entry-grid').waitFor();
    // The county's "a new round is open" was about the rounds page: it does not stand over the grid.
    expect(await page.locator('[data-testid="app-message"][data-key="stats:rounds.opened"]').count()).toBe(0);

    // Two reports submitted (each row then shows 通过 and 退回), one held back by an error.
    for (const [row, values] of [
      [0, ['120', '12', '500', '260', '3', '2']],
      [1, ['80', '8', '400', '180', '2', '1']],
      [2, ['95', '9', '420', '50', '2', '1']],
    ] as const) {
      for (const [col, v] of values.entries()) await typeCell(page, row, col, v);
    }
    await page.getByTestId('submit-all').click();
    await page.waitForFunction(() => document.querySelectorAll('tr[data-status="submitted"]').length === 2);
    await page.getByTestId('blocked-reports').waitFor();
    // Messages about what was just done are read; close them so the screen is as it is worked at.
    for (const close of await page.locator('[data-testid="app-message"] button').all()) await close.click();

    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const lang of ['zh-CN', 'ug'] as const) {
        await toLang(page, lang);
        // The cell with the error, selected: its details stand beside the grid.
        await page.locator('#cell-2-0').focus();
        await page.getByTestId('cell-details').getByTestId('cell-issue').first().waitFor();
        const where = `${size.width}×${size.height} ${lang}`;
        const layout = await measure(page);
        const viewport = { left: 0, top: 0, right: layout.viewport.width, bottom: layout.viewport.height };

        expect(layout.pageScrollWidth, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(layout.viewport.width);
        expect(inside(layout.box, viewport), `${where}: the grid's box ends inside the window`).toBe(true);

        expect(layout.actions.length, where).toBe(4);
        for (const action of layout.actions) {
          expect(inside(action.rect, layout.box), `${where}: a review action outside the grid's box`).toBe(true);
          expect(action.hit, `${where}: a review action covered`).toBe(true);
        }
        expect(layout.statuses.length).toBeGreaterThan(3);
        for (const status of layout.statuses.slice(0, 3)) expect(inside(status, layout.box), `${where}: a status outside the grid's box`).toBe(true);
        for (const ratio of layout.ratios.slice(0, 3)) {
          expect(inside(ratio.rect, layout.box), `${where}: a ratio cut by the grid's box`).toBe(true);
          expect(ratio.fits, `${where}: a ratio's text wider than its cell`).toBe(true);
        }

        expect(inside(layout.details, viewport), `${where}: the details below the fold`).toBe(true);
        expect(layout.details.top, `${where}: the details not beside the selected cell`).toBeLessThan(layout.selected.bottom);
        if (lang === 'ug') expect(layout.details.right, `${where}: the details not beside the grid`).toBeLessThanOrEqual(layout.box.left);
        else expect(layout.details.left, `${where}: the details not beside the grid`).toBeGreaterThanOrEqual(layout.box.right);

        await screenshot(page, `entry-screen-${size.width}-${lang}`);

        // Rows scrolled under the totals row: it is opaque and drawn over them.
        await page.getByTestId('entry-grid-box').evaluate((el) => el.scrollTo({ top: (el.scrollHeight - el.clientHeight) / 2, behavior: 'instant' }));
        const scrolled = await measure(page);
        expect(scrolled.rowsUnderTotals, `${where}: no row scrolls under the totals (the grid is not taller than its box)`).toBeGreaterThan(0);
        for (const cell of scrolled.totals) {
          expect(opaque(cell.background), `${where}: the totals row lets rows show through (${cell.background})`).toBe(true);
          if (inside(cell.rect, scrolled.box)) expect(cell.hit, `${where}: a row drawn over the totals`).toBe(true);
        }
        expect(inside(scrolled.totals[0]!.rect, scrolled.box), `${where}: the totals row not at the box's bottom`).toBe(true);
        await screenshot(page, `entry-screen-${size.width}-${lang}-scrolled`);
        await page.getByTestId('entry-grid-box').evaluate((el) => el.scrollTo({ top: 0, left: 0, behavior: 'instant' }));
      }
    }
  });
});
