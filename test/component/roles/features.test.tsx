import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { placeOfCommittee } from '../../../shared/jobs/places';
import { describe, expect, it } from 'vitest';
import { DEMO_CONTEST_ID, demoContest } from '../../../shared/contests/demo';
import { saveContestWrites } from '../../../shared/contests/writes';
import { pickText } from '../../../shared/i18n/lang';
import { ORG_TABLE } from '../../../shared/orgs/tables';
import { ContestsPage } from '../../../renderer/src/features/contests/ContestsPage';
import { JobsPage } from '../../../renderer/src/features/jobs/JobsPage';
import { OrgsPage } from '../../../renderer/src/features/orgs/OrgsPage';
import { renderInApp } from '../renderInApp';
import { giveRole } from './giveRole';

/*
 * Beyond statistics, what each role is offered (issue 14): the organisation tree is edited on the
 * county's PC only; notices need the jobs grant; a judge scores only as its assigned judge and runs
 * no contest. The county administrator (the demo) is offered all of it.
 */

describe('what other screens offer per role', () => {
  it('organisations: the county edits the tree; a township officer reads it', async () => {
    window.location.hash = '#/orgs';
    const { store } = await renderInApp(<OrgsPage />, { demo: true });
    fireEvent.change(await screen.findByTestId('org-search', {}, { timeout: 10_000 }), { target: { value: 'LT-01' } });
    fireEvent.click((await screen.findAllByTestId('org-result'))[0]!);
    expect(await screen.findByTestId('org-edit')).toBeTruthy();
    await giveRole(store, { role: 'townshipOfficer', scope: 'LT-01' });
    await waitFor(() => expect(screen.queryByTestId('org-edit')).toBeNull(), { timeout: 10_000 });
    expect(screen.queryByTestId('org-create-child')).toBeNull();
    expect(screen.getByTestId('org-details').getAttribute('data-code')).toBe('LT-01');
  }, 30_000);

  it('jobs: no new notice without the jobs grant; with it, the button is there', async () => {
    window.location.hash = '#/jobs';
    const { store } = await renderInApp(<JobsPage />, { demo: true });
    expect(await screen.findByTestId('notice-new', {}, { timeout: 10_000 })).toBeTruthy();
    await giveRole(store, { role: 'townshipOfficer', scope: 'LT-01' });
    await waitFor(() => expect(screen.queryByTestId('notice-new')).toBeNull(), { timeout: 10_000 });
    await giveRole(store, { role: 'townshipOfficer', scope: 'LT-01', grants: ['jobs'] });
    expect(await screen.findByTestId('notice-new', {}, { timeout: 10_000 })).toBeTruthy();
  }, 30_000);

  it('contests: a judge chooses only its own judge id and cannot edit the contest', async () => {
    window.location.hash = `#/contests?contest=${DEMO_CONTEST_ID}&view=judging`;
    const { store } = await renderInApp(<ContestsPage />, { demo: true });
    expect(await screen.findByTestId('contest-edit', {}, { timeout: 10_000 })).toBeTruthy();
    const all = (await screen.findAllByTestId('judge-progress')).length;
    expect(all).toBeGreaterThan(1);
    await giveRole(store, { role: 'judge', scope: 'LT', judging: [{ contest: DEMO_CONTEST_ID, judge: 'j2' }] });
    await waitFor(() => expect(screen.queryByTestId('contest-edit')).toBeNull(), { timeout: 10_000 });
    await waitFor(() => expect(screen.getAllByTestId('judge-progress')).toHaveLength(1));
  }, 30_000);

  it('a judge PC lists only the contests it scores in, and opens them on the blind judging alone, its judge chosen', async () => {
    window.location.hash = '#/contests';
    const { store } = await renderInApp(<ContestsPage />, { demo: true });
    await store.repo.write(saveContestWrites({ ...demoContest(), id: 'contest-other', title: { zh: '另一个比赛' }, createdAt: '2025-05-01T00:00:00.000Z' }, 'LT'));
    await waitFor(() => expect(screen.getAllByTestId('contest-row')).toHaveLength(2), { timeout: 10_000 });
    await giveRole(store, { role: 'judge', scope: 'LT', judging: [{ contest: DEMO_CONTEST_ID, judge: 'j2' }] });
    await waitFor(() => expect(screen.getAllByTestId('contest-row')).toHaveLength(1), { timeout: 10_000 });
    expect(screen.queryByText('另一个比赛')).toBeNull();
    expect(screen.queryByTestId('contest-new')).toBeNull();
  }, 30_000);

  it('a judge PC opening a contest sees the judging tab alone, whatever view the address names; another contest is not found', async () => {
    window.location.hash = `#/contests?contest=${DEMO_CONTEST_ID}&view=entries`;
    const { store } = await renderInApp(<ContestsPage />, { demo: true });
    await store.repo.write(saveContestWrites({ ...demoContest(), id: 'contest-other', title: { zh: '另一个比赛' }, createdAt: '2025-05-01T00:00:00.000Z' }, 'LT'));
    expect(await screen.findByTestId('entries', {}, { timeout: 10_000 })).toBeTruthy();
    await giveRole(store, { role: 'judge', scope: 'LT', judging: [{ contest: DEMO_CONTEST_ID, judge: 'j2' }] });
    await waitFor(() => expect(screen.queryByTestId('entries')).toBeNull(), { timeout: 10_000 });
    expect(screen.getAllByRole('tab').map((t) => t.getAttribute('data-testid'))).toEqual(['contest-tab-judging']);
    // Its one judge is chosen already (the demo's judges have scored every entry: it is done).
    await waitFor(() => expect((screen.getByTestId('judge-select') as HTMLInputElement).value).toBe('j2'), { timeout: 10_000 });
    expect(await screen.findByTestId('judging-done')).toBeTruthy();
    for (const view of ['ranking', 'certificates', 'gallery']) {
      window.location.hash = `#/contests?contest=${DEMO_CONTEST_ID}&view=${view}`;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await waitFor(() => expect(screen.getByTestId('judging')).toBeTruthy());
      expect(screen.queryByTestId('ranking')).toBeNull();
    }
    window.location.hash = '#/contests?contest=contest-other&view=entries';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(await screen.findByText('找不到这个比赛，可能已被删除。')).toBeTruthy();
  }, 30_000);

  it("the notice form's township list on a township officer's PC is its own township alone, chosen already", async () => {
    window.location.hash = '#/jobs';
    const { store } = await renderInApp(<JobsPage />, { demo: true });
    await giveRole(store, { role: 'townshipOfficer', scope: 'LT-01', grants: ['jobs'] });
    const own = (await store.db.rows(ORG_TABLE).filter((r) => r.code === 'LT-01').first())!;
    fireEvent.click(await screen.findByTestId('notice-new', {}, { timeout: 10_000 }));
    const picker = (await screen.findByTestId('notice-township')) as HTMLInputElement;
    await waitFor(() => expect(picker.value).toBe(own.id));
    fireEvent.mouseDown(within(picker.parentElement!).getByRole('combobox'));
    const options = within(await screen.findByRole('listbox')).getAllByRole('option');
    // Listed by its place name (the town, not its committee: shared/jobs/places.ts).
    expect(options.map((o) => o.textContent)).toEqual([pickText(placeOfCommittee(own.name as { zh?: string; ug?: string }), 'zh-CN').text]);
  }, 30_000);
});
