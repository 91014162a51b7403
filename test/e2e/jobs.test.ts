import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, download, screenshot, usePcs } from './browser';

const pc = usePcs(inject('baseUrl'), { downloads: true });

const EMPLOYER = { zh: '轮台县青年创业园', ug: 'بۈگۈر ناھىيەلىك ياشلار كارخانا قۇرۇش باغچىسى' };
const TITLE = { zh: '电商主播', ug: 'تور سودا رىياسەتچىسى' };

async function openJobs(page: Page) {
  await page.getByTestId('load-demo').click();
  await page.getByTestId('overview').waitFor();
  await page.getByTestId('nav-jobs').click();
  await page.getByTestId('notice-table').waitFor();
}

async function fillNotice(page: Page, phone: string) {
  await page.getByTestId('notice-new').click();
  await page.getByTestId('notice-form').waitFor();
  await page.getByTestId('notice-employer-zh').fill(EMPLOYER.zh);
  await page.getByTestId('notice-employer-ug').fill(EMPLOYER.ug);
  await page.getByTestId('notice-title-zh').fill(TITLE.zh);
  await page.getByTestId('notice-title-ug').fill(TITLE.ug);
  await page.getByTestId('notice-openings').fill('3');
  await page.getByTestId('notice-age-min').fill('18');
  await page.getByTestId('notice-age-max').fill('30');
  await page.getByTestId('notice-pay-min').fill('4000');
  await page.getByTestId('notice-pay-max').fill('6000');
  await page.getByTestId('notice-place-zh').fill('人民路 8 号');
  await page.getByTestId('notice-place-ug').fill('خەلق يولى 8-نومۇر');
  await page.getByTestId('notice-contact-name').fill('王丽');
  await page.getByTestId('notice-contact-name-ug').fill('ۋاڭ لى');
  await page.getByTestId('notice-contact-phone').fill(phone);
  await page.getByTestId('notice-issue').fill('175');
}

async function addPlacement(page: Page, name: string, sex: 'female' | 'male', age: string, phone: string, ethnicity?: { typed: string; code: string }) {
  await page.getByTestId('placement-add').click();
  const form = page.getByTestId('placement-form');
  await form.waitFor();
  await page.getByTestId('placement-name').fill(name);
  await form.getByRole('combobox').first().click();
  await page.getByTestId(`placement-sex-${sex}`).click();
  await page.getByTestId('placement-age').fill(age);
  await page.getByTestId('placement-phone').fill(phone);
  if (ethnicity) {
    // Typed in Uyghur Latin letters, picked from the standard list.
    await page.getByTestId('placement-ethnicity').fill(ethnicity.typed);
    await page.getByTestId(`ethnicity-option-${ethnicity.code}`).waitFor();
    await screenshot(page, `jobs-ethnicity-picker-${await page.evaluate(() => document.documentElement.lang)}`);
    await page.getByTestId(`ethnicity-option-${ethnicity.code}`).click();
  }
  await page.getByTestId('placement-save').click();
  await form.waitFor({ state: 'detached' });
}

async function bulletinImage(page: Page, lang: 'zh-CN' | 'ug'): Promise<Buffer> {
  await page.getByTestId(`bulletin-lang-${lang}`).click();
  await page.getByTestId('bulletin-tab-image').click();
  await page.getByTestId('bulletin-make-image').click();
  await page.getByTestId('bulletin-image').waitFor();
  const png = await download(page, 'bulletin-save-image');
  expect(png.name).toMatch(new RegExp(`-${lang}\\.png$`));
  expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
  mkdirSync(path.join(ARTIFACTS, 'jobs'), { recursive: true });
  writeFileSync(path.join(ARTIFACTS, 'jobs', `bulletin-${lang}.png`), png.bytes);
  return png.bytes;
}

