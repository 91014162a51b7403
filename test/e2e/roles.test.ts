import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { DEMO_ROUND_ID } from '../../shared/demo/luntai';
import { issueCertificate } from '../../shared/trust/certificate';
import { demoCounty } from '../../shared/trust/demo';
import type { EnrollmentRequest } from '../../shared/trust/enrollment';
import type { PublicKey } from '../../shared/trust/keys';
import { recordId } from '../../shared/trust/signed';
import { screenshot, usePcs } from './browser';
import { loadDemo } from './flows';

/*
 * Issue 14 in Chromium: a demo PC is the demo county's administrator and is offered the county's
 * review actions; the same PC given a township officer's certificate (issued here with the demo
 * authority's published key, as the county would issue it at enrollment) shows its role and scope
 * in the app bar and offers no approve, return or reopen — in both languages, at 1366×768.
 */

const pc = usePcs(inject('baseUrl'));

/** This PC's device id and public key, read from its own IndexedDB store. */
async function deviceOf(page: Page): Promise<{ device: string; key: PublicKey }> {
  return page.evaluate(
    () =>
      new Promise<{ device: string; key: PublicKey }>((resolve, reject) => {
        const open = indexedDB.open('league-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('deviceKey').objectStore('deviceKey').get('device');
          get.onsuccess = () => {
            resolve({ device: get.result.device, key: get.result.keys.publicKey });
            open.result.close();
          };
        };
      }),
  );
}

/** Hands this PC a township officer's certificate for `scope`, as enrollment will, and reloads. */
async function becomeTownship(page: Page, scope: string): Promise<void> {
  const { device, key } = await deviceOf(page);
  const demo = await demoCounty();
  const issued = new Date(Date.now() + 60_000).toISOString();
  const request = { device, name: 'LT PC', key } as unknown as EnrollmentRequest;
  const made = await issueCertificate(request, { role: 'townshipOfficer', scope, validFrom: demo.device.certificate.validFrom, validTo: demo.device.certificate.validTo }, { county: demo.authority.county, keys: demo.authorityKeys }, issued);
  if (!made.ok) throw new Error(made.reason);
  const entry = { id: recordId(made.value), kind: 'certificate', device, record: made.value };
  await page.evaluate(
    (e) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('league-desk');
        open.onsuccess = () => {
          const tx = open.result.transaction('trust', 'readwrite');
          tx.objectStore('trust').put(e);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    entry,
  );
  await page.reload();
}

async function entryGrid(page: Page): Promise<void> {
  await page.goto(`${page.url().split('#')[0]}#/entry?round=${DEMO_ROUND_ID}`);
  await page.locator('[data-testid="entry-grid"] tbody tr').first().waitFor();
}

describe('roles in Chromium', () => {
  it('the demo county administrator reopens approved reports; as a township officer the same PC is offered none of it, in both languages', async () => {
    const { page } = await pc();
    await page.setViewportSize({ width: 1366, height: 768 });
    await loadDemo(page);
    await expect.poll(() => page.getByTestId('standing').textContent()).toBe('示范 · 团县委管理员 · LT');
    await entryGrid(page);
    await expect.poll(() => page.getByTestId('reopen').count()).toBeGreaterThan(0);
    const township = (await page.locator('[data-testid="entry-grid"] tbody tr').first().getAttribute('data-code'))!.split('-').slice(0, 2).join('-');

    await becomeTownship(page, township);
    await expect.poll(() => page.getByTestId('standing').textContent()).toBe(`示范 · 乡镇团干部 · ${township}`);
    await entryGrid(page);
    await expect.poll(() => page.locator('[data-testid="entry-grid"] tbody tr').first().getAttribute('data-code')).toMatch(new RegExp(`^${township}-`));
    expect(await page.getByTestId('reopen').count()).toBe(0);
    expect(await page.getByTestId('approve').count()).toBe(0);
    expect(await page.getByTestId('approve-all').count()).toBe(0);
    await screenshot(page, 'roles-township-entry-zh', { fullPage: false });

    await page.getByTestId('lang-ug').click();
    await page.waitForFunction(() => document.documentElement.lang === 'ug');
    await expect.poll(() => page.getByTestId('standing').textContent()).toBe(`ئۈلگە · يېزا-بازار ئىتتىپاق كادىرى · \u2066${township}\u2069`);
    expect(await page.getByTestId('reopen').count()).toBe(0);
    await screenshot(page, 'roles-township-entry-ug', { fullPage: false });

    // Rounds, targets and contests are the county's: a township PC does not list them, and their
    // address shows its first page.
    await page.getByTestId('nav-entry').waitFor();
    for (const route of ['rounds', 'targets', 'contests']) expect(await page.getByTestId(`nav-${route}`).count(), route).toBe(0);
    await page.goto(`${page.url().split('#')[0]}#/rounds`);
    await page.getByTestId('overview').waitFor();
    expect(await page.getByTestId('rounds').count()).toBe(0);
    await screenshot(page, 'roles-township-nav-ug', { fullPage: false });
  });
});
