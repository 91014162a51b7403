import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS, MAX_BRIDGE_FILE_BYTES, MAX_PICKED_FILES, type PickResult, type ReadPickedResult } from '../../../shared/bridge';
import zhMenu from '../../../locales/zh-CN/menu.json';
import { FOREIGN_SENDERS, MAIN_FRAME, bytes, createBridgeHarness, eventFrom, fsError, text } from './fakes';

const A = '/media/usb/摄影/IMG_0001.jpg';
const B = '/media/usb/摄影/IMG_0002.jpg';

async function pick(bridge: ReturnType<typeof createBridgeHarness>, ...paths: string[]) {
  for (const p of paths) if (!bridge.fs.files.has(p)) bridge.fs.files.set(p, bytes(`photo ${p}`));
  bridge.dialogs.chooseOpenPaths(...paths);
  const result = (await bridge.invoke(BRIDGE_CHANNELS.pickFiles, {
    multiple: true,
    filters: [{ nameKey: 'images', extensions: ['jpg', 'jpeg', 'png'] }],
  })) as PickResult;
  if (result.status !== 'picked') throw new Error(`not picked: ${JSON.stringify(result)}`);
  return result.files;
}

describe('bridge.pickFiles and bridge.readPickedFile', () => {
  it('a pick answers names, sizes and opaque tokens without reading any file; each file is read on demand', async () => {
    const bridge = createBridgeHarness();
    const files = await pick(bridge, A, B);

    expect(files.map((f) => [f.name, f.size])).toEqual([
      ['IMG_0001.jpg', bytes(`photo ${A}`).byteLength],
      ['IMG_0002.jpg', bytes(`photo ${B}`).byteLength],
    ]);
    for (const f of files) {
      expect(f.token).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
      expect(f.token).not.toContain('usb');
    }
    expect(bridge.fs.calls.filter((c) => c.startsWith('readFile'))).toEqual([]);
    expect(bridge.dialogs.openOptions[0]?.properties).toEqual(['openFile', 'multiSelections']);
    expect(bridge.dialogs.openOptions[0]?.filters).toEqual([{ name: zhMenu.fileTypes.images, extensions: ['jpg', 'jpeg', 'png'] }]);

    const second = (await bridge.invoke(BRIDGE_CHANNELS.readPickedFile, files[1]!.token)) as ReadPickedResult;
    expect(second.status).toBe('read');
    if (second.status === 'read') expect(text(second.data)).toBe(`photo ${B}`);
    expect(bridge.fs.calls.filter((c) => c.startsWith('readFile'))).toEqual([`readFile ${B}`]);
  });

  it('a token is good for one read', async () => {
    const bridge = createBridgeHarness();
    const [file] = await pick(bridge, A);

    expect(((await bridge.invoke(BRIDGE_CHANNELS.readPickedFile, file!.token)) as ReadPickedResult).status).toBe('read');
    expect(await bridge.invoke(BRIDGE_CHANNELS.readPickedFile, file!.token)).toEqual({ status: 'error', reason: 'unknown-file' });
  });

  it('refuses a forged token (well formed, never issued) without touching the disk', async () => {
    const bridge = createBridgeHarness();
    await pick(bridge, A);
    bridge.fs.calls.length = 0;

    expect(await bridge.invoke(BRIDGE_CHANNELS.readPickedFile, 'AAAAAAAAAAAAAAAAAAAAAAAA')).toEqual({ status: 'error', reason: 'unknown-file' });
    expect(bridge.fs.calls).toEqual([]);
  });

  it.each([
    ['a path', '/etc/passwd'],
    ['a relative path', '../../secret.txt'],
    ['a number', 42],
    ['nothing', undefined],
    ['an object', { token: 'AAAAAAAAAAAAAAAAAAAAAAAA' }],
    ['a very long text', 'A'.repeat(65)],
  ])('refuses %s as a token as invalid-request', async (_case, raw) => {
    const bridge = createBridgeHarness();
    bridge.fs.files.set('/etc/passwd', bytes('root'));

    expect(await bridge.invoke(BRIDGE_CHANNELS.readPickedFile, raw)).toEqual({ status: 'error', reason: 'invalid-request' });
    expect(bridge.fs.calls).toEqual([]);
  });

  it('a new pick replaces the previous one: its tokens no longer work', async () => {
    const bridge = createBridgeHarness();
    const [first] = await pick(bridge, A);
    await pick(bridge, B);

    expect(await bridge.invoke(BRIDGE_CHANNELS.readPickedFile, first!.token)).toEqual({ status: 'error', reason: 'unknown-file' });
  });

  it('a token is redeemed only by the frame it was given to', async () => {
    let frame = MAIN_FRAME;
    const bridge = createBridgeHarness({ trustedFrame: () => frame });
    const [file] = await pick(bridge, A);
    // The page reloaded: a new document in the same window is a new frame token.
    frame = { ...MAIN_FRAME, frameToken: 'after-reload' };

    const result = await bridge.invokeAs(eventFrom(frame), BRIDGE_CHANNELS.readPickedFile, file!.token);

    expect(result).toEqual({ status: 'error', reason: 'unknown-file' });
  });

  it('a file that vanished after it was chosen (USB drive pulled out) is file-missing', async () => {
    const bridge = createBridgeHarness();
    const [file] = await pick(bridge, A);
    bridge.fs.files.delete(A);

    expect(await bridge.invoke(BRIDGE_CHANNELS.readPickedFile, file!.token)).toEqual({ status: 'error', reason: 'file-missing' });
  });

  it.each([
    ['EACCES', 'no-permission'],
    ['EBUSY', 'file-in-use'],
    ['EIO', 'read-failed'],
    ['ENOENT', 'file-missing'],
  ])('a read failing with %s is %s', async (code, reason) => {
    const bridge = createBridgeHarness();
    const [file] = await pick(bridge, A);
    bridge.fs.failRead.set(A, fsError(code));

    expect(await bridge.invoke(BRIDGE_CHANNELS.readPickedFile, file!.token)).toEqual({ status: 'error', reason });
  });

  it('refuses at pick time a file over the bridge limit, reading nothing', async () => {
    const bridge = createBridgeHarness();
    bridge.fs.files.set(B, bytes('pretends to be huge'));
    bridge.fs.reportedSizes.set(B, MAX_BRIDGE_FILE_BYTES + 1);
    bridge.fs.files.set(A, bytes('small'));
    bridge.dialogs.chooseOpenPaths(A, B);

    expect(await bridge.invoke(BRIDGE_CHANNELS.pickFiles, { multiple: true })).toEqual({ status: 'error', reason: 'file-too-large' });
    expect(bridge.fs.calls.filter((c) => c.startsWith('readFile'))).toEqual([]);
  });

  it('refuses at read time a file that grew over the limit since it was chosen', async () => {
    const bridge = createBridgeHarness();
    const [file] = await pick(bridge, A);
    bridge.fs.reportedSizes.set(A, MAX_BRIDGE_FILE_BYTES + 1);

    expect(await bridge.invoke(BRIDGE_CHANNELS.readPickedFile, file!.token)).toEqual({ status: 'error', reason: 'file-too-large' });
    expect(bridge.fs.calls.filter((c) => c.startsWith('readFile'))).toEqual([]);
  });

  it('many files together are fine (each travels alone), but not more than the pick limit', async () => {
    const bridge = createBridgeHarness();
    const paths = Array.from({ length: 3 }, (_, i) => `/media/usb/${i}.jpg`);
    for (const p of paths) {
      bridge.fs.files.set(p, bytes('x'));
      bridge.fs.reportedSizes.set(p, MAX_BRIDGE_FILE_BYTES / 2);
    }
    expect((await pick(bridge, ...paths)).length).toBe(3);

    bridge.dialogs.chooseOpenPaths(...Array.from({ length: MAX_PICKED_FILES + 1 }, (_, i) => `/media/usb/${i}.jpg`));
    expect(await bridge.invoke(BRIDGE_CHANNELS.pickFiles, { multiple: true })).toEqual({ status: 'error', reason: 'invalid-request' });
  });

  it('never sends the renderer more memory than the file itself', async () => {
    const pool = bytes('SECRET-NEIGHBOUR|photo bytes|MORE-SECRETS');
    const view = pool.subarray(17, 28);
    const bridge = createBridgeHarness();
    const [file] = await pick(bridge, A);
    bridge.fs.readFile = async () => view;
    bridge.fs.files.set(A, view);

    const result = (await bridge.invoke(BRIDGE_CHANNELS.readPickedFile, file!.token)) as ReadPickedResult;

    expect(result.status).toBe('read');
    if (result.status !== 'read') return;
    expect(text(result.data)).toBe('photo bytes');
    expect(result.data.buffer.byteLength).toBe('photo bytes'.length);
  });

  it('a cancelled dialog is cancelled; a bad request shows no dialog', async () => {
    const bridge = createBridgeHarness();
    expect(await bridge.invoke(BRIDGE_CHANNELS.pickFiles, { multiple: true })).toEqual({ status: 'cancelled' });
    expect(await bridge.invoke(BRIDGE_CHANNELS.pickFiles, { multiple: 'yes' })).toEqual({ status: 'error', reason: 'invalid-request' });
    expect(bridge.dialogs.openOptions.length).toBe(1);
  });

  it.each(FOREIGN_SENDERS)('refuses %s as forbidden-sender: no dialog, no read', async (_case, event) => {
    const bridge = createBridgeHarness();
    const [file] = await pick(bridge, A);
    bridge.fs.calls.length = 0;

    expect(await bridge.invokeAs(event, BRIDGE_CHANNELS.pickFiles, { multiple: true })).toEqual({ status: 'error', reason: 'forbidden-sender' });
    expect(await bridge.invokeAs(event, BRIDGE_CHANNELS.readPickedFile, file!.token)).toEqual({ status: 'error', reason: 'forbidden-sender' });
    expect(bridge.dialogs.openOptions.length).toBe(1);
    expect(bridge.fs.calls).toEqual([]);
    // The refusal did not spend the token.
    expect(((await bridge.invoke(BRIDGE_CHANNELS.readPickedFile, file!.token)) as ReadPickedResult).status).toBe('read');
  });
});
