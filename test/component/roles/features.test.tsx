import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_CONTEST_ID } from '../../../shared/contests/demo';
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
});
