import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS, MAX_BRIDGE_FILE_BYTES } from '../../../shared/bridge';
import ugMenu from '../../../locales/ug/menu.json';
import { DOCUMENTS, FOREIGN_SENDERS, bytes, createBridgeHarness, fsError, text } from './fakes';

const TARGET = '/media/usb/2024年第三季度统计.xlsx';
const request = (overrides: Record<string, unknown> = {}) => ({
  suggestedName: '2024年第三季度统计.xlsx',
  data: bytes('spreadsheet bytes'),
  filters: [{ nameKey: 'xlsx', extensions: ['xlsx'] }],
  ...overrides,
});

describe('bridge.saveFile', () => {
  it('writes the bytes to a temporary file in the chosen folder, then renames it to the chosen name', async () => {
    const bridge = createBridgeHarness();
    bridge.dialogs.chooseSavePath(TARGET);

    const result = await bridge.invoke(BRIDGE_CHANNELS.saveFile, request());

    expect(result).toEqual({ status: 'saved', path: TARGET, verified: true });
    expect(text(bridge.fs.files.get(TARGET))).toBe('spreadsheet bytes');
    expect(bridge.fs.calls.at(-1)).toBe(`readFile ${TARGET}`);
    expect([...bridge.fs.files.keys()]).toEqual([TARGET]);

    const [write, rename] = bridge.fs.calls;
    const temporary = write?.replace('writeFile ', '') ?? '';
    expect(temporary).not.toBe(TARGET);
    expect(path.dirname(temporary)).toBe(path.dirname(TARGET));
    expect(rename).toBe(`rename ${temporary} -> ${TARGET}`);
  });

  it('reads the file back and, when the drive returned other bytes, removes it and says so', async () => {
    const bridge = createBridgeHarness();
    bridge.dialogs.chooseSavePath(TARGET);
    bridge.fs.corruptOnDisk = true;

    const result = await bridge.invoke(BRIDGE_CHANNELS.saveFile, request());

    expect(result).toEqual({ status: 'error', reason: 'verify-failed' });
    expect(bridge.fs.files.has(TARGET)).toBe(false);
  });

  it('opens the dialog in Documents with the suggested name and the file types in the current language', async () => {
    const bridge = createBridgeHarness();
    await bridge.invoke(BRIDGE_CHANNELS.setLanguage, 'ug');

    await bridge.invoke(BRIDGE_CHANNELS.saveFile, request());

    expect(bridge.dialogs.saveOptions).toHaveLength(1);
    expect(bridge.dialogs.saveOptions[0]?.defaultPath).toBe(path.join(DOCUMENTS, '2024年第三季度统计.xlsx'));
    expect(bridge.dialogs.saveOptions[0]?.filters).toEqual([{ name: ugMenu.fileTypes.xlsx, extensions: ['xlsx'] }]);
  });

  it('a cancelled dialog is reported as cancelled and writes nothing', async () => {
    const bridge = createBridgeHarness();

    const result = await bridge.invoke(BRIDGE_CHANNELS.saveFile, request());

    expect(result).toEqual({ status: 'cancelled' });
    expect(bridge.fs.calls).toEqual([]);
  });

  it('a full disk reports disk-full and leaves no file at all, neither under the chosen name nor half written', async () => {
    const bridge = createBridgeHarness();
    bridge.dialogs.chooseSavePath(TARGET);
    bridge.fs.failWrite = fsError('ENOSPC');

    const result = await bridge.invoke(BRIDGE_CHANNELS.saveFile, request());

    expect(result).toEqual({ status: 'error', reason: 'disk-full' });
    expect(bridge.fs.files.has(TARGET)).toBe(false);
    expect(bridge.fs.files.size).toBe(0);
  });

  it('a failed save keeps the previous file of the same name intact', async () => {
    const bridge = createBridgeHarness();
    bridge.fs.files.set(TARGET, bytes('last quarter, complete'));
    bridge.dialogs.chooseSavePath(TARGET);
    bridge.fs.failWrite = fsError('ENOSPC');

    await bridge.invoke(BRIDGE_CHANNELS.saveFile, request());

    expect(text(bridge.fs.files.get(TARGET))).toBe('last quarter, complete');
  });

  it.each([
    ['EACCES', 'no-permission'],
    ['EPERM', 'no-permission'],
    ['EROFS', 'no-permission'],
    ['EIO', 'write-failed'],
    ['ENOENT', 'write-failed'],
  ])('a write failing with %s is reported as %s', async (code, reason) => {
    const bridge = createBridgeHarness();
    bridge.dialogs.chooseSavePath(TARGET);
    bridge.fs.failWrite = fsError(code);

    expect(await bridge.invoke(BRIDGE_CHANNELS.saveFile, request())).toEqual({ status: 'error', reason });
  });

  it('a rename refused because the old file is open elsewhere (EPERM) cleans up the temporary file', async () => {
    const bridge = createBridgeHarness();
    bridge.fs.files.set(TARGET, bytes('open in WPS'));
    bridge.dialogs.chooseSavePath(TARGET);
    bridge.fs.failRename = fsError('EPERM');

    const result = await bridge.invoke(BRIDGE_CHANNELS.saveFile, request());

    expect(result).toEqual({ status: 'error', reason: 'no-permission' });
    expect([...bridge.fs.files.keys()]).toEqual([TARGET]);
    expect(text(bridge.fs.files.get(TARGET))).toBe('open in WPS');
  });

  it('refuses data over the bridge limit before showing a dialog', async () => {
    // A view that claims to be one byte over the limit, so the test does not allocate 512 MB.
    class OversizedBytes extends Uint8Array {
      override get byteLength(): number {
        return MAX_BRIDGE_FILE_BYTES + 1;
      }
    }
    const bridge = createBridgeHarness();
    bridge.dialogs.chooseSavePath(TARGET);

    const result = await bridge.invoke(BRIDGE_CHANNELS.saveFile, request({ data: new OversizedBytes(4) }));

    expect(result).toEqual({ status: 'error', reason: 'file-too-large' });
    expect(bridge.dialogs.saveOptions).toEqual([]);
  });

  it.each([
    ['no request at all', undefined],
    ['a string instead of a request', 'report.xlsx'],
    ['a name that climbs out of the folder', request({ suggestedName: '../../Windows/report.xlsx' })],
    ['a name with a Windows drive', request({ suggestedName: 'C:report.xlsx' })],
    ['an empty name', request({ suggestedName: '' })],
    ['data as a plain array', request({ data: [1, 2, 3] })],
    ['data as a string', request({ data: 'bytes' })],
    ['an unknown file type', request({ filters: [{ nameKey: 'exe', extensions: ['exe'] }] })],
    ['an extension with a dot', request({ filters: [{ nameKey: 'xlsx', extensions: ['.xlsx'] }] })],
  ])('refuses %s as invalid-request without showing a dialog', async (_case, raw) => {
    const bridge = createBridgeHarness();
    bridge.dialogs.chooseSavePath(TARGET);

    expect(await bridge.invoke(BRIDGE_CHANNELS.saveFile, raw)).toEqual({ status: 'error', reason: 'invalid-request' });
    expect(bridge.dialogs.saveOptions).toEqual([]);
    expect(bridge.fs.calls).toEqual([]);
  });

  it.each(FOREIGN_SENDERS)('refuses %s as forbidden-sender without showing a dialog', async (_case, event) => {
    const bridge = createBridgeHarness();
    bridge.dialogs.chooseSavePath(TARGET);

    const result = await bridge.invokeAs(event, BRIDGE_CHANNELS.saveFile, request());

    expect(result).toEqual({ status: 'error', reason: 'forbidden-sender' });
    expect(bridge.dialogs.saveOptions).toEqual([]);
    expect(bridge.fs.calls).toEqual([]);
  });

  it('refuses every sender once our window is gone', async () => {
    const bridge = createBridgeHarness({ trustedFrame: () => null });
    bridge.dialogs.chooseSavePath(TARGET);

    expect(await bridge.invoke(BRIDGE_CHANNELS.saveFile, request())).toEqual({
      status: 'error',
      reason: 'forbidden-sender',
    });
  });
});
