/**
 * The Sync page's first card depends on whether this PC holds anything: "restore" while it holds
 * nothing, "receive" (with "send") after. Until the count is read, it offers neither — before, a
 * PC holding nothing showed "receive" first and swapped it for "restore" under the pointer.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SyncPage } from '../../../renderer/src/features/sync/SyncPage';
import { renderInApp } from '../renderInApp';

const bridge = { appInfo: async () => ({ name: 'League Desk', version: '0.1.0', mode: 'browser' as const, platform: 'linux', dataFolder: null, portable: false }) };

describe('the Sync page’s first card', () => {
  it('on a PC holding nothing: a progress bar, then restore — never receive', async () => {
    await renderInApp(<SyncPage />, { bridge });
    // The first render, before the count is read.
    expect(screen.queryByTestId('import-bundle')).toBeNull();
    expect(screen.queryByTestId('restore-bundle')).toBeNull();
    expect(screen.getByTestId('sync-loading')).toBeTruthy();
    await screen.findByTestId('restore-bundle');
    expect(screen.queryByTestId('import-bundle')).toBeNull();
    expect(screen.queryByTestId('sync-loading')).toBeNull();
  });

  it('on a PC holding data: receive and send, no restore', async () => {
    await renderInApp(<SyncPage />, { demo: true, bridge });
    await screen.findByTestId('import-bundle');
    expect(screen.queryByTestId('restore-bundle')).toBeNull();
  });
});
