import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../../shared/bridge';
import { Shell } from '../../../renderer/src/app/Shell';
import { renderInApp } from '../renderInApp';
import { giveRole } from './giveRole';

/*
 * The shell lists what this PC's role may use, live: the same PC, given another certificate, lists
 * other pages (the full matrix over roles is test/unit/app/features.test.ts).
 */

const bridge: Partial<Bridge> = {
  appInfo: vi.fn(async () => ({ name: 'League Desk', version: '0.1.0', mode: 'browser' as const, platform: 'linux', dataFolder: '', portable: false })),
  onMenuCommand: () => () => undefined,
};
const listed = () => within(screen.getByTestId('nav')).getAllByRole('link').map((a) => a.getAttribute('href'));

describe('the navigation follows the standing', () => {
  it('the county lists rounds and targets; as a township officer they are gone; as a judge, only the contests and the exchange of files', async () => {
    window.location.hash = '#/rounds';
    const { store } = await renderInApp(<Shell />, { demo: true, bridge });
    await waitFor(() => expect(listed()).toEqual(expect.arrayContaining(['#/rounds', '#/targets', '#/contests'])), { timeout: 10_000 });
    await giveRole(store, { role: 'townshipOfficer', scope: 'LT-01' });
    await waitFor(() => expect(listed()).not.toContain('#/rounds'), { timeout: 10_000 });
    expect(listed()).not.toContain('#/targets');
    expect(listed()).not.toContain('#/contests');
    expect(listed()).toContain('#/entry');
    // The address named rounds: the township PC shows its first page instead.
    expect(await screen.findByTestId('overview', {}, { timeout: 10_000 })).toBeTruthy();

    await giveRole(store, { role: 'judge', scope: 'LT', judging: [{ contest: 'demo-contest-essay-2025', judge: 'j2' }] });
    await waitFor(() => expect(listed()).not.toContain('#/entry'), { timeout: 10_000 });
    expect(listed().filter((href) => href !== '#/enroll' && href !== '#/conflicts')).toEqual(['#/contests', '#/sync', '#/about']);
    expect(await screen.findByTestId('contests', {}, { timeout: 10_000 })).toBeTruthy();
  }, 40_000);
});
