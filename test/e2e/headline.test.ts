import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { generateDemoCounty } from '../../shared/demo/luntai';
import { encodeBundle } from '../../shared/sync/bundle/index';
import type { Change } from '../../shared/sync/change';
import { INITIAL_CLOCK } from '../../shared/sync/hlc';
import { vectorOf } from '../../shared/sync/vector';
import { makeChange } from '../../shared/sync/write';
import { ltr, screenshot, usePcs, type SavedFile } from './browser';
import { importThroughPreview, loadDemo } from './flows';
import { APP_REGISTRY, APP_TABLES } from '../../shared/app/registry';
import { DEMO_ACCOUNT, DEMO_CLOCK_START, DEMO_DEVICE } from '../../shared/demo/writer';

const pc = usePcs(inject('baseUrl'), { downloads: true });

async function typeCell(page: Page, row: number, col: number, text: string): Promise<void> {
  const cell = page.locator(`#cell-${row}-${col}`);
  await cell.fill(text);
  await cell.press('Enter');
}

/** Picks the headline period whose round is of this period. */
async function choosePeriod(page: Page, period: string): Promise<void> {
  await page.getByTestId('headline-round').locator('..').click();
  await page.locator(`li[role="option"][data-period="${period}"]`).click();
}

async function toLang(page: Page, lang: 'ug' | 'zh-CN'): Promise<void> {
  await page.getByTestId(`lang-${lang}`).click();
  await page.waitForFunction((dir) => document.documentElement.dir === dir, lang === 'ug' ? 'rtl' : 'ltr');
}

/** Explains every warning of the first row (a comment on its cell), so the report can be submitted. */
async function explainWarnings(page: Page): Promise<void> {
  const row = page.locator('tbody tr').first();
  const figures = await row.locator('input[data-severity="warning"]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-figure')!));
  for (const figure of figures) {
    await row.locator(`input[data-figure="${figure}"]`).focus();
    await page.getByTestId('cell-note').fill('新一年的支部整顿后重新统计');
    await page.getByTestId('cell-note').blur();
    await page.waitForFunction(() => document.querySelector('[data-testid="cell-history"]')?.textContent?.includes('填写了说明'));
  }
}

describe('the county opens a 2026 round and approves one branch (issue 12)', () => {
  it('the Overview and the Dashboard keep 2025 (5,849, 48.6%) until 2026 is chosen, and say how complete each is', async () => {
    const { page } = await pc();
    await loadDemo(page);

    await page.getByTestId('nav-rounds').click();
    await page.getByTestId('open-round').click();
    await page.getByTestId('round-kind').locator('..').click();
    await page.getByRole('option', { name: '年度' }).click();
    await page.getByTestId('round-deadline').fill('2027-01-20');
    await page.getByTestId('round-open-confirm').click();
    await page.locator('[data-testid="round-row"][data-period="2026"]').waitFor();

    await page.getByTestId('nav-entry').click();
    await page.getByTestId('entry-grid').waitFor();
    // members, new members, youth 14–35, youth 14–28, cadres, recommended to the Party
    for (const [col, value] of [[0, '25'], [1, '3'], [2, '60'], [3, '40'], [4, '2'], [5, '1']] as const) await typeCell(page, 0, col, value);
    await explainWarnings(page);
    await page.getByTestId('submit-all').click();
    await page.waitForFunction(() => document.querySelector('tbody tr')?.getAttribute('data-status') === 'submitted');
    await page.locator('tbody tr').first().getByTestId('approve').click();
    await page.waitForFunction(() => document.querySelector('tbody tr')?.getAttribute('data-status') === 'approved');

    await page.getByTestId('nav-overview').click();
    await page.getByTestId('coverage').waitFor();
    await expect(page.getByTestId('total-members').textContent()).resolves.toBe('5,849');
    await expect(page.getByTestId('total-ratio').textContent()).resolves.toBe('48.6%');
    await expect(page.getByTestId('coverage').getAttribute('data-partial')).resolves.toBe('false');
    await expect(page.getByTestId('coverage').textContent()).resolves.toContain('2025年度（截止 2026年1月20日）：应报 245 个单位，已审核 245 个（100.0%）');
    await expect(page.getByTestId('headline-why').textContent()).resolves.toBe('默认显示最近一个已审核报表达到应报单位九成的报表期。');
    await screenshot(page, 'overview-default-zh');
    await toLang(page, 'ug');
    await expect(page.getByTestId('total-members').textContent()).resolves.toBe(ltr('5,849'));
    await screenshot(page, 'overview-default-ug');

    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('trend-chart').waitFor();
    await expect(page.getByTestId('coverage').getAttribute('data-partial')).resolves.toBe('false');
    // The trend draws 2026 apart: a dashed line to a hollow point, named in the legend.
    await expect(page.getByTestId('trend-chart').getAttribute('data-partial-periods')).resolves.toBe('2026');
    await page.getByTestId('trend-partial-point').waitFor();
    await screenshot(page, 'dashboard-default-ug');
    await toLang(page, 'zh-CN');
    await screenshot(page, 'dashboard-default-zh');

    await choosePeriod(page, '2026');
    await page.waitForFunction(() => document.querySelector('[data-testid="coverage"]')?.getAttribute('data-partial') === 'true');
    await expect(page.getByTestId('coverage').textContent()).resolves.toContain('应报 245 个单位，已审核 1 个');
    await screenshot(page, 'dashboard-2026-zh');

    await page.getByTestId('nav-overview').click();
    await choosePeriod(page, '2026');
    await page.waitForFunction(() => document.querySelector('[data-testid="total-members"]')?.textContent === '25');
    await expect(page.getByTestId('total-ratio').textContent()).resolves.toBe('62.5%');
    await expect(page.getByTestId('coverage').textContent()).resolves.toContain('数据不完整');
    await screenshot(page, 'overview-2026-zh');
    await toLang(page, 'ug');
    await expect(page.getByTestId('coverage').textContent()).resolves.toContain('تولۇق ئەمەس');
    await screenshot(page, 'overview-2026-ug');
    await page.getByTestId('headline-default').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="total-members"]')?.textContent === '\u20665,849\u2069');
  });
});

