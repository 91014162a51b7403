import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, chooseFiles, download, screenshot, usePcs } from './browser';
import { addEntry, createContest } from './flows';

const pc = usePcs(inject('baseUrl'), { downloads: true });
const PDF_DIR = path.join(ARTIFACTS, 'pdf');

async function start(page: Page) {
  await page.getByTestId('load-demo').click();
  await page.getByTestId('overview').waitFor();
  await page.getByTestId('nav-contests').click();
  await page.getByTestId('contests').waitFor();
}

/** Judges every entry shown, in order, from the keyboard only: points, Enter, …, Enter on the last saves. */
async function judgeAll(page: Page, judgeIndex: number, points: number[][], forbidden: string[], shot?: string) {
  await page.getByTestId('contest-tab-judging').click();
  await page.getByTestId('judging').getByRole('combobox').first().click();
  await page.locator('[data-testid^="judge-option-"]').nth(judgeIndex).click();
  for (const row of points) {
    const card = page.getByTestId('scoring-card');
    await card.waitFor();
    const code = await card.getAttribute('data-code');
    const text = (await card.innerText()) ?? '';
    for (const name of forbidden) expect(text, 'blind judging shows no names').not.toContain(name);
    await page.getByTestId('score-0').focus();
    if (shot && row === points[0]) {
      await page.keyboard.type(String(row[0]));
      await screenshot(page, shot);
      await page.keyboard.press('Control+A');
    }
    for (const p of row) {
      await page.keyboard.type(String(p));
      await page.keyboard.press('Enter');
    }
    await page.waitForFunction((c) => document.querySelector('[data-testid="scoring-card"]')?.getAttribute('data-code') !== c, code);
  }
  await page.getByTestId('judging-done').waitFor();
}

function docx(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': new TextEncoder().encode(xml) });
}

/** A JPEG the browser draws: a pattern of bands and circles that differs by `seed`. */
async function makeJpeg(page: Page, width: number, height: number, seed: number): Promise<Buffer> {
  const bytes = await page.evaluate(
    async ([w, h, s]) => {
      const canvas = new OffscreenCanvas(w, h);
      const ctx = canvas.getContext('2d')!;
      for (let i = 0; i < 12; i++) {
        ctx.fillStyle = `hsl(${(s * 67 + i * 29) % 360} 70% ${20 + ((i * 7 + s * 13) % 60)}%)`;
        ctx.fillRect((i * w) / 12, 0, w / 12, h);
      }
      ctx.fillStyle = '#fff';
      ctx.beginPath();
      ctx.arc(((s % 5) + 1) * (w / 6), h / 2, h / 4, 0, 7);
      ctx.fill();
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    },
    [width, height, seed] as const,
  );
  return Buffer.from(bytes);
}

/** The same JPEG with an EXIF block saying "rotate 90° clockwise to show" (orientation 6), as phones write. */
function withExifOrientation6(jpeg: Buffer): Buffer {
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
  const body = [...Buffer.from('Exif\0\0', 'binary'), ...tiff];
  const app1 = [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body];
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from(app1), jpeg.subarray(2)]);
}

function pdfToPng(pdf: Buffer, name: string) {
  mkdirSync(PDF_DIR, { recursive: true });
  const file = path.join(PDF_DIR, `${name}.pdf`);
  writeFileSync(file, pdf);
  try {
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, path.join(PDF_DIR, name)]);
  } catch {
    // pdftoppm is a convenience for looking at the pages; the PDF itself is the artifact.
  }
}

