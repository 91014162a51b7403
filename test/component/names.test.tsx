/**
 * People's names, not ids (issue 12, section 6): the conflicts page, a cell's history and the import
 * preview name the organisation (in the current language, the other one marked where missing), the
 * figure, the period and the PC — falling back to "电脑 9bc5df" for a PC without a name — and the
 * preview names every table.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Org } from '../../shared/domain/org';
import type { ReportingRound, StatReport } from '../../shared/domain/stats';
import type { Lang } from '../../shared/i18n/lang';
import { ConflictsPage } from '../../renderer/src/features/conflicts/ConflictsPage';
import { CellDetails } from '../../renderer/src/features/stats/CellDetails';
import type { GridRow } from '../../renderer/src/features/stats/EntryGrid';
import { reportId } from '../../renderer/src/features/stats/useStatsData';
import { ImportPreviewDialog } from '../../renderer/src/features/sync/ImportPreviewDialog';
import { applyReviewedImport, exportBundle, reviewImport, type ExportedBundle } from '../../renderer/src/features/sync/syncService';
import { LeagueDeskDb } from '../../renderer/src/store/db';
import { joinDemoCounty, loadDemoCounty } from '../../renderer/src/store/demo';
import { nameThisPc, writePcNameIfDue } from '../../renderer/src/store/pcName';
import { openStore, type Store } from '../../renderer/src/store/store';
import { renderInApp } from './renderInApp';
import { APP_REGISTRY, APP_TABLES } from '../../shared/app/registry';
import { ROUND_TABLE, STAT_REPORT_TABLE } from '../../shared/stats/tables';
import { ORG_TABLE } from '../../shared/orgs/tables';

let pcs = 0;
const newPc = () => openStore(new LeagueDeskDb(APP_REGISTRY, `names-${pcs++}`, { indexedDB: new IDBFactory(), IDBKeyRange }));
const asFile = (f: ExportedBundle) => ({ name: f.fileName, data: f.bytes });
const receive = async (store: Store, file: ExportedBundle) => applyReviewedImport(store, await reviewImport(store, [asFile(file)]));
const text = (el: Element) => (el.textContent ?? '').replace(/[\u2066-\u2069]/g, '');

/** A branch of a township, and its report in the demo round under the app's report id (whose history the grid shows). */
async function someReport(store: Store): Promise<{ report: StatReport; org: Org }> {
  const demoReport = (await store.db.rows(STAT_REPORT_TABLE).toArray()).find((r) => String(r['id']).includes('LT-01')) as unknown as StatReport;
  const org = (await store.db.rows(ORG_TABLE).get(demoReport.orgId)) as unknown as Org;
  const id = reportId(demoReport.roundId, org.id);
  if (!(await store.db.rows(STAT_REPORT_TABLE).get(id))) {
    const { roundId, orgId, period } = demoReport;
    await store.repo.write([{ table: 'statReport', row: id, scope: org.code, fields: { roundId, orgId, period, status: 'draft', members: 30 } }]);
  }
  return { report: (await store.db.rows(STAT_REPORT_TABLE).get(id)) as unknown as StatReport, org };
}

/** PC B, named 轮台镇团委 1号机, restores A's file and sets a branch's member count to 40. */
async function namedPcEdits(a: Store) {
  await someReport(a);
  const b = await newPc();
  await receive(b, await exportBundle(a));
  await nameThisPc(b, '轮台镇团委 1号机');
  const { report, org } = await someReport(a);
  await b.repo.write([{ table: 'statReport', row: report.id, scope: org.code, fields: { members: 40 } }]);
  await writePcNameIfDue(b);
  return { b, report, org };
}

/**
 * PC A (the rendered one, with the demo) and PC B, named, that restored A's file: both change the
 * same branch's member count without seeing each other, and A imports B's file.
 */
