/**
 * Undo and redo in the entry grid (issue 12 §4): Ctrl+Z takes back a saved cell or a whole pasted
 * block, Ctrl+Y (or Ctrl+Shift+Z) puts it back, each written through the same command as typing —
 * so it lands in the change log and syncs like any edit — and refused, with the reason, where an
 * edit would be.
 */
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Org } from '../../../shared/domain/org';
import type { ReportingRound, StatReport } from '../../../shared/domain/stats';
import { reportId } from '../../../shared/stats/ids';
import { openRoundWrites, reviewWrites } from '../../../shared/stats/writes';
import { rowValues } from '../../../shared/sync/row';
import { EntryPage } from '../../../renderer/src/features/stats/EntryPage';
import { readRowHistory } from '../../../renderer/src/store/changeLog';
import type { Store } from '../../../renderer/src/store/store';
import { renderInApp } from '../renderInApp';
import { ORG_TABLE } from '../../../shared/orgs/tables';
import { ROUND_TABLE, STAT_REPORT_TABLE } from '../../../shared/stats/tables';

const ROUND = 'round-undo';
const cell = (row: number, col: number) => screen.getByTestId('entry-grid').querySelector(`#cell-${row}-${col}`) as HTMLInputElement;
const rowOf = (row: number) => screen.getByTestId('entry-grid').querySelectorAll('tbody tr')[row] as HTMLTableRowElement;

/** The demo county with a new round open on the entry page; its first township's branches are the rows. */
async function newRound(): Promise<{ store: Store; notify: Awaited<ReturnType<typeof renderInApp>>['notify']; orgAt(row: number): Promise<Org> }> {
  window.location.hash = `#/entry?round=${ROUND}`;
  const rendered = await renderInApp(<EntryPage />, { demo: true });
  const { store } = rendered;
  const orgs = (await store.db.rows(ORG_TABLE).toArray()).map((o) => rowValues<Org>(o));
  const opened = openRoundWrites(orgs.find((o) => o.kind === 'county'), orgs, { id: ROUND, period: '2026Q4', figures: ['members', 'newMembers', 'youth1435', 'youth1428', 'cadres', 'recommendedToParty'], deadline: '2026-12-31', changeThreshold: 0.2, bySex: false });
  if (!opened.ok) throw new Error(opened.reason);
  await store.repo.write(opened.writes);
  // The page shows the demo's round until the new one is read.
  await waitFor(() => expect((screen.getByTestId('entry-round') as HTMLInputElement).value).toBe(ROUND), { timeout: 15_000 });
  const orgAt = async (row: number) => orgs.find((o) => o.code === rowOf(row).getAttribute('data-code'))!;
  return { store, notify: rendered.notify, orgAt };
}

async function stored(store: Store, org: Org): Promise<StatReport | undefined> {
  const row = await store.db.rows(STAT_REPORT_TABLE).get(reportId(ROUND, org.id));
  return row && rowValues<StatReport>(row);
}

/** Types into a cell and leaves it with Enter, as a person does. */
function type(row: number, col: number, text: string) {
  const input = cell(row, col);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter' });
  fireEvent.blur(input);
}

const ctrl = (key: string, shift = false) => fireEvent.keyDown(document.activeElement ?? cell(0, 0), { key, ctrlKey: true, shiftKey: shift });

