import { describe, expect, it } from 'vitest';
import type { Bridge, SaveResult } from '../../../../shared/bridge';
import { decodeBundle } from '../../../../shared/sync/bundle';
import { saveFullCopy } from '../../../../renderer/src/features/sync/fullCopy';
import { backupBundle, makeBackup } from '../../../../renderer/src/store/backups';
import { loadDemoCounty } from '../../../../renderer/src/store/demo';
import { openStore } from '../../../../renderer/src/store/store';
import { lastUsbCopy } from '../../../../renderer/src/store/usbCopy';
import { freshDb } from '../../store/fakeDb';
import { APP_TABLES } from '../../../../shared/app/registry';

function bridgeAnswering(result: SaveResult, saved: Uint8Array[] = []): Bridge {
  return {
    saveFile: async (request: { data: Uint8Array }) => {
      saved.push(request.data);
      return result;
    },
  } as unknown as Bridge;
}

describe('a full copy to a USB drive', () => {
  it('saves everything as one file and remembers when, so the reminder knows', async () => {
    const store = await openStore(freshDb());
    await loadDemoCounty(store);
    const saved: Uint8Array[] = [];
    const result = await saveFullCopy(store, bridgeAnswering({ status: 'saved', path: '/media/usb/x.leaguesync', verified: true }, saved));
    expect(result.status).toBe('saved');
    const decoded = await decodeBundle(saved[0]!, { tables: APP_TABLES });
    expect(decoded.ok && decoded.manifest.kind).toBe('full');
    expect(await lastUsbCopy(store)).toBeDefined();
  });

  it('a cancelled or failed save is not a copy', async () => {
    const store = await openStore(freshDb());
    await loadDemoCounty(store);
    await saveFullCopy(store, bridgeAnswering({ status: 'cancelled' }));
    await saveFullCopy(store, bridgeAnswering({ status: 'error', reason: 'disk-full' }));
    expect(await lastUsbCopy(store)).toBeUndefined();
  });

  it('the export, the backups and the banner write the same full bundle: one builder', async () => {
    const store = await openStore(freshDb());
    await loadDemoCounty(store);
    const saved: Uint8Array[] = [];
    await saveFullCopy(store, bridgeAnswering({ status: 'saved', path: 'x', verified: true }, saved));
    const backup = (await makeBackup(store, 'manual'))!;
    const [a, b] = [await decodeBundle(saved[0]!, { tables: APP_TABLES }), await decodeBundle(await backupBundle(store, backup), { tables: APP_TABLES })];
    if (!a.ok || !b.ok) throw new Error('not decoded');
    expect(b.changes).toEqual(a.changes);
    expect({ ...b.manifest, created: '' }).toEqual({ ...a.manifest, created: '' });
  });
});
