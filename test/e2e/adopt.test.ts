/**
 * A county office PC that ran a build before trust (schema 8: no keys, no seals) and holds figures
 * from several PCs opens this build in Chromium, becomes the county's PC from its enrolment page,
 * and is told how many earlier changes the county adopted (both languages); a township PC that
 * joins and imports the county's file takes them as authorized and shows the county's figures.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { Change } from '../../shared/sync/change';
import { formatStamp } from '../../shared/sync/hlc';
import { applyChangeToRow, type MergedRow } from '../../shared/sync/row';
import { vectorOf } from '../../shared/sync/vector';
import { LOG_COUNT_KEY, LOG_STORE, toPages } from '../../renderer/src/store/logPages';
import { chooseFiles, download, screenshot, usePcs } from './browser';
import { importThroughPreview, exportFull, takeCountyAnswer } from './flows';
import { writeOldDatabase } from './oldDatabase';

const pc = usePcs(inject('baseUrl'), { downloads: true });
const PASSPHRASE = '轮台县团委 授权口令 2026';
const DAY = 86_400_000;
const OLD_COUNTY = '00000000000000b0';

function old(device: string, at: number, table: string, row: string, fields: Record<string, unknown>, scope = 'LT'): Change {
  const hlc = formatStamp(at, 0, device);
  return { id: hlc, hlc, device, author: `local-${device}`, table, row, fields, base: Object.fromEntries(Object.keys(fields).map((f) => [f, ''])), scope, schema: 1 };
}

/** The county office's history: its tree and round, and two townships' reports relayed by USB drive. */
function history(): Change[] {
  const t = Date.now() - 120 * DAY;
  const township = (code: string, zh: string) => ({ code, name: { zh }, kind: 'township', parentId: 'org-LT', archived: false });
  const round = 'round-2026';
  return [
    old(OLD_COUNTY, t, 'org', 'org-LT', { code: 'LT', name: { zh: '共青团轮台县委员会' }, kind: 'county', parentId: null, archived: false }),
    old(OLD_COUNTY, t + 1, 'org', 'org-LT-03', township('LT-03', '群巴克镇团委')),
    old(OLD_COUNTY, t + 2, 'org', 'org-LT-05', township('LT-05', '阳霞镇团委')),
    old(OLD_COUNTY, t + 3, 'round', round, { period: '2026', deadline: '2027-01-20', status: 'open', orgIds: ['org-LT-03', 'org-LT-05'], figures: ['members', 'youth1428'] }),
    old('00000000000000b3', t + DAY, 'statReport', `${round}:org-LT-03`, { roundId: round, orgId: 'org-LT-03', period: '2026', status: 'submitted', members: 31, youth1428: 90 }, 'LT-03'),
    old('00000000000000b5', t + DAY, 'statReport', `${round}:org-LT-05`, { roundId: round, orgId: 'org-LT-05', period: '2026', status: 'draft', members: 12, youth1428: 50 }, 'LT-05'),
  ];
}

/** The database as the schema-8 build left it, then the app opened on it. */
async function asSchema8(page: Page, changes: Change[]): Promise<void> {
  const rows = new Map<string, { table: string; row: MergedRow }>();
  for (const change of changes) {
    const key = `${change.table}/${change.row}`;
    rows.set(key, { table: change.table, row: applyChangeToRow(rows.get(key)?.row, change).row });
  }
  // The log as schemas 6–8 keep it: pages of changes in clock order, with their indexes.
  const records: Record<string, unknown[]> = {
    [LOG_STORE]: toPages(changes).map((p, i) => ({ ...p, seq: i + 1 })),
    vector: Object.entries(vectorOf(changes)).map(([device, hlc]) => ({ device, hlc })),
    meta: [
      { key: 'setup', value: 'imported' },
      { key: 'identity', value: { device: OLD_COUNTY, author: `local-${OLD_COUNTY}` } },
      { key: LOG_COUNT_KEY, value: changes.length },
    ],
  };
  for (const { table, row } of rows.values()) (records[table] ??= []).push(row);
  await writeOldDatabase(page, 8, records);
}