describe('undo and redo of a cell', () => {
  it('Ctrl+Z writes the value before back, Ctrl+Y the value after, each through the write command (in the change log)', async () => {
    const { store, orgAt } = await newRound();
    const org = await orgAt(0);
    type(0, 0, '40');
    await waitFor(async () => expect((await stored(store, org))?.members).toBe(40), { timeout: 15_000 });
    type(0, 0, '45');
    await waitFor(async () => expect((await stored(store, org))?.members).toBe(45), { timeout: 15_000 });

    act(() => cell(0, 0).focus());
    ctrl('z');
    await waitFor(async () => expect((await stored(store, org))?.members).toBe(40), { timeout: 15_000 });
    await waitFor(() => expect(cell(0, 0).value).toBe('40'));
    ctrl('z');
    await waitFor(async () => expect((await stored(store, org))?.members).toBeNull(), { timeout: 15_000 });
    ctrl('y');
    await waitFor(async () => expect((await stored(store, org))?.members).toBe(40), { timeout: 15_000 });
    ctrl('z', true); // Ctrl+Shift+Z redoes too
    await waitFor(async () => expect((await stored(store, org))?.members).toBe(45), { timeout: 15_000 });

    // Every step is a change like any edit, so it syncs: 40, 45, back to 40, back to empty, 40, 45.
    const history = await readRowHistory(store.db, 'statReport', reportId(ROUND, org.id));
    expect(history.filter((c) => 'members' in c.fields).map((c) => c.fields['members'])).toEqual([40, 45, 40, null, 40, 45]);
  }, 60_000);

  it('text typed and not yet saved is taken back first, as in a spreadsheet; the saved value stays', async () => {
    const { store, orgAt } = await newRound();
    const org = await orgAt(1);
    type(1, 2, '300');
    await waitFor(async () => expect((await stored(store, org))?.youth1435).toBe(300), { timeout: 15_000 });
    const input = cell(1, 2);
    act(() => input.focus());
    fireEvent.change(input, { target: { value: '3000' } });
    fireEvent.keyDown(input, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(cell(1, 2).value).toBe('300'));
    expect((await stored(store, org))?.youth1435).toBe(300);
  }, 60_000);

  it('the undo and redo buttons do the same, and say when there is nothing to undo', async () => {
    const { store, orgAt } = await newRound();
    const org = await orgAt(0);
    expect((screen.getByTestId('undo') as HTMLButtonElement).disabled).toBe(true);
    type(0, 4, '3');
    await waitFor(() => expect((screen.getByTestId('undo') as HTMLButtonElement).disabled).toBe(false), { timeout: 15_000 });
    fireEvent.click(screen.getByTestId('undo'));
    await waitFor(async () => expect((await stored(store, org))?.cadres).toBeNull(), { timeout: 15_000 });
    await waitFor(() => expect((screen.getByTestId('redo') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('redo'));
    await waitFor(async () => expect((await stored(store, org))?.cadres).toBe(3), { timeout: 15_000 });
  }, 60_000);
});

describe('undo and redo of a pasted block', () => {
  it('one Ctrl+Z takes back the whole block, over several reports; one Ctrl+Y puts it back', async () => {
    const { store, orgAt } = await newRound();
    const [first, second] = [await orgAt(0), await orgAt(1)];
    type(0, 0, '7');
    await waitFor(async () => expect((await stored(store, first))?.members).toBe(7), { timeout: 15_000 });
    const input = cell(0, 0);
    act(() => input.focus());
    fireEvent.paste(input, { clipboardData: { getData: () => '80\t8\t400\t180\n95\t9\t420\t200\n' } });
    await waitFor(async () => expect((await stored(store, second))?.youth1428).toBe(200), { timeout: 15_000 });
    expect(await stored(store, first)).toMatchObject({ members: 80, newMembers: 8, youth1435: 400, youth1428: 180 });

    act(() => cell(0, 0).focus());
    ctrl('z');
    await waitFor(async () => expect((await stored(store, second))?.youth1428).toBeNull(), { timeout: 15_000 });
    expect(await stored(store, first)).toMatchObject({ members: 7, newMembers: null, youth1435: null, youth1428: null });
    expect(await stored(store, second)).toMatchObject({ members: null, newMembers: null, youth1435: null });

    ctrl('y');
    await waitFor(async () => expect((await stored(store, second))?.youth1428).toBe(200), { timeout: 15_000 });
    expect(await stored(store, first)).toMatchObject({ members: 80, newMembers: 8, youth1435: 400, youth1428: 180 });
    expect(await stored(store, second)).toMatchObject({ members: 95, newMembers: 9, youth1435: 420, youth1428: 200 });
  }, 60_000);
});

describe('undo where an edit is refused', () => {
  it('a report submitted meanwhile: Ctrl+Z says why it cannot be undone and changes nothing; returned, it can', async () => {
    const { store, notify, orgAt } = await newRound();
    const org = await orgAt(0);
    type(0, 0, '50');
    await waitFor(async () => expect((await stored(store, org))?.members).toBe(50), { timeout: 15_000 });
    const round = rowValues<ReportingRound>((await store.db.rows(ROUND_TABLE).get(ROUND))!);
    const submit = reviewWrites({ round, org, report: await stored(store, org) }, 'submit', { now: new Date() });
    if (!submit.ok) throw new Error(submit.reason);
    await store.repo.write(submit.writes);
    await waitFor(() => expect(rowOf(0).getAttribute('data-status')).toBe('submitted'), { timeout: 15_000 });

    act(() => cell(0, 0).focus());
    ctrl('z');
    await waitFor(() => expect(notify).toHaveBeenCalledWith(expect.objectContaining({ key: 'stats:undo.refused' })), { timeout: 15_000 });
    const message = notify.mock.calls.find(([m]) => m.key === 'stats:undo.refused')![0];
    expect(message.values).toMatchObject({ reason: '这份报表已上报、正在审核，暂时不能修改。' });
    expect(String(message.values!['org'])).toContain(org.code);
    expect((await stored(store, org))?.members).toBe(50);

    const returned = reviewWrites({ round, org, report: await stored(store, org) }, 'return', { now: new Date(), comment: '请核对' });
    if (!returned.ok) throw new Error(returned.reason);
    await store.repo.write(returned.writes);
    await waitFor(() => expect(rowOf(0).getAttribute('data-status')).toBe('returned'), { timeout: 15_000 });
    act(() => cell(0, 0).focus());
    ctrl('z');
    await waitFor(async () => expect((await stored(store, org))?.members).toBeNull(), { timeout: 15_000 });
  }, 60_000);
});

describe('submitting straight after a paste', () => {
  it('submits the reports the block created, though the page had not shown them as started yet', async () => {
    const { store, orgAt } = await newRound();
    const [first, second] = [await orgAt(0), await orgAt(1)];
    const input = cell(0, 0);
    act(() => input.focus());
    // Complete figures for two branches (this round asks six), and 提交 at once, before the writes land.
    fireEvent.paste(input, { clipboardData: { getData: () => '80\t8\t400\t180\t2\t1\n95\t9\t420\t200\t2\t1\n' } });
    fireEvent.click(screen.getByTestId('submit-all'));
    await waitFor(async () => expect((await stored(store, second))?.status).toBe('submitted'), { timeout: 15_000 });
    expect(await stored(store, first)).toMatchObject({ status: 'submitted', members: 80 });
  }, 60_000);
});