/** The demo county as a PC of a build before issue 12 exported it: reports under `demo-report-2025-<code>`. */
async function oldDemoExport(): Promise<SavedFile> {
  const demo = generateDemoCounty();
  const codeOf = new Map(demo.orgs.map((o) => [o.id, o.code]));
  const specs = APP_REGISTRY.demoWrites({ ...demo, reports: demo.reports.map((r) => ({ ...r, id: `demo-report-2025-${codeOf.get(r.orgId)}` })) });
  const changes: Change[] = [];
  let clock = INITIAL_CLOCK;
  for (const spec of specs) {
    const made = makeChange(spec, undefined, { device: DEMO_DEVICE, author: DEMO_ACCOUNT }, clock, DEMO_CLOCK_START);
    changes.push(made.change);
    clock = made.clock;
  }
  const county = demo.orgs.find((o) => o.kind === 'county')!;
  const bytes = await encodeBundle({
    county: { code: county.code, name: county.name },
    sender: { device: DEMO_DEVICE, account: DEMO_ACCOUNT, scope: county.code },
    kind: 'full',
    changes,
    vector: vectorOf(changes),
    created: new Date(DEMO_CLOCK_START).toISOString(),
  }, { tables: APP_TABLES });
  return { name: 'old-demo.leaguesync', bytes: Buffer.from(bytes) };
}

/** The statReport rows of one organisation, read straight from IndexedDB. */
function reportRowsOf(page: Page, code: string): Promise<{ id: string; status: string; members: number }[]> {
  return page.evaluate(
    (orgCode) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('league-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['org', 'statReport'], 'readonly');
          const orgs = tx.objectStore('org').getAll();
          const reports = tx.objectStore('statReport').getAll();
          tx.oncomplete = () => {
            const org = (orgs.result as { id: string; code: string }[]).find((o) => o.code === orgCode)!;
            resolve((reports.result as { id: string; orgId: string; status: string; members: number }[]).filter((r) => r.orgId === org.id).map(({ id, status, members }) => ({ id, status, members })));
            open.result.close();
          };
        };
      }),
    code,
  );
}

describe("a demo report from an older PC's file, returned, edited, approved (issue 12)", () => {
  it('stays one report under the app id, and its cell history starts at the demo load', async () => {
    const { page } = await pc();
    await page.getByTestId('receive-first').click();
    expect(await importThroughPreview(page, [await oldDemoExport()], 'restore-bundle')).toBe('success');

    // The county opens the closed demo round again, and takes one approved report back.
    await page.getByTestId('nav-rounds').click();
    await page.locator('[data-testid="round-row"][data-period="2025"] [data-testid="round-toggle"]').click();
    await page.locator('[data-testid="round-row"][data-period="2025"] [data-testid="round-enter"]').click();
    await page.getByTestId('entry-grid').waitFor();
    const first = page.locator('tbody tr').first();
    const code = (await first.getAttribute('data-code'))!;
    expect((await reportRowsOf(page, code)).map((r) => r.id)).toEqual([`demo-round-2025:demo-${code}`]);
    await first.getByTestId('reopen').click();
    await page.getByTestId('return-comment').fill('团员数与名册不符，请核对');
    await page.getByTestId('return-confirm').click();
    await page.waitForFunction(() => document.querySelector('tbody tr')?.getAttribute('data-status') === 'returned');

    const before = Number(await page.locator('#cell-0-0').inputValue());
    await typeCell(page, 0, 0, String(before + 2));
    await page.locator('#cell-0-0').focus();
    // The history: the demo load (— → n), then this edit (n → n + 2), newest first; the schema
    // upgrade's carry-over to the app's id changed no figure and is not listed (n → n).
    await page.waitForFunction((to) => document.querySelector('[data-testid="cell-history"] li')?.textContent?.includes(`→ ${to}`), String(before + 2));
    const history = await page.getByTestId('cell-history').locator('li').allTextContents();
    expect(history).toHaveLength(2);
    expect(history[0]).toContain(`${before} → ${before + 2}`);
    expect(history[1]).toContain(`— → ${before}`);
    await screenshot(page, 'entry-demo-history-zh');
    await toLang(page, 'ug');
    await page.locator('#cell-0-0').focus();
    await screenshot(page, 'entry-demo-history-ug');
    await toLang(page, 'zh-CN');

    await page.getByTestId('submit-all').click();
    await page.waitForFunction(() => document.querySelector('tbody tr')?.getAttribute('data-status') === 'submitted');
    await first.getByTestId('approve').click();
    await page.waitForFunction(() => document.querySelector('tbody tr')?.getAttribute('data-status') === 'approved');
    expect(await reportRowsOf(page, code)).toEqual([{ id: `demo-round-2025:demo-${code}`, status: 'approved', members: before + 2 }]);
  });
});
