import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, chooseFiles, download, screenshot, usePcs } from './browser';

const pc = usePcs(inject('baseUrl'), { downloads: true });




describe('reports', () => {
  it('saves the county summary as CSV, Excel and PDF with the county totals, in both languages', async () => {
    const { page } = await pc();
    await page.getByTestId('load-demo').click();
    await page.getByTestId('overview').waitFor();
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('summary-table').locator('table').waitFor();
    await screenshot(page, 'reports-zh');

    const csv = await download(page, 'summary-csv');
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.bytes.toString('utf8').split('\r\n');
    expect(lines.some((l) => l.includes('5849') && l.includes('26328') && l.includes('12028'))).toBe(true);

    const xlsx = await download(page, 'summary-xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const values = book.worksheets[0]!.getSheetValues().flat().filter((v) => typeof v === 'number');
    expect(values).toEqual(expect.arrayContaining([5849, 26328, 12028]));

    await page.getByTestId('lang-ug').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await screenshot(page, 'reports-ug');
    // The PDF path: Chromium's print of the page, as Electron's printToPDF does.
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    mkdirSync(path.join(ARTIFACTS, 'pdf'), { recursive: true });
    writeFileSync(path.join(ARTIFACTS, 'pdf', 'county-summary-ug.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('exports a township template and imports it back filled, listing problems by cell before storing', async () => {
    const { page } = await pc();
    await page.getByTestId('load-demo').click();
    await page.getByTestId('overview').waitFor();
    await page.getByTestId('nav-rounds').click();
    await page.getByTestId('open-round').click();
    await page.getByTestId('round-deadline').fill('2026-12-31');
    await page.getByTestId('round-open-confirm').click();
    await page.locator('[data-testid="round-row"][data-period="2026Q4"]').waitFor();
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('template-export').waitFor();
    const template = await download(page, 'template-export');

    // A township officer fills it in (as Excel or WPS would save it), with one bad cell and one formula.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets.find((s) => s.state !== 'hidden' && s.state !== 'veryHidden')!;
    let firstDataRow = 0;
    sheet.eachRow((row, n) => {
      if (!firstDataRow && /^LT-01-/.test(String(row.getCell(1).value ?? ''))) firstDataRow = n;
    });
    expect(firstDataRow).toBeGreaterThan(0);
    sheet.getRow(firstDataRow).getCell(3).value = { formula: '100+10', result: 110 };
    sheet.getRow(firstDataRow + 1).getCell(3).value = 'abc';
    const filled = Buffer.from(await book.xlsx.writeBuffer());

    await chooseFiles(page, 'template-import', [{ name: 'filled.xlsx', bytes: filled }]);
    await page.getByTestId('template-problems').waitFor();
    expect(await page.getByTestId('template-problems').locator('li').count()).toBe(2);
    // The formula's row is held back unless the person chooses its last value.
    expect(await page.getByTestId('template-use-formulas').isChecked()).toBe(false);
    await screenshot(page, 'template-preview-zh');
    await page.getByTestId('template-use-formulas').check();
    await page.getByTestId('template-store').click();
    await page.getByTestId('template-preview').waitFor({ state: 'detached' });
    await page.getByTestId('nav-entry').click();
    await page.locator('#cell-0-0').waitFor();
    await page.waitForFunction(() => (document.querySelector('#cell-0-0') as HTMLInputElement | null)?.value === '110');
  });
});