describe('contests', () => {
  it('an essay contest: entries checked, two judges score blind from the keyboard, ranked, certificates in both languages', async () => {
    const { page } = await pc();
    await start(page);
    await expect(page.getByTestId('contest-row').count()).resolves.toBe(1);
    await screenshot(page, 'contests-list-zh');

    await createContest(page, 'essay', { zh: '青春与家乡微征文', ug: 'ياشلىق ۋە يۇرت ماقالە مۇسابىقىسى' }, ['王老师', 'ئايگۈل'], 'contests-form-zh');
    await addEntry(page, { name: '李明', age: 20, title: '家乡的河', text: '塔里木河畔的清晨，青年志愿者们在清理河道。' });
    await addEntry(page, { name: 'ئەركىن', age: 22, title: 'يۇرتۇم', docx: docx(['يۇرتۇم گۈزەل.', 'ياشلار ئىشلەيدۇ.']) });
    await addEntry(page, { name: '张华', age: 40, title: '超龄作品', text: '青春。' });
    await addEntry(page, { name: '赵雪', age: 18, title: '我们的文化广场', text: '文化广场上排练新编的歌舞。' });
    await page.locator('[data-testid="entry-row"][data-code="E-004"]').waitFor();
    await expect(page.getByTestId('entry-row').count()).resolves.toBe(4);
    await page.locator('[data-code="E-003"] [data-testid="problem-too-old"]').waitFor();
    await expect(page.locator('[data-code="E-002"]').innerText()).resolves.toContain('4 词');
    await screenshot(page, 'contests-entries-zh');

    // Delete, then undo: the entry comes back.
    await page.locator('[data-code="E-004"] [data-testid="entry-delete"]').click();
    await page.getByTestId('entry-delete-confirm').click();
    await page.locator('[data-code="E-004"]').waitFor({ state: 'detached' });
    await page.getByTestId('entry-undo').click();
    await page.locator('[data-code="E-004"]').waitFor();

    await judgeAll(page, 0, [[8, 8, 8, 8], [9, 9, 9, 9], [7, 7, 7, 7]], ['李明', 'ئەركىن', '赵雪'], 'contests-judging-zh');
    await judgeAll(page, 1, [[9, 9, 9, 9], [9, 8, 9, 9], [6, 6, 6, 6]], ['李明', 'ئەركىن', '赵雪']);
    await expect(page.getByTestId('judge-progress').allInnerTexts()).resolves.toEqual(['王老师 · 已评 3 / 3', 'ئايگۈل · 已评 3 / 3']);

    await page.getByTestId('contest-tab-ranking').click();
    await page.getByTestId('ranking-row').first().waitFor();
    const rows = await page.getByTestId('ranking-row').evaluateAll((els) => els.map((e) => [e.getAttribute('data-code'), e.getAttribute('data-award')]));
    // Weighted totals out of 100 — E-002: (90 + 87) / 2 = 88.5, E-001: (80 + 90) / 2 = 85, E-004: 65; the over-age entry is not ranked.
    expect(rows).toEqual([['E-002', 'first'], ['E-001', 'second'], ['E-004', 'second']]);
    await expect(page.getByTestId('unranked').innerText()).resolves.toContain('E-003');
    await expect(page.getByTestId('tie-breaks').innerText()).resolves.toContain('第一项评分');

    // A manual award needs a reason; it is shown and kept.
    await page.locator('[data-code="E-004"] [data-testid="award-change"]').click();
    await page.getByTestId('override-save').click();
    await page.getByTestId('override-dialog').waitFor();
    await page.getByTestId('override-reason').fill('评委会复议：题材新颖');
    await page.getByTestId('override-save').click();
    await page.getByTestId('override-dialog').waitFor({ state: 'detached' });
    await page.locator('[data-code="E-004"] [data-testid="award-overridden"]').waitFor();
    await screenshot(page, 'contests-ranking-zh');

    const csv = await download(page, 'results-csv');
    const lines = csv.bytes.toString('utf8').split('\r\n');
    expect(lines[1]).toMatch(/^1,E-002,ئەركىن,/);

    await page.getByTestId('contest-tab-certificates').click();
    await page.getByTestId('certificate-pages').waitFor();
    await expect(page.locator('.ld-cert').count()).resolves.toBe(3);
    await screenshot(page, 'contests-certificates-zh');
    await page.emulateMedia({ media: 'print' });
    pdfToPng(await page.pdf({ preferCSSPageSize: true, printBackground: true }), 'contest-certificates-zh');
    await page.emulateMedia({ media: 'screen' });

    await page.getByTestId('lang-ug').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByTestId('certificates').getByRole('combobox').first().click();
    await page.getByTestId('cert-lang-ug').click();
    await page.locator('.ld-cert-block[lang="ug"]').first().waitFor();
    await screenshot(page, 'contests-certificates-ug');
    await page.emulateMedia({ media: 'print' });
    const ugPdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(ugPdf.subarray(0, 5).toString()).toBe('%PDF-');
    pdfToPng(ugPdf, 'contest-certificates-ug');
    await page.emulateMedia({ media: 'screen' });

    await page.getByTestId('certificates').getByRole('combobox').first().click();
    await page.getByTestId('cert-lang-both').click();
    await page.locator('.ld-cert-both').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    pdfToPng(await page.pdf({ preferCSSPageSize: true, printBackground: true }), 'contest-certificates-both');
    await page.emulateMedia({ media: 'screen' });

    await page.getByTestId('contest-tab-ranking').click();
    await page.getByTestId('ranking-row').first().waitFor();
    await screenshot(page, 'contests-ranking-ug');
    await page.emulateMedia({ media: 'print' });
    pdfToPng(await page.pdf({ preferCSSPageSize: true, printBackground: true }), 'contest-results-ug');
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('contest-tab-entries').click();
    await page.getByTestId('entry-row').first().waitFor();
    await screenshot(page, 'contests-entries-ug');
    await page.getByTestId('contest-tab-judging').click();
    await page.getByTestId('judging').getByRole('combobox').first().click();
    await page.locator('[data-testid^="judge-option-"]').nth(1).click();
    // A judge can go back to a finished entry: it opens with their points.
    await page.evaluate(() => (window.location.hash += '&at=E-002'));
    await page.locator('[data-testid="scoring-card"][data-code="E-002"]').waitFor();
    await expect(page.getByTestId('score-1').inputValue()).resolves.toBe('8');
    await screenshot(page, 'contests-judging-ug');
    await page.getByTestId('contest-edit').click();
    await page.getByTestId('contest-form').waitFor();
    await screenshot(page, 'contests-form-ug');
    await page.keyboard.press('Escape');
    await page.getByTestId('contest-form').waitFor({ state: 'detached' });
    await page.getByTestId('contests-back').click();
    await page.getByTestId('contests').waitFor();
    await screenshot(page, 'contests-list-ug');
  });

  it('a photo contest: photos imported off the main thread, the same file refused, a resized copy flagged, EXIF orientation applied, gallery by keyboard, a score sheet out and back', async () => {
    const { page } = await pc();
    await start(page);
    await createContest(page, 'photo', { zh: '家乡新貌微摄影', ug: 'يۇرتنىڭ يېڭى قىياپىتى فوتو سۈرەت مۇسابىقىسى' }, ['评委甲', 'باھالىغۇچى']);
    const a = await makeJpeg(page, 1200, 800, 1);
    const b = await makeJpeg(page, 1200, 800, 2);
    const rotated = withExifOrientation6(await makeJpeg(page, 600, 400, 3));
    await addEntry(page, { name: '古丽', age: 25, title: '塔河晨曦', photos: [{ name: 'a.jpg', bytes: a }, { name: 'rotated.jpg', bytes: rotated }, { name: 'a-again.jpg', bytes: a }] });
    // The near copy: the first photo, smaller and recompressed, sent by someone else.
    const smaller = await page.evaluate(async (bytes) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }));
      const canvas = new OffscreenCanvas(600, 400);
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0, 600, 400);
      return Array.from(new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.6 })).arrayBuffer()));
    }, Array.from(a));
    await addEntry(page, { name: 'ئالىم', age: 30, title: 'يۇرتۇم', photos: [{ name: 'copy.jpg', bytes: Buffer.from(smaller) }, { name: 'b.jpg', bytes: b }] });
    await page.locator('[data-testid="entry-row"][data-code="P-002"]').waitFor();
    await expect(page.getByTestId('entry-row').count()).resolves.toBe(2);
    await page.locator('[data-code="P-002"] [data-testid="problem-near-duplicate-photo"]').waitFor();
    await page.locator('[data-code="P-001"] [data-testid="photo-thumb"]').nth(1).waitFor();
    await expect(page.locator('[data-code="P-001"] [data-testid="photo-thumb"]').count()).resolves.toBe(2);
    await screenshot(page, 'contests-photo-entries-zh');

    await page.getByTestId('contest-tab-gallery').click();
    await page.getByTestId('gallery-item').nth(3).waitFor();
    await expect(page.getByTestId('gallery-item').count()).resolves.toBe(4);
    await page.getByTestId('gallery-item').first().focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('gallery-full').waitFor();
    await expect(page.getByTestId('gallery-position').innerText()).resolves.toBe('1 / 4');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('gallery-position').innerText()).resolves.toBe('2 / 4');
    // The photo taken sideways shows upright: 600×400 with orientation 6 is 400 wide and 600 high.
    await page.waitForFunction(() => (document.querySelector('[data-testid="photo-full"]') as HTMLImageElement | null)?.naturalWidth === 400);
    await expect(page.getByTestId('photo-full').evaluate((img: HTMLImageElement) => img.naturalHeight)).resolves.toBe(600);
    await screenshot(page, 'contests-gallery-full-zh');
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-ug').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await screenshot(page, 'contests-gallery-ug');
    await page.getByTestId('gallery-item').first().click();
    await page.getByTestId('gallery-full').waitFor();
    // Right to left: the next photo is to the left.
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('gallery-position').innerText()).resolves.toContain('2');
    await page.keyboard.press('Escape');
    await page.getByTestId('contest-tab-entries').click();
    await page.getByTestId('entry-row').first().waitFor();
    await screenshot(page, 'contests-photo-entries-ug');

    // A judge on another PC: the score sheet goes out by code and comes back with one bad cell.
    await page.getByTestId('contest-tab-judging').click();
    await page.getByTestId('judging').getByRole('combobox').first().click();
    await page.locator('[data-testid^="judge-option-"]').nth(0).click();
    const sheet = await download(page, 'sheet-export');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(sheet.bytes as unknown as ArrayBuffer);
    const ws = book.worksheets.find((w) => w.state === 'visible')!;
    expect(JSON.stringify(ws.getSheetValues())).not.toContain('古丽');
    ws.getRow(4).values = ['P-001', 9, 8, 8, 9];
    ws.getRow(5).values = ['P-002', 7, 12, 7, 7];
    await chooseFiles(page, 'sheet-import', [{ name: 'scores.xlsx', bytes: Buffer.from(await book.xlsx.writeBuffer()) }]);
    await page.getByTestId('sheet-preview').waitFor();
    await expect(page.getByTestId('sheet-problems').innerText()).resolves.toContain('C5');
    await screenshot(page, 'contests-sheet-import-ug');
    await page.getByTestId('sheet-store').click();
    await page.getByTestId('sheet-preview').waitFor({ state: 'detached' });
    // P-001 is finished from the sheet; P-002 waits for its missing criterion, typed here.
    await page.locator('[data-testid="scoring-card"][data-code="P-002"]').waitFor();
    await expect(page.getByTestId('score-0').inputValue()).resolves.toBe('7');
    await page.getByTestId('score-1').fill('6');
    await page.getByTestId('score-1').press('Enter');
    await page.getByTestId('score-3').press('Enter');
    await page.getByTestId('judging-done').waitFor();

    // Winners' photos in one zip, named by rank, award, code, entrant.
    await page.getByTestId('contest-tab-ranking').click();
    await page.getByTestId('ranking-row').first().waitFor();
    const zip = await download(page, 'results-photos');
    const names = Object.keys(unzipSync(new Uint8Array(zip.bytes))).sort();
    expect(names).toEqual([
      '001-بىرىنچى دەرىجىلىك مۇكاپات-P-001-古丽-1.jpg',
      '001-بىرىنچى دەرىجىلىك مۇكاپات-P-001-古丽-2.jpg',
      '002-ئىككىنچى دەرىجىلىك مۇكاپات-P-002-ئالىم-1.jpg',
      '002-ئىككىنچى دەرىجىلىك مۇكاپات-P-002-ئالىم-2.jpg',
    ]);
  });
});
