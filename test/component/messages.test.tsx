import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import Dialog from '@mui/material/Dialog';
import { useEffect, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Messages, useMessages } from '../../renderer/src/app/Messages';
import { describeStoreError } from '../../renderer/src/store/errors';
import { renderInApp } from './renderInApp';

function Harness({ error }: { error: unknown }) {
  const state = useMessages();
  const { notify } = state;
  useEffect(() => notify(describeStoreError(error)), [notify, error]);
  return <Messages state={state} />;
}

describe('an error message', () => {
  it('a fault says so in the person’s language, and gives its technical cause on request to copy', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fault = Object.assign(new Error('Transaction committed too early'), { name: 'PrematureCommitError' });
    await renderInApp(<Harness error={fault} />, { lang: 'ug' });
    const alert = await screen.findByTestId('app-message');
    expect(alert.textContent).toContain('ئىچكى خاتالىقى');
    expect(screen.queryByTestId('message-detail-text')).toBeNull();
    await act(async () => fireEvent.click(screen.getByTestId('message-details')));
    expect(screen.getByTestId('message-detail-text').textContent).toBe('PrematureCommitError: Transaction committed too early');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('PrematureCommitError'));
    warn.mockRestore();
  });

  it('a failure with a known cause says what to do and has no details', async () => {
    await renderInApp(<Harness error={Object.assign(new Error('quota'), { name: 'QuotaExceededError' })} />);
    expect((await screen.findByTestId('app-message')).textContent).toContain('磁盘空间不足');
    expect(screen.queryByTestId('message-details')).toBeNull();
  });
});

function Notifier({ message }: { message: Parameters<ReturnType<typeof useMessages>['notify']>[0] }) {
  const state = useMessages();
  const { notify } = state;
  useEffect(() => notify(message), [notify, message]);
  return <Messages state={state} />;
}

describe('a message once read', () => {
  it('"已开启新一轮报表" goes when the person goes to another page, and does not follow them onto it', async () => {
    window.location.hash = '#/rounds';
    await renderInApp(<Notifier message={{ severity: 'success', key: 'stats:rounds.opened' }} />);
    expect((await screen.findByTestId('app-message')).textContent).toContain('已开启新一轮报表');
    await act(async () => {
      window.location.hash = '#/entry';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await waitFor(() => expect(screen.queryByTestId('app-message')).toBeNull());
  });

  it('an error stays until closed, on any page', async () => {
    window.location.hash = '#/sync';
    await renderInApp(<Notifier message={{ severity: 'error', key: 'stats:workflow.locked' }} />);
    await screen.findByTestId('app-message');
    await act(async () => {
      window.location.hash = '#/entry';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(screen.getByTestId('app-message').getAttribute('data-key')).toBe('stats:workflow.locked');
  });

  it('"已保存到 U 盘" goes when a dialog opens over the page (it would cover the dialog\'s buttons); an error stays', async () => {
    for (const severity of ['success', 'info', 'error'] as const) {
      let open: (o: boolean) => void = () => {};
      const message = { severity, key: 'stats:rounds.opened' };
      function WithDialog() {
        const [shown, setShown] = useState(false);
        open = setShown;
        return (
          <>
            <Notifier message={message} />
            <Dialog open={shown}>
              <button type="button">取消</button>
            </Dialog>
          </>
        );
      }
      await renderInApp(<WithDialog />);
      await screen.findByTestId('app-message');
      await act(async () => open(true));
      await screen.findByRole('dialog');
      if (severity === 'error') expect(screen.getByTestId('app-message')).toBeTruthy();
      // Well before a success message would fade by itself (6 s).
      else await waitFor(() => expect(screen.queryByTestId('app-message')).toBeNull(), { timeout: 1500 });
      cleanup();
    }
  });

  it('a message a dialog\'s own action gives stays while that dialog closes', async () => {
    function SaveDialog() {
      const state = useMessages();
      const [shown, setShown] = useState(true);
      return (
        <>
          <Dialog open={shown}>
            <button
              type="button"
              onClick={() => {
                state.notify({ severity: 'success', key: 'stats:rounds.opened' });
                setShown(false);
              }}
            >
              保存
            </button>
          </Dialog>
          <Messages state={state} />
        </>
      );
    }
    await renderInApp(<SaveDialog />);
    await act(async () => fireEvent.click(screen.getByText('保存')));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByTestId('app-message').textContent).toContain('已开启新一轮报表');
  });
});
