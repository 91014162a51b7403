import { describe, expect, inject, it } from 'vitest';
import { ltr, screenshot, usePcs } from './browser';

const open = usePcs(inject('baseUrl'));


describe('first start', () => {
  it('offers the demo county or an empty start, in both languages, and switches to right-to-left without a reload', async () => {
    const { page } = await open();
    await page.getByTestId('first-start').waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['zh-CN', 'ltr']);
    await expect(page.getByTestId('load-demo').textContent()).resolves.toBe('载入示范县');
    // The switch names each language in itself.
    await expect(page.getByTestId('lang-zh-CN').textContent()).resolves.toBe('中文');
    await expect(page.getByTestId('lang-ug').textContent()).resolves.toBe('ئۇيغۇرچە');
    await screenshot(page, 'first-start-zh');

    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.getByTestId('lang-ug').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ug');
    // Same page object: no reload happened.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await expect(page.getByTestId('load-demo').textContent()).resolves.toBe('ئۈلگە ناھىيەنى يۈكلەش');
    // The forward arrow on the button points left in Uyghur.
    const mirrored = await page.getByTestId('load-demo').locator('[data-mirrored]').getAttribute('data-mirrored');
    expect(mirrored).toBe('true');
    const transform = await page
      .getByTestId('load-demo')
      .locator('[data-mirrored]')
      .evaluate((el) => getComputedStyle(el).transform);
    expect(transform).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    // The bundled Uyghur font is loaded and used (nothing fetched from outside).
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Naskh Arabic"', 'ئۇيغۇرچە'))).toBe(true);
    await screenshot(page, 'first-start-ug');
  });

  it('loads the demo county and shows the county\'s real totals', async () => {
    const { page } = await open();
    await page.getByTestId('load-demo').click();
    await page.getByTestId('overview').waitFor();
    await expect(page.getByTestId('total-members').textContent()).resolves.toBe('5,849');
    await expect(page.getByTestId('total-youth1435').textContent()).resolves.toBe('26,328');
    await expect(page.getByTestId('total-youth1428').textContent()).resolves.toBe('12,028');
    await expect(page.getByTestId('total-ratio').textContent()).resolves.toBe('48.6%');
    await expect(page.getByTestId('county-name').textContent()).resolves.toBe('共青团轮台县委员会');
    const kinds = await page.getByTestId('org-counts').locator('[data-kind]').evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-kind'), el.textContent]),
    );
    expect(kinds).toEqual([
      ['county', '团县委 1'],
      ['township', '乡镇团委 11'],
      ['school', '学校团委 2'],
      ['working', '团工委 2'],
      ['generalBranch', '团总支 2'],
      ['branch', '团支部 157'],
      ['twoNew', '两新组织团组织 80'],
      ['community', '社区团组织 8'],
    ]);
    // One row per committee directly under the county (11 township, 2 school, 2 working committees
    // and the general branches that hang there).
    const rows = await page.getByTestId('committee-table').locator('tbody tr').count();
    expect(rows).toBeGreaterThanOrEqual(15);
    // Untranslated names carry the mark in Chinese only when shown in the other language.
    expect(await page.getByTestId('not-translated').count()).toBe(0);
    await screenshot(page, 'overview-zh');

    await page.getByTestId('lang-ug').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await expect(page.getByTestId('county-name').textContent()).resolves.toBe('كوممۇنىستىك ياشلار ئىتتىپاقى بۈگۈر ناھىيەلىك كومىتېتى');
    // In Uyghur, numbers are isolated left-to-right runs so "48.6%" cannot be reordered by the
    // surrounding right-to-left text.
    await expect(page.getByTestId('total-members').textContent()).resolves.toBe(ltr('5,849'));
    await expect(page.getByTestId('total-ratio').textContent()).resolves.toBe(ltr('48.6%'));
    // Uyghur dates are ours: Chromium's Intl has no Uyghur and would print English.
    await expect(page.getByTestId('coverage').textContent()).resolves.toContain('2026-يىلى 1-ئاينىڭ 20-كۈنى');
    // Townships have no Uyghur names yet: shown in Chinese with the "not translated" mark.
    expect(await page.getByTestId('committee-table').getByTestId('not-translated').count()).toBeGreaterThan(10);
    // Navigation moves to the right-hand side.
    const nav = await page.getByTestId('nav').locator('.MuiDrawer-paper').boundingBox();
    const width = page.viewportSize()!.width;
    expect(nav).not.toBeNull();
    expect(nav!.x + nav!.width).toBeGreaterThan(width - 2);
    expect(nav!.x).toBeGreaterThan(width / 2);
    await screenshot(page, 'overview-ug');
  });

  it('remembers the language and the data across a restart', async () => {
    const { page } = await open();
    await page.getByTestId('load-demo').click();
    await page.getByTestId('overview').waitFor();
    await page.getByTestId('lang-ug').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.reload();
    await page.getByTestId('overview').waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ug', 'rtl']);
    await expect(page.getByTestId('total-youth1428').textContent()).resolves.toBe(ltr('12,028'));
  });

  it('starts empty with a sensible empty state, from which the demo can still be loaded', async () => {
    const { page } = await open();
    await page.getByTestId('start-empty').click();
    await page.getByTestId('overview-empty').waitFor();
    await screenshot(page, 'overview-empty-zh');
    await page.getByTestId('lang-ug').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await screenshot(page, 'overview-empty-ug');
    await page.getByTestId('overview-load-demo').click();
    await page.getByTestId('total-members').waitFor();
    await expect(page.getByTestId('total-members').textContent()).resolves.toBe(ltr('5,849'));
  });
});

