/**
 * Validation people can work through (issue 12 §4): members above youth 14–28 is an error at the
 * cell; a warning once explained is marked as explained, visibly and for screen readers; "7 份还有
 * 错误或缺少说明" names the reports and takes the person to each; a comment is recorded once.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Org } from '../../../shared/domain/org';
import type { StatReport } from '../../../shared/domain/stats';
import { reportId } from '../../../shared/stats/ids';
import { openRoundWrites } from '../../../shared/stats/writes';
import { rowValues } from '../../../shared/sync/row';
import { EntryPage } from '../../../renderer/src/features/stats/EntryPage';
import { readRowHistory } from '../../../renderer/src/store/changeLog';
import type { Store } from '../../../renderer/src/store/store';
import { renderInApp } from '../renderInApp';
import { ORG_TABLE } from '../../../shared/orgs/tables';
import { STAT_REPORT_TABLE } from '../../../shared/stats/tables';

const ROUND = 'round-2026';
const cell = (row: number, col: number) => screen.getByTestId('entry-grid').querySelector(`#cell-${row}-${col}`) as HTMLInputElement;
const rowOf = (row: number) => screen.getByTestId('entry-grid').querySelectorAll('tbody tr')[row] as HTMLTableRowElement;
const FIGURES = ['members', 'newMembers', 'youth1435', 'youth1428', 'cadres', 'recommendedToParty'] as const;

/** The demo county and a 2026 yearly round, whose warnings compare with the demo's approved 2025. */
async function yearAfterDemo(lang: 'zh-CN' | 'ug' = 'zh-CN') {
  window.location.hash = `#/entry?round=${ROUND}`;
  const rendered = await renderInApp(<EntryPage />, { demo: true, lang });
  const { store } = rendered;
  const orgs = (await store.db.rows(ORG_TABLE).toArray()).map((o) => rowValues<Org>(o));
  const opened = openRoundWrites(orgs.find((o) => o.kind === 'county'), orgs, { id: ROUND, period: '2026', figures: [...FIGURES], deadline: '2027-01-20', changeThreshold: 0.2, bySex: false });
  if (!opened.ok) throw new Error(opened.reason);
  await store.repo.write(opened.writes);
  await waitFor(() => expect((screen.getByTestId('entry-round') as HTMLInputElement).value).toBe(ROUND), { timeout: 5000 });
  const orgAt = (row: number) => orgs.find((o) => o.code === rowOf(row).getAttribute('data-code'))!;
  const lastYear = async (row: number) => rowValues<StatReport>((await store.db.rows(STAT_REPORT_TABLE).get(reportId('demo-round-2025', orgAt(row).id)))!);
  return { ...rendered, orgAt, lastYear };
}

function type(row: number, col: number, text: string) {
  const input = cell(row, col);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.blur(input);
}

async function stored(store: Store, org: Org): Promise<StatReport | undefined> {
  const row = await store.db.rows(STAT_REPORT_TABLE).get(reportId(ROUND, org.id));
  return row && rowValues<StatReport>(row);
}

describe('members above youth aged 14–28 at entry', () => {
  it('is an error on the members cell, with its message, and blocks submission', async () => {
    const { store, orgAt, notify } = await yearAfterDemo();
    type(0, 0, '50');
    type(0, 2, '80');
    type(0, 3, '30');
    await waitFor(() => expect(cell(0, 0).getAttribute('data-mark')).toBe('error'), { timeout: 5000 });
    expect(cell(0, 0).getAttribute('aria-invalid')).toBe('true');
    expect(cell(0, 0).title).toContain('团员数（50）多于 14–28 岁青年数（30）');
    await waitFor(async () => expect((await stored(store, orgAt(0)))?.youth1428).toBe(30), { timeout: 5000 });
    fireEvent.click(screen.getByTestId('submit-all'));
    await waitFor(() => expect(notify).toHaveBeenCalledWith(expect.objectContaining({ key: 'stats:workflow.submitted', values: { count: 0, blocked: 1 } })), { timeout: 5000 });
    expect(rowOf(0).getAttribute('data-status')).toBe('draft');
  }, 60_000);
});

