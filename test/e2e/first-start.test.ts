import { describe, expect, inject, it } from 'vitest';
import { decodeBundle } from '../../shared/sync/bundle';
import path from 'node:path';
import { download, ltr, SCREENS, screenshot, usePcs } from './browser';
import { APP_TABLES } from '../../shared/app/registry';

const open = usePcs(inject('baseUrl'), { downloads: true, storage: 'refused' });

describe('first start tells the truth', () => {
  it('the welcome card states what the Overview then lists: 17 under the county, 13 of them grassroots committees', async () => {
    const { page } = await open({ storage: 'persisted' });
    await page.getByTestId('first-start').waitFor();
    await expect(page.getByTestId('demo-description').textContent()).resolves.toBe(
      '轮台县：团县委直属 17 个团组织（13 个基层团委、2 个团工委、2 个团总支），共 157 个团支部、5,849 名团员，以及已审核的 2025 年度统计。',
    );
    await screenshot(page, 'first-start-1366-zh');

    await page.getByTestId('lang-ug').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    const ug = await page.getByTestId('demo-description').textContent();
    expect(ug).toContain(`بىۋاسىتە قاراشلىق ${ltr('17')} ئىتتىپاق تەشكىلاتى (${ltr('13')} ئاساسىي قاتلام ئىتتىپاق كومىتېتى،`);
    expect(ug).toContain(`${ltr('5,849')} ئىتتىپاق ئەزاسى`);
    await screenshot(page, 'first-start-1366-ug');

    await page.getByTestId('load-demo').click();
    await page.getByTestId('overview').waitFor();
    // The Overview's list has one row for each organisation the card counted.
    await expect.poll(() => page.getByTestId('committee-table').locator('tbody tr').count()).toBe(17);
    // Storage kept: nothing to warn about.
    expect(await page.getByTestId('storage-banner').count()).toBe(0);
  });
});

describe('browser storage the browser may clear', () => {
  it('says so on every page once there is data, saves a full copy in one click, remembers it, and comes back next start', async () => {
    const { page, context } = await open();
    await page.getByTestId('first-start').waitFor();
    // Nothing to lose yet: the first screen is left to its choice.
    expect(await page.getByTestId('storage-banner').count()).toBe(0);

    await page.getByTestId('load-demo').click();
    await page.getByTestId('overview').waitFor();
    const banner = page.getByTestId('storage-banner');
    await banner.waitFor();
    await expect(banner.getAttribute('data-due')).resolves.toBe('true');
    await expect(banner.textContent()).resolves.toContain('磁盘空间不足时，浏览器可能会清除这台电脑上的全部数据');
    await expect(page.getByTestId('storage-last-copy').textContent()).resolves.toBe('还没有备份到 U 盘，请现在备份一份。');
    await screenshot(page, 'storage-banner-zh');
    await banner.screenshot({ path: path.join(SCREENS, 'storage-banner-zh-detail.png') });

    // Where the person works: the entry grid has it too.
    await page.getByTestId('nav-entry').click();
    await banner.waitFor();

    const file = await download(page, 'storage-backup');
    expect(file.name).toMatch(/^LT-[0-9a-f]{6}-full-\d{8}-\d{4}\.leaguesync$/);
    const bundle = await decodeBundle(new Uint8Array(file.bytes), { tables: APP_TABLES });
    expect(bundle.ok).toBe(true);
    if (bundle.ok) {
      expect(bundle.manifest.kind).toBe('full');
      expect(bundle.manifest.county.code).toBe('LT');
      expect(bundle.changes.length).toBeGreaterThan(245);
    }
    await expect.poll(() => banner.getAttribute('data-due')).toBe('false');
    await expect(page.getByTestId('storage-last-copy').textContent()).resolves.toMatch(/^上次备份到 U 盘：\d{4}年\d{1,2}月\d{1,2}日。$/);

    await page.getByTestId('nav-overview').click();
    await page.getByTestId('lang-ug').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await expect(banner.textContent()).resolves.toContain('توركۆرگۈ بۇ كومپيۇتېردىكى بارلىق سانلىق مەلۇماتنى ئۆچۈرۈۋېتىشى مۇمكىن');
    await expect(page.getByTestId('storage-last-copy').textContent()).resolves.toMatch(/^ئاخىرقى قېتىم U دىسكىغا زاپاسلانغان ۋاقىت: \d{4}-يىلى \d{1,2}-ئاينىڭ \d{1,2}-كۈنى\.$/);
    // The save's report was about the entry page: it went when the person went to the Overview.
    await page.getByTestId('app-message').waitFor({ state: 'detached' });
    await screenshot(page, 'storage-banner-ug');
    await banner.screenshot({ path: path.join(SCREENS, 'storage-banner-ug-detail.png') });

    // Closed: gone for this session, page after page and across a reload.
    await page.getByTestId('storage-dismiss').click();
    expect(await banner.count()).toBe(0);
    await page.getByTestId('nav-jobs').click();
    await page.reload();
    await page.getByTestId('nav').waitFor();
    expect(await page.getByTestId('storage-banner').count()).toBe(0);

    // The next start (a new window on the same profile): back, quiet, still knowing the copy.
    const next = await context.newPage();
    await next.goto(page.url());
    await next.getByTestId('storage-banner').waitFor();
    await expect(next.getByTestId('storage-banner').getAttribute('data-due')).resolves.toBe('false');
    await next.close();
  });
});