async function conflictOnA(a: Store, { nameA }: { nameA?: string } = {}) {
  if (nameA) await nameThisPc(a, nameA);
  const { b, report, org } = await namedPcEdits(a);
  await a.repo.write([{ table: 'statReport', row: report.id, scope: org.code, fields: { members: 41 } }]);
  await receive(a, await exportBundle(b));
  return { b, report, org };
}

describe('the conflicts page', () => {
  it('names the organisation, the kind of data, the period, the figure and both PCs — no ids', async () => {
    const { store } = await renderInApp(<ConflictsPage />, { demo: true });
    const { b, org, report } = await conflictOnA(store, { nameA: '县团委 1号机' });
    const row = await screen.findByTestId('conflict');
    expect(text(within(row).getByTestId('conflict-subject'))).toBe(org.name.zh);
    expect(within(row).getByTestId('conflict-table').textContent).toBe('统计报表');
    expect(within(row).getByTestId('conflict-period').textContent).toBe('2025年度');
    expect(within(row).getByTestId('conflict-field').textContent).toBe('团员');
    expect(text(within(row).getByTestId('conflict-kept'))).toMatch(/^41县团委 1号机 · \d{4}年/);
    expect(text(within(row).getByTestId('conflict-overwritten'))).toMatch(/^40轮台镇团委 1号机 · /);
    expect(row.textContent).not.toContain(b.identity.device);
    expect(row.textContent).not.toContain(report.id);
    expect(row.textContent).not.toContain(org.code);
    expect(row.textContent).not.toContain('local-');
  });

  it('falls back to a short form of the id for a PC without a name, and to the other language for an untranslated organisation', async () => {
    const { store } = await renderInApp(<ConflictsPage />, { demo: true, lang: 'ug' });
    await conflictOnA(store);
    const row = await screen.findByTestId('conflict');
    const kept = within(row).getByTestId('conflict-kept');
    expect(within(kept).getByTestId('pc-name').getAttribute('data-named')).toBe('false');
    expect(text(within(kept).getByTestId('pc-name'))).toBe(`كومپيۇتېر ${store.identity.device.slice(0, 6)}`);
    expect(text(within(row).getByTestId('conflict-overwritten'))).toContain('轮台镇团委 1号机');
    // The branch has no Uyghur name yet: its Chinese name, marked untranslated.
    expect(within(within(row).getByTestId('conflict-subject')).getByTestId('not-translated').textContent).toBe('تەرجىمە قىلىنمىغان');
    expect(within(row).getByTestId('conflict-table').textContent).toBe('ستاتىستىكا جەدۋىلى');
    expect(within(row).getByTestId('conflict-period').textContent).toBe('2025-يىللىق');
    expect(within(row).getByTestId('conflict-field').textContent).toBe('ئىتتىپاق ئەزالىرى');
  });

  it('names an organisation in Uyghur once it has a Uyghur name', async () => {
    const { store } = await renderInApp(<ConflictsPage />, { demo: true, lang: 'ug' });
    const { org } = await someReport(store);
    await store.repo.write([{ table: 'org', row: org.id, scope: org.code, fields: { name: { zh: org.name.zh, ug: 'سىناق ئىتتىپاق ياچېيكىسى' } } }]);
    await conflictOnA(store);
    const subject = await screen.findByTestId('conflict-subject');
    expect(subject.textContent).toBe('سىناق ئىتتىپاق ياچېيكىسى');
  });
});

