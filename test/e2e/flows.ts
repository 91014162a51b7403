import type { Page } from 'playwright-core';
import { chooseFiles, download, screenshot, type SavedFile } from './browser';

/*
 * Steps people take again and again in the end-to-end journeys, done the way they do them: through
 * the app's own pages and buttons.
 */

/** Loads the demo county from the first-start screen and waits for the Overview. */
export async function loadDemo(page: Page): Promise<void> {
  await page.getByTestId('load-demo').click();
  await page.getByTestId('overview').waitFor();
}

/** The county opens a quarterly round (the dialog's default period) with a deadline. */
export async function openRound(page: Page, deadline: string, period = '2026Q4'): Promise<void> {
  await page.getByTestId('nav-rounds').click();
  await page.getByTestId('open-round').click();
  await page.getByTestId('round-deadline').fill(deadline);
  await page.getByTestId('round-open-confirm').click();
  await page.locator(`[data-testid="round-row"][data-period="${period}"]`).waitFor();
}

/** The sync page's default export: everything, importable by any PC. */
export async function exportFull(page: Page): Promise<SavedFile> {
  await page.getByTestId('nav-sync').click();
  const file = await download(page, 'export-bundle');
  await page.getByTestId('app-message').waitFor();
  return file;
}

/**
 * Imports files through the preview. Returns 'already' when the preview says there is nothing new
 * (and cancels), else the severity of the message the import ends with ('success', 'error'): the
 * message saying the import is done, or any error — not a message still showing from before.
 */
export async function importThroughPreview(page: Page, files: SavedFile[], button = 'import-bundle'): Promise<'already' | string> {
  await page.getByTestId('nav-sync').click();
  await chooseFiles(page, button, files);
  await page.getByTestId('import-preview').waitFor();
  if (await page.getByTestId('preview-apply').isDisabled()) {
    await page.getByTestId('preview-cancel').click();
    return 'already';
  }
  await page.getByTestId('preview-apply').click();
  const outcome = page.locator('[data-testid="app-message"][data-key="sync:import.done"], [data-testid="app-message"][data-severity="error"]');
  await outcome.waitFor();
  const severity = (await outcome.getAttribute('data-severity')) ?? '';
  if (severity !== 'error') await page.getByTestId('import-preview').waitFor({ state: 'detached' });
  return severity;
}

/**
 * First start as the county's PC: the PC's name, the county's code and names, the authority's
 * passphrase twice; waits for the recovery code, shown once (the caller confirms it).
 */
export async function setUpCountyPc(page: Page, passphrase: string, names: { zh: string; ug?: string } = { zh: '共青团轮台县委员会' }): Promise<void> {
  await page.getByTestId('pc-name-input').fill('团县委 1号机');
  await page.getByTestId('setup-county').click();
  await page.getByTestId('county-setup').waitFor();
  await page.getByTestId('county-code').fill('LT');
  await page.getByTestId('county-name-zh').fill(names.zh);
  if (names.ug) await page.getByTestId('county-name-ug').fill(names.ug);
  await page.getByTestId('passphrase').fill(passphrase);
  await page.getByTestId('passphrase-again').fill(passphrase);
  await page.getByTestId('setup-create').click();
  await page.getByTestId('recovery-code').waitFor({ timeout: 60_000 });
}

/**
 * A joining PC opens the county's answer and, as a person would, compares the county authority's
 * fingerprint in the confirmation with the one on the county's PCs page before joining. Returns
 * the fingerprint the joining PC was shown.
 */
export async function takeCountyAnswer(township: Page, county: Page, answer: SavedFile, between?: () => Promise<void>): Promise<string> {
  await chooseFiles(township, 'open-answer', [answer]);
  const shown = await township.getByTestId('answer-authority-fingerprint').getAttribute('data-code');
  await county.getByTestId('nav-pcs').click();
  const readOut = await county.getByTestId('authority-fingerprint').getAttribute('data-code');
  if (!shown || shown !== readOut) throw new Error(`the answer's authority ${shown} is not the county's ${readOut}`);
  if (between) await between();
  await township.getByTestId('answer-confirm-go').click();
  await township.getByTestId('enrolled').waitFor();
  return shown;
}

/** The county's PC set up through first start, its recovery code confirmed written down; ends on the PCs page. */
export async function setUpCounty(page: Page, passphrase: string): Promise<void> {
  await setUpCountyPc(page, passphrase);
  await page.getByTestId('recovery-written').check();
  await page.getByTestId('setup-finish').click();
  await page.getByTestId('pcs').waitFor();
}

