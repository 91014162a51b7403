/**
 * A USB file from another PC may carry reports whose figures disagree — members above youth 14–28,
 * written by a build before the rule, or by hand. The preview names each such report and imports
 * the file all the same: another PC's file is not refused for it.
 */
import { screen, within } from '@testing-library/react';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { Org } from '../../../shared/domain/org';
import type { StatReport } from '../../../shared/domain/stats';
import { rowValues } from '../../../shared/sync/row';
import { ImportPreviewDialog } from '../../../renderer/src/features/sync/ImportPreviewDialog';
import { applyReviewedImport, exportBundle, reviewImport, type ExportedBundle } from '../../../renderer/src/features/sync/syncService';
import { LeagueDeskDb } from '../../../renderer/src/store/db';
import { openStore, type Store } from '../../../renderer/src/store/store';
import { renderInApp } from '../renderInApp';
import { STAT_REPORT_TABLE } from '../../../shared/stats/tables';
import { ORG_TABLE } from '../../../shared/orgs/tables';
import { APP_REGISTRY } from '../../../shared/app/registry';

let pcs = 0;
const newPc = () => openStore(new LeagueDeskDb(APP_REGISTRY, `disagreeing-${pcs++}`, { indexedDB: new IDBFactory(), IDBKeyRange }));
const asFile = (f: ExportedBundle) => ({ name: f.fileName, data: f.bytes });
const text = (el: Element) => (el.textContent ?? '').replace(/[\u2066-\u2069]/g, '');

async function townshipReport(store: Store): Promise<{ report: StatReport; org: Org }> {
  const report = rowValues<StatReport>((await store.db.rows(STAT_REPORT_TABLE).toArray()).find((r) => String(r['id']).includes('LT-01-002'))!);
  return { report, org: rowValues<Org>((await store.db.rows(ORG_TABLE).get(report.orgId))!) };
}

/** The demo county's file restored on a township PC, one report's figures changed there, and the county's preview of the township's file. */
async function townshipSends(fields: Partial<StatReport>) {
  const { store: county } = await renderInApp(<div />, { demo: true });
  const township = await newPc();
  await applyReviewedImport(township, await reviewImport(township, [asFile(await exportBundle(county))]));
  const { report, org } = await townshipReport(township);
  await township.repo.write([{ table: 'statReport', row: report.id, scope: org.code, fields }]);
  return { county, report, org, review: await reviewImport(county, [asFile(await exportBundle(township))]) };
}

describe('the USB import preview', () => {
  it('names the incoming reports whose members outnumber youth 14–28, and imports the file all the same', async () => {
    const { county, report, org, review } = await townshipSends({ members: 50, youth1428: 30 });
    expect(review.disagreeing).toEqual([
      { id: report.id, period: '2025', org, issues: [{ figure: 'members', severity: 'error', code: 'members-above-youth1428', related: 'youth1428', params: { value: 50, limit: 30 } }] },
    ]);

    const onApply = vi.fn();
    await renderInApp(<ImportPreviewDialog review={review} busy={false} restore={false} onCancel={vi.fn()} onApply={onApply} />, { demo: true });
    const warning = await screen.findByTestId('preview-disagreeing');
    expect(text(warning)).toContain('1 份报表的数字前后矛盾');
    const named = within(warning).getByTestId('preview-disagreeing-report');
    expect(named.getAttribute('data-code')).toBe('LT-01-002');
    expect(text(named)).toBe(`${org.name.zh} (LT-01-002) · 2025年度: 团员数（50）多于 14–28 岁青年数（30）。团员本身就是 14–28 岁青年，请核对。`);
    // A warning, not a refusal: the file can be imported.
    expect((screen.getByTestId('preview-apply') as HTMLButtonElement).disabled).toBe(false);

    await applyReviewedImport(county, review);
    expect(rowValues<StatReport>((await county.db.rows(STAT_REPORT_TABLE).get(report.id))!)).toMatchObject({ members: 50, youth1428: 30 });
  }, 30_000);

  it('names nothing when every incoming report agrees with itself', async () => {
    const { review } = await townshipSends({ members: 30, youth1428: 30 });
    expect(review.disagreeing).toEqual([]);
  }, 30_000);
});