describe("a cell's history", () => {
  async function renderCell(lang: Lang) {
    const rendered = await renderInApp(<div />, { demo: true, lang });
    const { b, report, org } = await conflictOnA(rendered.store);
    const row: GridRow = { org, report, cells: {}, values: {}, issues: [], editable: true, reviewable: true };
    const round = (await rendered.store.db.rows(ROUND_TABLE).get(report.roundId)) as unknown as ReportingRound;
    const { store } = await renderInApp(<CellDetails row={row} figure="members" round={round} onNote={() => undefined} />, { lang });
    // The same history in the PC that shows it: import A's full file.
    await receive(store, await exportBundle(rendered.store));
    return { b, org };
  }

  it('names the organisation, the figure and the period, and which PC made each change', async () => {
    const { b, org } = await renderCell('zh-CN');
    await waitFor(() => expect(screen.getAllByTestId('pc-name').length).toBeGreaterThanOrEqual(2));
    expect(text(screen.getByTestId('cell-title'))).toBe(`${org.name.zh} · 团员`);
    expect(text(screen.getByTestId('cell-subtitle'))).toBe(`2025年度 · ${org.code}`);
    const history = screen.getByTestId('cell-history');
    expect(text(history)).toContain('轮台镇团委 1号机 · ');
    expect(history.textContent).not.toContain(b.identity.device);
    expect(history.textContent).not.toContain('local-');
  });

  it('speaks Uyghur, with the period in Uyghur and an unnamed PC by the short form of its id', async () => {
    await renderCell('ug');
    await waitFor(() => expect(screen.getAllByTestId('pc-name').length).toBeGreaterThanOrEqual(2));
    expect(text(screen.getByTestId('cell-subtitle'))).toMatch(/^2025-يىللىق · /);
    const unnamed = screen.getAllByTestId('pc-name').filter((e) => e.getAttribute('data-named') === 'false');
    expect(unnamed.map(text)).toContain(`كومپيۇتېر ${unnamed[0]!.getAttribute('data-device')!.slice(0, 6)}`);
  });
});

describe('the import preview', () => {
  async function preview(lang: Lang, senderName?: string) {
    const sender = await newPc();
    await loadDemoCounty(sender);
    if (senderName) await nameThisPc(sender, senderName);
    const file = await exportBundle(sender);
    const receiver = await newPc();
    const review = await reviewImport(receiver, [asFile(file)]);
    await renderInApp(<ImportPreviewDialog review={review} busy={false} restore={false} onCancel={() => undefined} onApply={() => undefined} />, { lang });
    return { sender };
  }

  it('names every synced table and the PC that sent the file, before anything is imported', async () => {
    await preview('zh-CN', '县团委 1号机');
    const tables = await screen.findByTestId('preview-tables');
    for (const table of APP_TABLES.names) {
      const cell = tables.querySelector(`[data-table="${table}"] td`);
      expect(cell?.textContent, table).toMatch(/[\u4E00-\u9FFF]/);
    }
    expect(tables.textContent).not.toContain('tables.');
    expect(text(screen.getByTestId('preview-sender'))).toBe('县团委 1号机LT');
  });

  it('in Uyghur, names an unnamed sender by the short form of its id', async () => {
    const { sender } = await preview('ug');
    const tables = await screen.findByTestId('preview-tables');
    for (const table of APP_TABLES.names) expect(tables.querySelector(`[data-table="${table}"] td`)?.textContent, table).toMatch(/^[\u0600-\u06FF\s]+$/);
    expect(text(screen.getByTestId('preview-sender'))).toBe(`كومپيۇتېر ${sender.identity.device.slice(0, 6)}LT`);
  });

  it('names, in the per-PC trust table, a PC it has never heard of by the name that travels in the same file', async () => {
    const a = await newPc();
    await loadDemoCounty(a);
    const { b } = await namedPcEdits(a);
    await receive(a, await exportBundle(b));
    // C holds nothing of B: B's changes and B's name reach it only in A's file (relayed).
    const c = await newPc();
    expect(await joinDemoCounty(c)).toBe(true);
    const review = await reviewImport(c, [asFile(await exportBundle(a))]);
    await renderInApp(<ImportPreviewDialog review={review} busy={false} restore={false} onCancel={() => undefined} onApply={() => undefined} />, { lang: 'zh-CN', store: c });
    const row = (await screen.findByTestId('preview-trust')).querySelector(`[data-device="${b.identity.device}"]`);
    expect(text(row!.querySelector('td')!)).toBe('轮台镇团委 1号机');
  });
});