describe('dashboard', () => {
  it('draws ratios against targets, completeness and the trend, mirrored in Uyghur, and prints the bulletin', async () => {
    const { page } = await open();
    await page.getByTestId('load-demo').click();
    await page.getByTestId('overview').waitFor();
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('ratio-chart').locator('.recharts-bar-rectangle').first().waitFor();
    // 17 committees under the county, one bar each.
    expect(await page.getByTestId('ratio-chart').locator('.recharts-bar-rectangle').count()).toBe(17);
    await expect(page.getByTestId('completeness-total').textContent()).resolves.toBe('上报率 100.0% · 按时上报率 98.8%');
    await screenshot(page, 'dashboard-zh');
    await page.getByTestId('lang-ug').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    // The value axis stands on the right in Uyghur.
    const axis = await page.getByTestId('ratio-chart').locator('.recharts-yAxis').boundingBox();
    const chart = await page.getByTestId('ratio-chart').boundingBox();
    expect(axis!.x).toBeGreaterThan(chart!.x + chart!.width / 2);
    for (const id of ['ratio-chart', 'completeness-chart']) {
      const chartBox = page.getByTestId(id);
      // The value labels stand outside the plot, right of the grid, not under the bars.
      const grid = (await chartBox.locator('.recharts-cartesian-grid').boundingBox())!;
      const valueLabels = await chartBox.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
      expect(valueLabels.length).toBeGreaterThan(2);
      for (const left of valueLabels) expect(left).toBeGreaterThanOrEqual(grid.x + grid.width - 1);
      // Every committee's label lies inside the chart (shortened with "…" where it is long), none cut off at the bottom.
      const svg = (await chartBox.locator('.recharts-wrapper > svg').first().boundingBox())!;
      const labels = await chartBox.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', box: e.getBoundingClientRect() })));
      expect(labels.length).toBeGreaterThan(10);
      for (const { box } of labels) expect(box.bottom).toBeLessThanOrEqual(svg.y + svg.height + 1);
    }
    // The tooltip names the committee in full and gives its ratio with one decimal, as the tables do, and no stray axis line.
    const bar = page.getByTestId('ratio-chart').locator('.recharts-bar-rectangle').nth(4);
    await bar.hover();
    const tip = page.getByTestId('ratio-chart').locator('.recharts-tooltip-wrapper');
    await tip.locator('.recharts-tooltip-item').first().waitFor();
    const tipText = (await tip.textContent()) ?? '';
    expect(tipText).toMatch(/%\d+\.\d|\d+\.\d%/);
    expect(tipText).not.toMatch(/\bname\b/);
    await screenshot(page, 'dashboard-ug');
    await page.getByTestId('open-bulletin').click();
    await page.getByTestId('bulletin').waitFor();
    await screenshot(page, 'bulletin-ug');
  });
});

describe('control ratios', () => {
  it('shows the 2023 guidance as defaults and keeps a changed ratio', async () => {
    const { page } = await open();
    await page.getByTestId('load-demo').click();
    await page.getByTestId('overview').waitFor();
    await page.getByTestId('nav-targets').click();
    const vocational = page.locator('[data-target="target:schoolLevel:vocational"]');
    await expect(vocational.locator('input').inputValue()).resolves.toBe('20');
    await vocational.locator('input').fill('25');
    await vocational.getByRole('button').click();
    await page.getByTestId('app-message').waitFor();
    await page.reload();
    await page.locator('[data-target="target:schoolLevel:vocational"] input').waitFor();
    await expect(page.locator('[data-target="target:schoolLevel:vocational"] input').inputValue()).resolves.toBe('25');
    await screenshot(page, 'targets-zh');
    await page.getByTestId('lang-ug').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await screenshot(page, 'targets-ug');
  });
});

describe('about', () => {
  it('tells the version, the mode, where data lives and this PC\'s device id, in both languages', async () => {
    const { page } = await open();
    await page.getByTestId('start-empty').click();
    await page.getByTestId('nav-about').click();
    await page.getByTestId('about-device').waitFor();
    expect(await page.getByTestId('about-device').locator('td').textContent()).toMatch(/^[0-9a-f]{16}$/);
    await expect(page.getByTestId('about-mode').locator('td').textContent()).resolves.toBe('浏览器模式');
    await screenshot(page, 'about-zh');
    await page.getByTestId('lang-ug').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await expect(page.getByTestId('about-mode').locator('td').textContent()).resolves.toBe('توركۆرگۈ ھالىتى');
    await screenshot(page, 'about-ug');
  });
});
