import type { Change } from '../../../shared/sync/change';
import { writeLocally } from '../../../shared/sync/localWrite';
import type { MemorySyncStore } from '../../../shared/sync/memoryAccess';
import type { WriteSpec } from '../../../shared/sync/write';

export const T0 = Date.UTC(2026, 10, 22, 4, 0, 0);

/** A township branch org row, complete (what the app writes when it creates one). */
export function orgWrite(row: string, code: string, name: string): WriteSpec {
  return { table: 'org', row, scope: code, fields: { code, name: { zh: name, ug: name }, kind: 'branch', parentId: null, archived: false } };
}

export async function edit(store: MemorySyncStore, device: string, specs: WriteSpec[], now: number): Promise<Change[]> {
  return (await writeLocally(store, specs, { device, author: `user-${device.slice(-2)}` }, now)).changes;
}