describe('a warning explained', () => {
  it('changes its mark from "needs a comment" to "explained", in the cell, its description and the details', async () => {
    const { store, orgAt, lastYear } = await yearAfterDemo();
    const before = (await lastYear(0)).members!;
    type(0, 0, String(before + 20));
    await waitFor(() => expect(cell(0, 0).getAttribute('data-mark')).toBe('warning'), { timeout: 5000 });
    expect(cell(0, 0).title).toContain('这条提示需要填写说明后才能上报');
    act(() => cell(0, 0).focus());
    fireEvent.focus(cell(0, 0));
    const note = await screen.findByTestId('cell-note');
    fireEvent.change(note, { target: { value: '新建了一个班级团支部' } });
    fireEvent.blur(note);
    await waitFor(() => expect(cell(0, 0).getAttribute('data-mark')).toBe('explained'), { timeout: 5000 });
    expect(cell(0, 0).closest('td')!.getAttribute('data-mark')).toBe('explained');
    expect(cell(0, 0).title).toContain('已说明：新建了一个班级团支部');
    expect(cell(0, 0).getAttribute('aria-invalid')).toBeNull();
    const issue = within(screen.getByTestId('cell-details')).getByTestId('cell-issue');
    expect(issue.getAttribute('data-mark')).toBe('explained');
    expect((await stored(store, orgAt(0)))?.notes).toEqual({ members: '新建了一个班级团支部' });
  }, 60_000);

  it('a change of three people or fewer needs no comment at all (the round\'s floor)', async () => {
    const { lastYear } = await yearAfterDemo();
    const cadres = (await lastYear(0)).cadres!;
    type(0, 4, String(Math.max(0, cadres - 3)));
    await waitFor(() => expect(cell(0, 4).value).toBe(String(Math.max(0, cadres - 3))));
    expect(cell(0, 4).getAttribute('data-mark')).toBeNull();
  }, 60_000);
});

describe('reports that could not be submitted', () => {
  it('are listed by name after "submit", each a button that takes the person to the cell to fix; fixed, they leave the list', async () => {
    const { orgAt, lastYear } = await yearAfterDemo();
    // Last year's figures again, but members above youth 14–28.
    const last = await lastYear(0);
    FIGURES.forEach((f, col) => type(0, col, String(f === 'members' ? last.youth1428! + 1 : last[f])));
    type(1, 0, '10');
    type(1, 3, '40');
    await waitFor(() => expect(cell(1, 3).value).toBe('40'));
    await waitFor(() => expect(rowOf(1).getAttribute('data-status')).toBe('draft'), { timeout: 5000 });
    fireEvent.click(screen.getByTestId('submit-all'));
    const list = await screen.findByTestId('blocked-reports', {}, { timeout: 5000 });
    const items = within(list).getAllByTestId('blocked-report');
    expect(items.map((b) => b.getAttribute('data-code'))).toEqual(expect.arrayContaining([orgAt(0).code]));
    const first = items.find((b) => b.getAttribute('data-code') === orgAt(0).code)!;
    expect(first.tagName).toBe('BUTTON'); // reached with Tab, pressed with Enter
    expect(first.textContent).toContain('1 处错误');
    fireEvent.click(first);
    expect(document.activeElement).toBe(cell(0, 0));

    type(0, 0, String(last.members));
    await waitFor(() => expect(within(screen.getByTestId('blocked-reports')).queryAllByTestId('blocked-report').map((b) => b.getAttribute('data-code'))).not.toContain(orgAt(0).code), { timeout: 5000 });
  }, 60_000);
});

describe('a comment', () => {
  it('is recorded once, however often its field is left, and shows once in the history of its cell', async () => {
    const { store, orgAt, lastYear } = await yearAfterDemo();
    const org = orgAt(0);
    const last = await lastYear(0);
    type(0, 0, String(last.members! + 20));
    type(0, 4, String(last.cadres! + 10));
    await waitFor(() => expect(cell(0, 4).getAttribute('data-mark')).toBe('warning'), { timeout: 5000 });

    act(() => cell(0, 0).focus());
    fireEvent.focus(cell(0, 0));
    const note = await screen.findByTestId('cell-note');
    fireEvent.change(note, { target: { value: '新建了一个班级团支部' } });
    // Left twice before the page has read the first write back (a click away, then a Tab).
    fireEvent.blur(note);
    fireEvent.focus(note);
    fireEvent.blur(note);
    await waitFor(async () => expect((await stored(store, org))?.notes?.members).toBe('新建了一个班级团支部'), { timeout: 5000 });

    // A comment on another figure rewrites the report's comments, the first one with it.
    act(() => cell(0, 4).focus());
    fireEvent.focus(cell(0, 4));
    await waitFor(() => expect(screen.getByTestId('cell-title').textContent).toContain('团干部'));
    const cadresNote = screen.getByTestId('cell-note');
    fireEvent.change(cadresNote, { target: { value: '换届' } });
    fireEvent.blur(cadresNote);
    await waitFor(async () => expect((await stored(store, org))?.notes).toEqual({ members: '新建了一个班级团支部', cadres: '换届' }), { timeout: 5000 });

    const log = await readRowHistory(store.db, 'statReport', reportId(ROUND, org.id));
    expect(log.filter((c) => 'notes' in c.fields)).toHaveLength(2);
    act(() => cell(0, 0).focus());
    fireEvent.focus(cell(0, 0));
    await waitFor(() => expect(screen.getByTestId('cell-history').querySelectorAll('li[data-kind="note"]')).toHaveLength(1), { timeout: 5000 });
  }, 60_000);
});
