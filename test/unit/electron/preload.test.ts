import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS, type Bridge, type MenuCommand } from '../../../shared/bridge';

type RendererListener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const invocations: unknown[][] = [];
  const listeners = new Map<string, Set<RendererListener>>();
  const replies = new Map<string, unknown>();
  return {
    exposed,
    invocations,
    listeners,
    replies,
    module: {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
      },
      ipcRenderer: {
        invoke: async (channel: string, ...args: unknown[]) => {
          invocations.push([channel, ...args]);
          return replies.get(channel);
        },
        on: (channel: string, listener: RendererListener) => {
          const set = listeners.get(channel) ?? new Set();
          set.add(listener);
          listeners.set(channel, set);
        },
        removeListener: (channel: string, listener: RendererListener) => {
          listeners.get(channel)?.delete(listener);
        },
      },
    },
  };
});

vi.mock('electron', () => electron.module);

async function loadBridge(): Promise<Bridge> {
  await import('../../../electron/preload');
  const bridge = electron.exposed.get('leagueDesk');
  if (bridge === undefined) throw new Error('preload exposed nothing as leagueDesk');
  return bridge as Bridge;
}

function sendFromMain(channel: string, ...args: unknown[]): void {
  const fakeEvent = { sender: 'ipcRenderer itself' };
  for (const listener of electron.listeners.get(channel) ?? []) listener(fakeEvent, ...args);
}

describe('the preload bridge', () => {
  beforeEach(() => {
    electron.invocations.length = 0;
    electron.replies.clear();
  });

  it('exposes the whole Bridge contract as window.leagueDesk', async () => {
    const bridge = await loadBridge();

    expect(Object.keys(bridge).sort()).toEqual(
      ['appInfo', 'hub', 'onMenuCommand', 'openFiles', 'pickFiles', 'printToPdf', 'readPickedFile', 'saveFile', 'setLanguage', 'writeBackupFile'].sort(),
    );
    expect(Object.keys(bridge.hub!).sort()).toEqual(['config', 'configure', 'request']);
  });

  it('sends each call on its own channel with the request unchanged, and returns the reply', async () => {
    const bridge = await loadBridge();
    const data = new Uint8Array([1, 2, 3]);
    electron.replies.set(BRIDGE_CHANNELS.saveFile, { status: 'saved', path: '/tmp/a.xlsx', verified: true });

    const saved = await bridge.saveFile({ suggestedName: 'a.xlsx', data });
    await bridge.openFiles({ multiple: true });
    await bridge.pickFiles!({ multiple: true });
    await bridge.readPickedFile!('token-of-a-picked-file');
    await bridge.printToPdf({ suggestedName: 'r.pdf', landscape: true });
    await bridge.appInfo();

    expect(saved).toEqual({ status: 'saved', path: '/tmp/a.xlsx', verified: true });
    expect(electron.invocations).toEqual([
      [BRIDGE_CHANNELS.saveFile, { suggestedName: 'a.xlsx', data }],
      [BRIDGE_CHANNELS.openFiles, { multiple: true }],
      [BRIDGE_CHANNELS.pickFiles, { multiple: true }],
      [BRIDGE_CHANNELS.readPickedFile, 'token-of-a-picked-file'],
      [BRIDGE_CHANNELS.printToPdf, { suggestedName: 'r.pdf', landscape: true }],
      [BRIDGE_CHANNELS.appInfo],
    ]);
  });

  it('sends the hub calls on their own channels; the password goes to the main process only', async () => {
    const bridge = await loadBridge();
    electron.replies.set(BRIDGE_CHANNELS.hubRequest, { ok: true, status: 200, body: {} });
    const request = { method: 'GET' as const, path: '_changes', query: { since: '0' } };
    const account = { url: 'http://127.0.0.1:5984/league-lt', user: 'town03-pc', password: 'p-123456', scope: 'LT-03' };

    await expect(bridge.hub!.request(request)).resolves.toEqual({ ok: true, status: 200, body: {} });
    await bridge.hub!.config();
    await bridge.hub!.configure(account);
    await bridge.hub!.configure(null);

    expect(electron.invocations).toEqual([
      [BRIDGE_CHANNELS.hubRequest, request],
      [BRIDGE_CHANNELS.hubConfig],
      [BRIDGE_CHANNELS.hubConfigure, account],
      [BRIDGE_CHANNELS.hubConfigure, null],
    ]);
  });

  it('setLanguage resolves to nothing whatever the main process answers', async () => {
    const bridge = await loadBridge();
    electron.replies.set(BRIDGE_CHANNELS.setLanguage, 'something internal');

    await expect(bridge.setLanguage('ug')).resolves.toBeUndefined();
    expect(electron.invocations).toEqual([[BRIDGE_CHANNELS.setLanguage, 'ug']]);
  });

  it('passes menu commands to the listener without the IPC event, until unsubscribed', async () => {
    const bridge = await loadBridge();
    const received: unknown[][] = [];
    const unsubscribe = bridge.onMenuCommand((...args: unknown[]) => received.push(args));
    const about: MenuCommand = { type: 'about' };

    sendFromMain(BRIDGE_CHANNELS.menuCommand, about);
    unsubscribe();
    sendFromMain(BRIDGE_CHANNELS.menuCommand, { type: 'setLanguage', lang: 'ug' });

    expect(received).toEqual([[about]]);
    expect(electron.listeners.get(BRIDGE_CHANNELS.menuCommand)?.size).toBe(0);
  });
});
