import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS, MAX_BRIDGE_FILE_BYTES, type OpenResult } from '../../../shared/bridge';
import zhMenu from '../../../locales/zh-CN/menu.json';
import { FOREIGN_SENDERS, bytes, createBridgeHarness, fsError, text } from './fakes';

const JULY = '/media/usb/轮台镇/7月.leaguesync';
const AUGUST = '/media/usb/轮台镇/8月.leaguesync';

describe('bridge.openFiles', () => {
  it('reads every file the person picked and returns names and bytes, never paths', async () => {
    const bridge = createBridgeHarness();
    bridge.fs.files.set(JULY, bytes('july bundle'));
    bridge.fs.files.set(AUGUST, bytes('august bundle'));
    bridge.dialogs.chooseOpenPaths(JULY, AUGUST);

    const result = (await bridge.invoke(BRIDGE_CHANNELS.openFiles, {
      multiple: true,
      filters: [{ nameKey: 'leaguesync', extensions: ['leaguesync'] }],
    })) as OpenResult;

    expect(result.status).toBe('opened');
    if (result.status !== 'opened') return;
    expect(result.files.map((file) => [file.name, text(file.data)])).toEqual([
      ['7月.leaguesync', 'july bundle'],
      ['8月.leaguesync', 'august bundle'],
    ]);
    expect(bridge.dialogs.openOptions[0]?.properties).toEqual(['openFile', 'multiSelections']);
    expect(bridge.dialogs.openOptions[0]?.filters).toEqual([
      { name: zhMenu.fileTypes.leaguesync, extensions: ['leaguesync'] },
    ]);
  });

  it('asks for a single file when multiple is false', async () => {
    const bridge = createBridgeHarness();

    await bridge.invoke(BRIDGE_CHANNELS.openFiles, { multiple: false });

    expect(bridge.dialogs.openOptions[0]?.properties).toEqual(['openFile']);
    expect(bridge.dialogs.openOptions[0]?.filters).toBeUndefined();
  });

  it('a cancelled dialog is reported as cancelled', async () => {
    const bridge = createBridgeHarness();

    expect(await bridge.invoke(BRIDGE_CHANNELS.openFiles, { multiple: true })).toEqual({ status: 'cancelled' });
  });

  it('refuses a file over the bridge limit without reading it', async () => {
    const bridge = createBridgeHarness();
    bridge.fs.files.set(JULY, bytes('small'));
    bridge.fs.files.set(AUGUST, bytes('pretends to be huge'));
    bridge.fs.reportedSizes.set(AUGUST, MAX_BRIDGE_FILE_BYTES + 1);
    bridge.dialogs.chooseOpenPaths(JULY, AUGUST);

    const result = await bridge.invoke(BRIDGE_CHANNELS.openFiles, { multiple: true });

    expect(result).toEqual({ status: 'error', reason: 'file-too-large' });
    expect(bridge.fs.calls.filter((call) => call.startsWith('readFile'))).toEqual([]);
  });

  it('refuses files that are each allowed but together over the limit, since they travel in one reply', async () => {
    const bridge = createBridgeHarness();
    bridge.fs.files.set(JULY, bytes('a'));
    bridge.fs.files.set(AUGUST, bytes('b'));
    bridge.fs.reportedSizes.set(JULY, MAX_BRIDGE_FILE_BYTES / 2 + 1);
    bridge.fs.reportedSizes.set(AUGUST, MAX_BRIDGE_FILE_BYTES / 2 + 1);
    bridge.dialogs.chooseOpenPaths(JULY, AUGUST);

    expect(await bridge.invoke(BRIDGE_CHANNELS.openFiles, { multiple: true })).toEqual({
      status: 'error',
      reason: 'file-too-large',
    });
  });

  it.each([
    ['EACCES', 'no-permission'],
    ['EPERM', 'no-permission'],
    ['EIO', 'read-failed'],
  ])('a read failing with %s is reported as %s', async (code, reason) => {
    const bridge = createBridgeHarness();
    bridge.fs.files.set(JULY, bytes('july'));
    bridge.fs.failRead.set(JULY, fsError(code));
    bridge.dialogs.chooseOpenPaths(JULY);

    expect(await bridge.invoke(BRIDGE_CHANNELS.openFiles, { multiple: false })).toEqual({ status: 'error', reason });
  });

  it('a file removed after it was picked (USB drive pulled out) is reported as read-failed', async () => {
    const bridge = createBridgeHarness();
    bridge.dialogs.chooseOpenPaths(JULY);

    expect(await bridge.invoke(BRIDGE_CHANNELS.openFiles, { multiple: false })).toEqual({
      status: 'error',
      reason: 'read-failed',
    });
  });

  it('never sends the renderer more memory than the file itself', async () => {
    // A Buffer can be a window into a larger allocation; IPC would copy the whole allocation.
    const pool = bytes('SECRET-NEIGHBOUR|july bundle|MORE-SECRETS');
    const view = pool.subarray(17, 28);
    const bridge = createBridgeHarness();
    bridge.fs.files.set(JULY, view);
    bridge.fs.readFile = async () => view;
    bridge.dialogs.chooseOpenPaths(JULY);

    const result = (await bridge.invoke(BRIDGE_CHANNELS.openFiles, { multiple: false })) as OpenResult;

    expect(result.status).toBe('opened');
    if (result.status !== 'opened') return;
    const data = result.files[0]?.data;
    expect(text(data)).toBe('july bundle');
    expect(data?.buffer.byteLength).toBe('july bundle'.length);
  });

  it.each([
    ['no request', undefined],
    ['multiple as text', { multiple: 'yes' }],
    ['too many filters', { multiple: true, filters: Array(11).fill({ nameKey: 'all', extensions: ['*'] }) }],
  ])('refuses %s as invalid-request without showing a dialog', async (_case, raw) => {
    const bridge = createBridgeHarness();

    expect(await bridge.invoke(BRIDGE_CHANNELS.openFiles, raw)).toEqual({ status: 'error', reason: 'invalid-request' });
    expect(bridge.dialogs.openOptions).toEqual([]);
  });

  it.each(FOREIGN_SENDERS)('refuses %s as forbidden-sender without showing a dialog', async (_case, event) => {
    const bridge = createBridgeHarness();
    bridge.fs.files.set(JULY, bytes('july'));
    bridge.dialogs.chooseOpenPaths(JULY);

    const result = await bridge.invokeAs(event, BRIDGE_CHANNELS.openFiles, { multiple: false });

    expect(result).toEqual({ status: 'error', reason: 'forbidden-sender' });
    expect(bridge.dialogs.openOptions).toEqual([]);
  });
});
