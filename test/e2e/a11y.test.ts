import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { LANGS, type Lang } from '../../shared/i18n/lang';
import { APP_ROUTES } from '../../renderer/src/app/features';
import type { Route } from '../../renderer/src/app/routes';
import { chooseFiles, usePcs } from './browser';
import { violations } from './axe';
import { exportFull, loadDemo } from './flows';

/*
 * Accessibility checked by a tool nobody here wrote: axe-core (a devDependency, the file from
 * node_modules evaluated in the page; nothing is fetched) on every page and every dialog a person
 * opens, in both languages, with the demo county and with an empty start. Zero violations.
 */

const open = usePcs(inject('baseUrl'), { downloads: true });
/** Every registered page (app/features.ts). */
const ROUTES = [...APP_ROUTES.keys()] as Route[];
/** The page's root element: its test id is the route's name (`jobs-page` for Jobs), `…-empty` with nothing to show. */
async function visit(page: Page, route: Route): Promise<void> {
  await page.evaluate((r) => (window.location.hash = `#/${r}`), route);
  const root = route === 'jobs' ? 'jobs-page' : route;
  await page.locator(`[data-testid="${root}"], [data-testid="${root}-empty"]`).first().waitFor();
}

async function switchTo(page: Page, lang: Lang): Promise<void> {
  await page.getByTestId(`lang-${lang}`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** A fresh PC with the demo county loaded, in `lang`. */
async function demoIn(lang: Lang): Promise<Page> {
  const { page } = await open();
  await loadDemo(page);
  await switchTo(page, lang);
  return page;
}

/** Fills the fields named by their test ids. */
async function fillIn(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [testId, value] of Object.entries(fields)) await page.getByTestId(testId).fill(value);
}

/** Opens a dialog by clicking `testId`, checks it, and closes it with Escape as a person may. */
async function checkDialog(page: Page, testId: string, where: string, found: string[]): Promise<void> {
  await page.getByTestId(testId).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  found.push(...(await violations(page, where)));
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
}

describe('accessibility (axe-core)', () => {
  it.each(LANGS)('%s: every page with the demo county has no violations', async (lang) => {
    const page = await demoIn(lang);
    const found: string[] = [];
    for (const route of ROUTES) {
      await visit(page, route);
      found.push(...(await violations(page, route)));
    }
    expect(found).toEqual([]);
  });

  it.each(LANGS)('%s: the organisation, round and import dialogs have no violations', async (lang) => {
    const page = await demoIn(lang);
    const found: string[] = [];

    // Organisations: the details of one, and its new-child, move and archive dialogs.
    await visit(page, 'orgs');
    await page.getByTestId('org-search').fill('LT-01');
    await page.locator('[data-testid="org-result"][data-code="LT-01"]').click();
    await page.locator('[data-testid="org-details"][data-code="LT-01"]').waitFor();
    found.push(...(await violations(page, 'org details')));
    await checkDialog(page, 'org-create-child', 'org form', found);
    await checkDialog(page, 'org-move', 'org move', found);
    await checkDialog(page, 'org-archive', 'org archive confirmation', found);

    await visit(page, 'rounds');
    await checkDialog(page, 'open-round', 'round dialog', found);

    // Sync: the import preview of a file.
    const file = await exportFull(page);
    await chooseFiles(page, 'import-bundle', [file]);
    await page.getByTestId('import-preview').waitFor();
    found.push(...(await violations(page, 'import preview')));
    await page.getByTestId('preview-cancel').click();
    expect(found).toEqual([]);
  });

  it.each(LANGS)('%s: the job notice and contest pages and dialogs have no violations', async (lang) => {
    const page = await demoIn(lang);
    const found: string[] = [];

    // Jobs: the notice form, a notice's details, its delete confirmation and the placement form.
    await visit(page, 'jobs');
    await checkDialog(page, 'notice-new', 'notice form', found);
    await page.getByTestId('notice-open').first().click();
    await page.getByTestId('notice-details').waitFor();
    found.push(...(await violations(page, 'notice details')));
    await checkDialog(page, 'notice-delete', 'notice delete confirmation', found);
    await checkDialog(page, 'placement-add', 'placement form', found);
    for (const tab of ['figures', 'bulletin']) {
      await page.getByTestId(`jobs-tab-${tab}`).click();
      found.push(...(await violations(page, `jobs ${tab}`)));
    }

    // Contests: the contest form, then a contest with an entry: its tabs, entry form and delete confirmation.
    await visit(page, 'contests');
    await checkDialog(page, 'contest-new', 'contest form', found);
    await page.getByTestId('contest-new').click();
    await fillIn(page, { 'contest-titleZh': '青春征文', 'contest-titleUg': 'ياشلىق ماقالە', 'contest-opens': '2026-05-01', 'contest-closes': '2026-12-31' });
    await page.getByTestId('contest-save').click();
    await page.getByTestId('contest-detail').waitFor();
    await checkDialog(page, 'entry-add', 'contest entry form', found);
    await page.getByTestId('entry-add').click();
    await fillIn(page, { 'entry-name': '李娜', 'entry-age': '24', 'entry-title': '我的家乡', 'entry-date': '2026-06-01', 'entry-text': '我的家乡在轮台。' });
    await page.getByTestId('entry-save').click();
    await page.getByTestId('entry-form').waitFor({ state: 'detached' });
    found.push(...(await violations(page, 'contest entries')));
    await checkDialog(page, 'entry-delete', 'contest entry delete confirmation', found);
    for (const tab of ['judging', 'ranking', 'certificates']) {
      await page.getByTestId(`contest-tab-${tab}`).click();
      found.push(...(await violations(page, `contest ${tab}`)));
    }

    expect(found).toEqual([]);
  });

  it.each(LANGS)('%s: the first start and every page of an empty start have no violations', async (lang) => {
    const { page } = await open();
    await page.getByTestId('first-start').waitFor();
    await switchTo(page, lang);
    const found = await violations(page, 'first start');
    await page.getByTestId('start-empty').click();
    for (const route of ROUTES) {
      await visit(page, route);
      found.push(...(await violations(page, `${route} (empty)`)));
    }
    expect(found).toEqual([]);
  });
});