async function switchTo(page: Page, lang: 'ug' | 'zh-CN'): Promise<void> {
  await page.getByTestId(`lang-${lang}`).dispatchEvent('click');
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

describe('an upgraded county office PC adopts its earlier figures', () => {
  it('becomes the county’s PC from its enrolment page, says how many changes it adopted, and a township PC takes them as authorized', async () => {
    const changes = history();
    const county = (await pc()).page;
    await asSchema8(county, changes);
    await county.getByTestId('nav-enroll').click();
    await county.getByTestId('enroll-setup-county').click();
    await county.getByTestId('county-setup').waitFor();
    await county.getByTestId('county-code').fill('LT');
    await county.getByTestId('county-name-zh').fill('共青团轮台县委员会');
    await county.getByTestId('county-name-ug').fill('كوممۇنىستىك ياشلار ئىتتىپاقى بۈگۈر ناھىيەلىك كومىتېتى');
    await county.getByTestId('passphrase').fill(PASSPHRASE);
    await county.getByTestId('passphrase-again').fill(PASSPHRASE);
    await county.getByTestId('setup-create').click();
    await county
      .locator('[data-testid="recovery-code"], [data-testid="app-message"]')
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(async (error: unknown) => {
        await screenshot(county, 'adopt-setup-stuck');
        throw error;
      });
    if (await county.getByTestId('app-message').count()) throw new Error(`set-up said: ${await county.getByTestId('app-message').textContent()}`);
    await expect(county.getByTestId('setup-adopted').textContent()).resolves.toContain(`已有的 ${changes.length} 条`);
    await screenshot(county, 'adopt-setup-zh', { fullPage: false });
    await switchTo(county, 'ug');
    await expect(county.getByTestId('setup-adopted').textContent()).resolves.toContain(`\u2066${changes.length}\u2069`);
    await screenshot(county, 'adopt-setup-ug', { fullPage: false });
    await switchTo(county, 'zh-CN');
    await county.getByTestId('recovery-written').check();
    await county.getByTestId('setup-finish').click();
    await county.getByTestId('pcs').waitFor();

    // A township PC joins (request carried to the county, answer carried back) and imports the county's file.
    const township = (await pc()).page;
    await township.getByTestId('pc-name-input').fill('群巴克镇团委 1号机');
    await township.getByTestId('join-county').click();
    await township.getByTestId('join-dialog').waitFor();
    const request = await download(township, 'write-request');
    await chooseFiles(county, 'open-request', [request]);
    await county.getByTestId('issue-dialog').waitFor();
    await county.getByTestId('fingerprint-matches').check();
    await county.getByTestId('issue-scope').fill('LT-03');
    await county.getByRole('option', { name: /LT-03/ }).click();
    await county.getByTestId('issue-passphrase').fill(PASSPHRASE);
    const answer = await download(county, 'issue-go');
    await township.getByTestId('join-continue').click();
    await county.getByTestId('issue-dialog').waitFor({ state: 'detached' });
    await takeCountyAnswer(township, county, answer);

    const file = await exportFull(county);
    await township.getByTestId('nav-sync').click();
    // A PC holding no change yet receives the county's data (the sync page's first button then).
    await chooseFiles(township, 'restore-bundle', [file]);
    await township.getByTestId('import-preview').waitFor();
    // Every writing PC's changes authorized, none refused: the old county PC's and both townships'.
    const rows = township.getByTestId('preview-trust').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    expect(await township.getByTestId('preview-trust').locator('[data-reason]').count()).toBe(0);
    await screenshot(township, 'adopt-township-preview-zh');
    await township.getByTestId('preview-cancel').click();
    expect(await importThroughPreview(township, [file], 'restore-bundle')).toBe('success');
  });
});