/** Adds a child organisation under `parent` (its code typed, or the form's own next code; a branch unless a kind is picked). */
export async function addChild(page: Page, parent: string, zh: string, code?: string, kindLabel?: string): Promise<string> {
  await page.getByTestId('nav-orgs').click();
  await page.locator(`[data-testid="org-node"][data-code="${parent}"]`).click();
  await page.locator(`[data-testid="org-details"][data-code="${parent}"]`).waitFor();
  await page.getByTestId('org-create-child').click();
  if (kindLabel) {
    await page.getByTestId('org-kind').locator('..').click();
    await page.getByRole('option', { name: kindLabel, exact: true }).click();
  }
  if (code) await page.getByTestId('org-code').fill(code);
  const made = await page.getByTestId('org-code').inputValue();
  await page.getByTestId('org-name-zh').fill(zh);
  await page.getByTestId('org-save').click();
  await page.getByTestId('org-form').waitFor({ state: 'detached' });
  return made;
}

/** The county creates a contest from the contests list (its window 2026-05-01 to 2026-12-31), with these judges; ends on its page. */
export async function createContest(page: Page, kind: 'essay' | 'photo', titles: { zh: string; ug: string }, judges: string[], shot?: string) {
  await page.getByTestId('contest-new').click();
  await page.getByTestId('contest-form').waitFor();
  if (kind !== 'essay') {
    await page.getByTestId('contest-form').getByRole('combobox').first().click();
    await page.getByTestId(`contest-kind-${kind}`).click();
  }
  await page.getByTestId('contest-titleZh').fill(titles.zh);
  await page.getByTestId('contest-titleUg').fill(titles.ug);
  await page.getByTestId('contest-opens').fill('2026-05-01');
  await page.getByTestId('contest-closes').fill('2026-12-31');
  for (const name of judges) {
    await page.getByTestId('add-judge').click();
    await page.getByTestId('judge-name').last().fill(name);
  }
  if (shot) await screenshot(page, shot);
  await page.getByTestId('contest-save').click();
  await page.getByTestId('contest-detail').waitFor();
}

/** The county adds an entry on a contest's entries tab. */
export async function addEntry(page: Page, entry: { name: string; age: number; title: string; text?: string; docx?: Uint8Array; photos?: { name: string; bytes: Buffer }[] }) {
  await page.getByTestId('entry-add').click();
  await page.getByTestId('entry-form').waitFor();
  await page.getByTestId('entry-name').fill(entry.name);
  await page.getByTestId('entry-age').fill(String(entry.age));
  await page.getByTestId('entry-title').fill(entry.title);
  await page.getByTestId('entry-date').fill('2026-06-01');
  if (entry.text) await page.getByTestId('entry-text').fill(entry.text);
  if (entry.docx) {
    await chooseFiles(page, 'entry-import-text', [{ name: 'essay.docx', bytes: Buffer.from(entry.docx) }]);
    await page.waitForFunction(() => ((document.querySelector('[data-testid="entry-text"]') as HTMLTextAreaElement | null)?.value ?? '').length > 0);
  }
  if (entry.photos) {
    await chooseFiles(page, 'entry-add-photos', entry.photos);
    await page.getByTestId('photo-progress').waitFor({ state: 'detached' });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="entry-photos"] img').length >= n, entry.photos.length - 1);
  }
  await page.getByTestId('entry-save').click();
  await page.getByTestId('entry-form').waitFor({ state: 'detached' });
}

/** A PC asks to join from first start and leaves its request file; it waits, not enrolled. */
export async function askToJoin(page: Page, name: string): Promise<SavedFile> {
  await page.getByTestId('pc-name-input').fill(name);
  await page.getByTestId('join-county').click();
  await page.getByTestId('join-dialog').waitFor();
  const request = await download(page, 'write-request');
  await page.getByTestId('join-continue').click();
  await page.getByTestId('not-enrolled').waitFor();
  return request;
}

/** The county opens a request on its PCs page: the issue dialog, fingerprint compared. */
export async function openRequest(county: Page, request: SavedFile): Promise<void> {
  await county.getByTestId('nav-pcs').click();
  await chooseFiles(county, 'open-request', [request]);
  await county.getByTestId('issue-dialog').waitFor();
  await county.getByTestId('fingerprint-matches').check();
}

/** Signs with the passphrase and saves the answer file; the dialog closes. */
export async function issueAnswer(county: Page, passphrase: string): Promise<SavedFile> {
  await county.getByTestId('issue-passphrase').fill(passphrase);
  const answer = await download(county, 'issue-go');
  await county.getByTestId('issue-dialog').waitFor({ state: 'detached' });
  return answer;
}

/**
 * A township PC joins the county end to end: asks from first start, the county certifies it for
 * `scope` (the organisation picked by its code), and the PC takes the answer after comparing the
 * county's fingerprint. Ends with the township enrolled.
 */
export async function enrollTownshipPc(county: Page, township: Page, name: string, scope: string, passphrase: string): Promise<void> {
  const request = await askToJoin(township, name);
  await openRequest(county, request);
  await county.getByTestId('issue-scope').fill(scope);
  await county.getByRole('option', { name: new RegExp(`${scope}(?!-)`) }).click();
  await takeCountyAnswer(township, county, await issueAnswer(county, passphrase));
}
