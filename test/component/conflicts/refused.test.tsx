import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RefusedPage } from '../../../renderer/src/features/conflicts/RefusedPage';
import type { Store } from '../../../renderer/src/store/store';
import { holdTrustRecords } from '../../../renderer/src/store/trustStore';
import { makeCounty } from '../../unit/trust/trustFixtures';
import { certificateFor, countyPcStore, enrolledPc, fullFile, importFiles, pastTheGate, report, writeSmallCounty } from '../../unit/store/trust/trustPcs';
import { renderInApp } from '../renderInApp';
import zhTrust from '../../../locales/zh-CN/trust.json';
import ugTrust from '../../../locales/ug/trust.json';
import zhStats from '../../../locales/zh-CN/stats.json';
import ugStats from '../../../locales/ug/stats.json';

/*
 * The county's page of refused changes: what a township PC tried that it may not (approve its own
 * report, write another township's figures) is listed with the report it is about, what it would
 * have written, which PC, and why — in both languages; a change let in later leaves the list.
 */

afterEach(cleanup);

async function countyWithRefusals(): Promise<Store> {
  const county = await makeCounty('LT');
  const { store: countyPc } = await enrolledPc(county, { role: 'countyAdmin', scope: 'LT' });
  await writeSmallCounty(countyPc);
  const { store: lt03 } = await enrolledPc(county, { role: 'townshipOfficer', scope: 'LT-03' });
  await importFiles(lt03, await fullFile(countyPc));
  // What an altered app would write: the honest one refuses both at the township already.
  await pastTheGate(lt03, [{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { status: 'approved' } }]);
  await pastTheGate(lt03, [{ table: 'statReport', row: report('LT-05'), scope: 'LT-05', fields: { members: 1 } }]);
  const { outcome } = await importFiles(countyPc, await fullFile(lt03));
  expect(outcome.refused).toBe(2);
  return countyPc;
}

const LOCALES = { 'zh-CN': { trust: zhTrust, stats: zhStats }, ug: { trust: ugTrust, stats: ugStats } };

describe('refused changes', () => {
  for (const lang of ['zh-CN', 'ug'] as const) {
    it(`lists each refused change with its report, what it would write, the PC and the reason (${lang})`, async () => {
      const store = await countyWithRefusals();
      await renderInApp(<RefusedPage />, { lang, store });
      const rows = await screen.findAllByTestId('refused-change');
      expect(rows.map((r) => r.getAttribute('data-reason')).sort()).toEqual(['outside-scope', 'status-not-allowed']);
      const approval = rows.find((r) => r.getAttribute('data-reason') === 'status-not-allowed')!;
      expect(within(approval).getByTestId('conflict-subject').textContent).toContain('LT-03');
      expect(within(approval).getByTestId('refused-fields').textContent).toContain(LOCALES[lang].stats.statuses.approved);
      expect(within(approval).getByTestId('refused-reason').textContent).toContain(LOCALES[lang].trust.reason['status-not-allowed']);
      const scope = rows.find((r) => r.getAttribute('data-reason') === 'outside-scope')!;
      expect(within(scope).getByTestId('conflict-subject').textContent).toContain('LT-05');
      expect(within(scope).getByTestId('refused-reason').textContent).toContain(LOCALES[lang].trust.reason['outside-scope']);
      // Every text is a translation: no key shows through.
      expect(screen.getByTestId('refused').textContent).not.toMatch(/refused\.|reason\.|trust:/);
    });
  }

  it('says there is nothing refused on a PC that refused nothing', async () => {
    await renderInApp(<RefusedPage />, { lang: 'ug' });
    expect((await screen.findByTestId('refused-empty')).textContent).toMatch(/[\u0600-\u06FF]/);
  });

  it('a change let in by a certificate that arrives later leaves the list by itself', async () => {
    const county = await makeCounty('LT');
    const { store: countyPc } = await enrolledPc(county, { role: 'countyAdmin', scope: 'LT' });
    await writeSmallCounty(countyPc);
    // A township PC whose certificate the county issues only later: it pins the county and works.
    const lt03 = await countyPcStore(county);
    const late = await certificateFor(county, lt03, { role: 'townshipOfficer', scope: 'LT-03' });
    await importFiles(lt03, await fullFile(countyPc));
    await lt03.repo.write([{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { members: 12, status: 'submitted' } }]);
    // The township's file carries no certificate of it: kept aside as from an unknown PC.
    const { outcome } = await importFiles(countyPc, await fullFile(lt03));
    expect(outcome.refused).toBe(1);
    await renderInApp(<RefusedPage />, { store: countyPc });
    expect((await screen.findAllByTestId('refused-change')).map((r) => r.getAttribute('data-reason'))).toEqual(['unknown-device']);
    // The certificate arrives with the next file: the change is let in and leaves the list.
    await holdTrustRecords(lt03.db, [late]);
    await importFiles(countyPc, await fullFile(lt03));
    await waitFor(() => expect(screen.queryAllByTestId('refused-change')).toHaveLength(0));
    expect(await screen.findByTestId('refused-empty')).toBeTruthy();
  });
});
