import { describe, expect, inject, it } from 'vitest';
import { screenshot, usePcs } from './browser';

/*
 * The organisation tree in a real Chromium. The page lives at #/orgs (route 'orgs', registered in
 * renderer/src/app/Shell.tsx and routes.ts with the 'orgs' namespace in renderer/src/i18n.ts).
 */

const pc = usePcs(inject('baseUrl'));


describe('the organisation tree', () => {
  it('finds by pinyin initials and Uyghur, creates a branch with both names, moves it to another town, archives it', async () => {
    const { page } = await pc();
    await page.getByTestId('load-demo').click();
    await page.getByTestId('overview').waitFor();
    await page.evaluate(() => (window.location.hash = '#/orgs'));
    await page.getByTestId('org-tree').waitFor();

    const search = page.getByTestId('org-search');
    const result = (code: string) => page.locator(`[data-testid="org-result"][data-code="${code}"]`);
    const details = page.getByTestId('org-details');

    // Pinyin initials: "lt" finds 轮台镇团委.
    await search.fill('lt');
    await expect(result('LT-01').textContent()).resolves.toContain('轮台镇团委');
    // The county by its Uyghur name, typed in presentation forms (as copied from an old PDF).
    await search.fill('ﺑﯜﮔﯜﺭ');
    await result('LT').waitFor();
    expect(await page.getByTestId('org-result').count()).toBe(1);

    // A new branch under 轮台镇团委, named in both languages.
    await search.fill('ltz');
    await result('LT-01').click();
    await page.locator('[data-testid="org-details"][data-code="LT-01"]').waitFor();
    await page.getByTestId('org-create-child').click();
    const code = await page.getByTestId('org-code').inputValue();
    expect(code).toMatch(/^LT-01-\d{3}$/);
    await page.getByTestId('org-name-zh').fill('轮台镇试点团支部');
    await page.getByTestId('org-name-ug').fill('سىناق ئىتتىپاق ياچېيكىسى');
    await page.getByTestId('org-secretary-phone').fill('13899001234');
    await page.getByTestId('org-save').click();
    await page.getByTestId('org-form').waitFor({ state: 'detached' });
    await page.locator(`[data-testid="org-details"][data-code="${code}"]`).waitFor();
    await page.locator(`[role="treeitem"][data-code="${code}"][aria-selected="true"]`).waitFor();

    // Moved to 轮南镇团委: the dialog says how many organisations move before anything is written.
    await page.getByTestId('org-move').click();
    await page.getByTestId('org-move-search').fill('lnz');
    await page.locator('[data-testid="org-move-results"] [data-testid="org-result"][data-code="LT-02"]').click();
    await expect(page.getByTestId('org-move-summary').textContent()).resolves.toContain('将把 1 个组织');
    await page.getByTestId('org-move-confirm').click();
    await page.getByTestId('org-move-dialog').waitFor({ state: 'detached' });
    await page.locator('[data-testid="org-details"][data-code^="LT-02-"]').waitFor();
    const moved = await details.getAttribute('data-code');
    expect(moved).toMatch(/^LT-02-\d{3}$/);
    await expect(page.getByTestId('org-details-parent').textContent()).resolves.toContain('轮南镇团委');
    await screenshot(page, 'orgs-zh');

    // Archived: it leaves the tree (shown greyed with "show archived") and its details say so.
    await page.getByTestId('org-archive').click();
    await page.getByTestId('org-archive-confirm').click();
    await page.getByTestId('org-archived-message').waitFor();
    await page.getByTestId('org-details-archived').waitFor();
    expect(await page.locator(`[role="treeitem"][data-code="${moved}"]`).count()).toBe(0);
    await page.getByTestId('show-archived').click();
    await page.locator(`[role="treeitem"][data-code="${moved}"][data-archived="true"]`).waitFor();

    // Escape dismisses the messages, so that the picture shows the tree.
    await page.keyboard.press('Escape');
    await page.getByTestId('org-archived-message').waitFor({ state: 'detached' });

    // In Uyghur, right to left: the county found by its Uyghur name.
    await page.getByTestId('lang-ug').click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await search.fill('بۈگۈر');
    await result('LT').click();
    await expect(details.getAttribute('data-code')).resolves.toBe('LT');
    await expect(page.getByTestId('org-details-name').textContent()).resolves.toContain('بۈگۈر');
    await search.fill('');
    await page.locator('[role="treeitem"][data-code="LT-01"] [data-testid="org-toggle"]').click();
    await page.locator('[role="treeitem"][data-code="LT-01"][aria-expanded="false"]').waitFor();
    await page.locator('[role="treeitem"][data-code="LT-02"][aria-expanded="true"]').waitFor();
    // A closed node's chevron points along the reading direction: left, in Uyghur.
    const chevron = page.locator('[role="treeitem"][data-code="LT-01"] [data-mirrored]');
    await expect(chevron.evaluate((el) => getComputedStyle(el).transform)).resolves.toBe('matrix(-1, 0, 0, 1, 0, 0)');
    await screenshot(page, 'orgs-ug');
  });
});
