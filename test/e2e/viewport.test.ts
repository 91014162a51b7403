import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { LANGS, type Lang } from '../../shared/i18n/lang';
import { APP_ROUTES } from '../../renderer/src/app/features';
import type { Route } from '../../renderer/src/app/routes';
import { chooseFiles, screenshot, usePcs } from './browser';
import { exportFull, loadDemo } from './flows';

/*
 * Every screen at the office sizes (issue 16): 1366×768 and 1280×720, in both languages, with the
 * demo county. Nothing a person needs lies outside the window or is cut: no horizontal page
 * scrollbar, every navigation entry inside the window and whole, the page's heading in view, no
 * text cut short by an ellipsis or a clipping box, a dialog's title and buttons in view. Each screen
 * is saved as `viewport-<screen>-<lang>-<w>x<h>.png` (test/artifacts/screens) to be looked at.
 */

const open = usePcs(inject('baseUrl'), { downloads: true });
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
];
const ROUTES = [...APP_ROUTES.keys()] as Route[];
const CASES = LANGS.flatMap((lang) => SIZES.map((size) => ({ lang, ...size })));

type Size = (typeof SIZES)[number];

async function demoAt(lang: Lang, size: Size): Promise<Page> {
  const { page } = await open();
  await page.setViewportSize(size);
  await loadDemo(page);
  await page.getByTestId(`lang-${lang}`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  return page;
}

async function visit(page: Page, route: Route): Promise<void> {
  await page.evaluate((r) => (window.location.hash = `#/${r}`), route);
  const root = route === 'jobs' ? 'jobs-page' : route;
  await page.locator(`[data-testid="${root}"], [data-testid="${root}-empty"]`).first().waitFor();
  await page.evaluate(() => document.fonts.ready);
}

/**
 * What a person at this window size cannot see or read on the page as it is now, one line each.
 * Run in the page: a horizontal page scrollbar; a navigation entry outside the window or its label
 * cut; a heading outside the window; text cut by an ellipsis or by a box that hides its overflow
 * (not one that scrolls); an element sticking out of the window sideways.
 */
function problemsOnScreen(): string[] {
  const out: string[] = [];
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) out.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
  const name = (el: Element) => el.getAttribute('data-testid') ?? `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 2).join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
  const inWindow = (r: DOMRect) => r.left >= -1 && r.right <= vw + 1 && r.top >= -1 && r.bottom <= vh + 1;
  for (const link of document.querySelectorAll('nav a')) {
    const box = link.getBoundingClientRect();
    if (!inWindow(box)) out.push(`navigation entry outside the window: ${name(link)} ${JSON.stringify(box)}`);
    // A label may wrap between words; a word wider than the drawer would be cut or broken.
    for (const text of link.querySelectorAll('.MuiListItemText-primary')) {
      if (text.scrollWidth > text.clientWidth + 1) out.push(`navigation label cut: ${name(link)}`);
    }
  }
  // Under an open dialog the page may have scrolled to the button that opened it: only its heading is checked.
  if (!document.querySelector('[role="dialog"]')) {
    const heading = document.querySelector('main h1');
    if (!heading) out.push('no heading');
    else if (!inWindow(heading.getBoundingClientRect())) out.push(`heading outside the window: ${name(heading)}`);
  }
  // A table wider than its box hides its last columns behind a sideways scroll.
  for (const table of document.querySelectorAll('main .MuiTableContainer-root')) {
    if (table.scrollWidth > table.clientWidth + 1) out.push(`table scrolls sideways: ${name(table.querySelector('table') ?? table)} (${table.scrollWidth} > ${table.clientWidth})`);
  }
  // Text cut short: an element that hides what overflows it and has more than it shows.
  for (const el of document.querySelectorAll<HTMLElement>('main *, [role="dialog"] *')) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || el.getClientRects().length === 0) continue;
    if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el.tagName === 'svg' || el.closest('svg')) continue;
    const hides = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
    const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
    if (hides && hasText && el.scrollWidth > el.clientWidth + 1) out.push(`text cut: ${name(el)} (${el.scrollWidth} > ${el.clientWidth})`);
    const box = el.getBoundingClientRect();
    if (box.width > 0 && (box.right > vw + 1 || box.left < -1)) {
      let scroller: Element | null = el.parentElement;
      while (scroller && !['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
      if (!scroller || scroller === document.documentElement || scroller === document.body) out.push(`sticks out of the window: ${name(el)} ${Math.round(box.left)}–${Math.round(box.right)}`);
    }
  }
  return [...new Set(out)];
}

/** What is wrong with the open dialog at this size: its title or buttons out of view, its content scrolling sideways. */
function problemsInDialog(): string[] {
  const out: string[] = [];
  const dialog = document.querySelector('[role="dialog"]');
  if (!dialog) return ['no dialog'];
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.left >= -1 && r.right <= vw + 1 && r.top >= -1 && r.bottom <= vh + 1;
  };
  const title = dialog.querySelector('.MuiDialogTitle-root, h2');
  if (!title || !visible(title)) out.push('dialog title out of view');
  const actions = dialog.querySelectorAll('.MuiDialogActions-root button');
  if (actions.length === 0) out.push('dialog without buttons');
  for (const button of actions) {
    if (!visible(button)) out.push(`dialog button out of view: ${button.textContent}`);
    else {
      // In view and not covered by anything outside the dialog (a message at the bottom of the
      // window, say). A disabled button lets the point through to its row, still the dialog's.
      const r = button.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!top || !dialog.contains(top)) out.push(`dialog button covered: ${button.textContent} under ${top?.className ?? 'nothing'}`);
    }
  }
  for (const content of dialog.querySelectorAll('.MuiDialogContent-root')) {
    if (content.scrollWidth > content.clientWidth + 1) out.push(`dialog content scrolls sideways: ${content.scrollWidth} > ${content.clientWidth}`);
  }
  return out;
}

async function check(page: Page, where: string, found: string[]): Promise<void> {
  found.push(...(await page.evaluate(problemsOnScreen)).map((p) => `${where}: ${p}`));
  await screenshot(page, `viewport-${where}`, { fullPage: false });
}

/** Opens a dialog by clicking `testId`, checks it and saves its picture, and closes it with Escape. */
async function checkDialog(page: Page, testId: string, where: string, found: string[]): Promise<void> {
  await page.getByTestId(testId).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => a))));
  found.push(...(await page.evaluate(problemsInDialog)).map((p) => `${where}: ${p}`));
  await check(page, where, found);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}

describe('office screen sizes', () => {
  it.each(CASES)('$lang at $width×$height: every page fits and nothing is cut', async ({ lang, width, height }) => {
    const page = await demoAt(lang, { width, height });
    const found: string[] = [];
    for (const route of ROUTES) {
      await visit(page, route);
      await check(page, `${route}-${lang}-${width}x${height}`, found);
    }
    // A notice and a report's grid: the screens whose titles and last columns were cut.
    await visit(page, 'jobs');
    await page.getByTestId('notice-open').first().click();
    await page.getByTestId('notice-details').waitFor();
    await check(page, `jobs-notice-${lang}-${width}x${height}`, found);
    expect(found).toEqual([]);
  });

  it.each(CASES)('$lang at $width×$height: the main dialogs show their title and buttons', async ({ lang, width, height }) => {
    const page = await demoAt(lang, { width, height });
    const found: string[] = [];
    const at = `${lang}-${width}x${height}`;
    await visit(page, 'orgs');
    await page.getByTestId('org-search').fill('LT-01');
    await page.locator('[data-testid="org-result"][data-code="LT-01"]').click();
    await page.locator('[data-testid="org-details"][data-code="LT-01"]').waitFor();
    await checkDialog(page, 'org-create-child', `dialog-org-form-${at}`, found);
    await checkDialog(page, 'org-move', `dialog-org-move-${at}`, found);
    await checkDialog(page, 'org-archive', `dialog-org-archive-${at}`, found);
    await visit(page, 'rounds');
    await checkDialog(page, 'open-round', `dialog-open-round-${at}`, found);
    await visit(page, 'jobs');
    await checkDialog(page, 'notice-new', `dialog-notice-form-${at}`, found);
    await page.getByTestId('notice-open').first().click();
    await page.getByTestId('notice-details').waitFor();
    await checkDialog(page, 'placement-add', `dialog-placement-${at}`, found);
    await visit(page, 'contests');
    await checkDialog(page, 'contest-new', `dialog-contest-form-${at}`, found);
    await visit(page, 'sync');
    const file = await exportFull(page);
    await chooseFiles(page, 'import-bundle', [file]);
    await page.getByTestId('import-preview').waitFor();
    found.push(...(await page.evaluate(problemsInDialog)).map((p) => `dialog-import-preview-${at}: ${p}`));
    await check(page, `dialog-import-preview-${at}`, found);
    await page.getByTestId('preview-cancel').click();
    expect(found).toEqual([]);
  });
});