describe('job notices', () => {
  it('lists the demo year, searches by pinyin initials and Uyghur, and sorts', async () => {
    const { page } = await pc();
    await openJobs(page);
    await expect.poll(() => page.getByTestId('notice-count').textContent()).toContain('110');
    await screenshot(page, 'jobs-list-zh');
    // 电焊工 by its pinyin initials, then by its Uyghur name: the same notices.
    await page.getByTestId('notice-search').fill('dhg');
    await expect.poll(async () => (await page.getByTestId('notice-row').allTextContents()).every((r) => r.includes('电焊工'))).toBe(true);
    const byPinyin = await page.getByTestId('notice-count').textContent();
    await page.getByTestId('lang-ug').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByTestId('notice-search').fill('كەپشەرچى');
    await expect.poll(async () => (await page.getByTestId('notice-row').allTextContents()).every((r) => r.includes('ئېلېكتر كەپشەرچى'))).toBe(true);
    expect((await page.getByTestId('notice-count').textContent())?.replace(/\D/g, '')).toBe(byPinyin?.replace(/\D/g, ''));
    await page.getByTestId('notice-search').fill('');
    await page.getByTestId('sort-openings').click();
    const openings = await page.locator('[data-testid="notice-row"] td:nth-child(4)').allTextContents();
    const numbers = openings.map((o) => Number(o.replace(/\D/g, '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    await screenshot(page, 'jobs-list-ug');
  });

  it('creates a notice in both languages, publishes it, records two placements, makes bulletins and exports the figures', async () => {
    const { page } = await pc();
    await openJobs(page);

    // A phone that cannot be dialled is refused on its field.
    await fillNotice(page, '12345');
    await page.getByTestId('notice-save').click();
    await expect.poll(() => page.getByTestId('notice-form').textContent()).toContain('0996-4621234');
    await page.getByTestId('notice-contact-phone').fill('0996-4621234');
    await screenshot(page, 'jobs-form-zh');
    await page.getByTestId('notice-save').click();
    await page.getByTestId('notice-details').waitFor();
    await expect.poll(() => page.getByTestId('notice-status').getAttribute('data-status')).toBe('draft');
    // A draft is published (发布), not "published again".
    await expect(page.getByTestId('notice-move-published').textContent()).resolves.toBe('发布');
    await page.getByTestId('notice-move-published').click();
    await expect.poll(() => page.getByTestId('notice-status').getAttribute('data-status')).toBe('published');

    await addPlacement(page, 'ئابلىز ئەركىن', 'male', '22', '13912345678', { typed: 'uyghur', code: '05' });
    await addPlacement(page, '李娜', 'female', '24', '', { typed: 'hz', code: '01' });
    await expect.poll(() => page.getByTestId('placement-row').count()).toBe(2);
    expect((await page.getByTestId('placement-phone-masked').allTextContents()).sort()).toEqual(['', '139****5678']);
    await screenshot(page, 'jobs-details-zh');

    // The same employer and title again within 30 days: warned, saved only on a second click.
    await page.getByTestId('notice-back').click();
    await fillNotice(page, '13812345678');
    await page.getByTestId('notice-save').click();
    await page.getByTestId('notice-duplicates').waitFor();
    await screenshot(page, 'jobs-duplicate-zh');
    await page.getByTestId('notice-save').click();
    await page.getByTestId('notice-details').waitFor();
    // The twin has no placements: deleted, then brought back by Undo.
    await page.getByTestId('notice-delete').click();
    await page.getByTestId('notice-delete-yes').click();
    await page.getByTestId('jobs-undo-button').click();
    await expect.poll(() => page.getByTestId('notice-count').textContent()).toContain('112');

    // The bulletin in Uyghur and in Chinese, from the new notice (the only open one).
    await page.getByTestId('jobs-tab-bulletin').click();
    await page.getByTestId('jobs-bulletin').waitFor();
    // The issue number comes from the notice (entered as 175), still editable.
    await expect.poll(() => page.getByTestId('bulletin-issue').inputValue()).toBe('175');
    await page.getByTestId('bulletin-lang-ug').click();
    await expect.poll(() => page.getByTestId('bulletin-text').inputValue()).toContain(TITLE.ug);
    const text = await page.getByTestId('bulletin-text').inputValue();
    expect(text).toContain('\u20660996-4621234\u2069');
    // Place and contact in Uyghur too: no Chinese left in the Uyghur bulletin of a bilingual notice.
    expect(text).toContain('ۋاڭ لى');
    expect(text).toContain('خەلق يولى 8-نومۇر');
    expect(text).not.toMatch(/\p{Script=Han}/u);
    await page.getByTestId('bulletin-lang-zh-CN').click();
    await expect.poll(() => page.getByTestId('bulletin-text').inputValue()).toContain('联系人：王丽');
    expect(await page.getByTestId('bulletin-text').inputValue()).toContain('第 175 期');
    await page.getByTestId('bulletin-lang-ug').click();
    const ugPng = await bulletinImage(page, 'ug');
    const zhPng = await bulletinImage(page, 'zh-CN');
    expect(ugPng.equals(zhPng)).toBe(false);
    await screenshot(page, 'jobs-bulletin-zh');
    await page.getByTestId('bulletin-tab-pdf').click();
    await page.getByTestId('bulletin-print').waitFor();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    writeFileSync(path.join(ARTIFACTS, 'jobs', 'bulletin-zh.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    // Figures: this year's from the new notice; the demo year read back from the spreadsheet.
    await page.getByTestId('jobs-tab-figures').click();
    await page.getByTestId('figures-chart').waitFor();
    await page.getByTestId('figures-year').locator('..').getByRole('combobox').click();
    await page.getByRole('option', { name: '2025' }).click();
    await expect.poll(() => page.getByTestId('figures-months').textContent()).toContain('325');
    await screenshot(page, 'jobs-figures-zh');
    const xlsx = await download(page, 'figures-xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['按月', '按乡镇', '就业人员']);
    const lastRow = (sheet: ExcelJS.Worksheet) => {
      let found: unknown[] = [];
      sheet.eachRow((row) => {
        if (String(row.getCell(1).value) === '合计') found = (row.values as unknown[]).slice(2, 5);
      });
      return found;
    };
    expect(lastRow(book.worksheets[0]!)).toEqual([107, 325, 76]);
    expect(lastRow(book.worksheets[1]!)).toEqual([107, 325, 76]);
    const placementsSheet = JSON.stringify(book.worksheets[2]!.getSheetValues());
    expect(placementsSheet).not.toMatch(/1990001\d{4}/);
    expect(placementsSheet).toMatch(/199\*\*\*\*\d{4}/);
    // Ethnicity is stored as a code and printed as the reader's name.
    expect(placementsSheet).toContain('维吾尔族');
    expect(placementsSheet).not.toContain('"05"');

    await page.getByTestId('lang-ug').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await screenshot(page, 'jobs-figures-ug');
    // The PDF path: Chromium's print of the page, as Electron's printToPDF does.
    await page.emulateMedia({ media: 'print' });
    const figuresPdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    writeFileSync(path.join(ARTIFACTS, 'jobs', 'figures-ug.pdf'), figuresPdf);
    expect(figuresPdf.subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await download(page, 'figures-csv');
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.bytes.toString('utf8')).toContain('جەمئىي,107,325,76');

    // The new notice in Uyghur, then deleting it: it has placements, so it is closed instead.
    await page.getByTestId('jobs-tab-notices').click();
    await page.getByTestId('notice-search').fill(TITLE.ug);
    // Two match (the twin was kept): the published one is the one with the placements.
    await page.locator('[data-testid="notice-row"]:has([data-status="published"]) [data-testid="notice-open"]').click();
    await page.getByTestId('notice-details').waitFor();
    await screenshot(page, 'jobs-details-ug');
    // The Uyghur clerk sees the stored code as ئۇيغۇر and finds another group in Uyghur letters.
    await page.locator('[data-testid="placement-row"]:has-text("ئابلىز") [data-testid="placement-edit"]').click();
    await page.getByTestId('placement-form').waitFor();
    expect(await page.getByTestId('placement-ethnicity').inputValue()).toBe('ئۇيغۇر');
    await page.getByTestId('placement-ethnicity').fill('قاز');
    await page.getByTestId('ethnicity-option-17').waitFor();
    await screenshot(page, 'jobs-ethnicity-picker-ug');
    await page.keyboard.press('Escape');
    await page.getByTestId('placement-cancel').click();
    await page.getByTestId('placement-form').waitFor({ state: 'detached' });
    await page.getByTestId('notice-delete').click();
    await page.getByTestId('notice-delete-blocked').waitFor();
    await screenshot(page, 'jobs-delete-blocked-ug');
    await page.getByTestId('notice-close-instead').click();
    await expect.poll(() => page.getByTestId('notice-status').getAttribute('data-status')).toBe('closed');
    expect(await page.getByTestId('placement-row').count()).toBe(2);
    await page.getByTestId('notice-edit').click();
    await page.getByTestId('notice-form').waitFor();
    await screenshot(page, 'jobs-form-ug');
    await page.getByTestId('notice-cancel').click();
    await page.getByTestId('notice-form').waitFor({ state: 'detached' });

    // The bulletin screen in Uyghur: nothing is open any more, so the notice is picked by hand.
    await page.getByTestId('jobs-tab-bulletin').click();
    await page.getByTestId('bulletin-none').waitFor();
    await page.getByTestId('bulletin-pick').first().click();
    await expect.poll(() => page.getByTestId('bulletin-text').inputValue()).toContain(TITLE.ug);
    await screenshot(page, 'jobs-bulletin-ug');
  });
});
