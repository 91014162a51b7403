import type { Page } from 'playwright-core';
import { chooseFiles, download, type SavedFile } from './browser';

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
