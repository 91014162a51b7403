/** The hub client holds documents to the hub's size limits (docs/HUB.md, "Limits"), both ways. */
import { describe, expect, it } from 'vitest';
import { memoryAccess } from '../../../shared/sync/memoryAccess';
import { jsonBytes, syncWithHub } from '../../../shared/sync/hub/client';
import { MAX_CHANGE_DOC_BYTES } from '../../../shared/sync/hub/design';
import { memoryHubLocal } from '../../../shared/sync/hub/memoryLocal';
import { FakeHub } from './fakeHub';
import { edit, orgWrite, T0 } from './hubFixtures';

const A = '00000000000000a1';
const B = '00000000000000b2';
const HUB = 'http://hub.test/league-lt';

function pc(device: string, scope: string) {
  const store = memoryAccess({ now: () => T0 });
  return { store, local: memoryHubLocal(store, { device, scope }) };
}

/** A change record of a table this build does not know: the import would park it. */
function unknownTableChange(n: number, bytes: number) {
  const id = `2026-11-22T04:00:00.000Z-${n.toString(16).padStart(4, '0')}-${B}`;
  return { _id: id, id, hlc: id, device: B, author: 'b', table: 'futureTable', row: `r${n}`, fields: { blob: 'x'.repeat(bytes) }, base: {}, scope: 'LT-03', schema: 1 };
}

describe('hub client size limits', () => {
  it('counts UTF-8 bytes of JSON, as the hub does', () => {
    expect(jsonBytes({ a: 'x' })).toBe(9);
    expect(jsonBytes('团')).toBe(5);
    expect(jsonBytes('ئ')).toBe(4);
    expect(jsonBytes('😀')).toBe(6);
  });

  it('refuses and counts a pulled document over the limit instead of parking it; the rest arrive', async () => {
    const hub = new FakeHub();
    hub.put(unknownTableChange(1, MAX_CHANGE_DOC_BYTES + 10));
    hub.put(unknownTableChange(2, 100));
    const { store, local } = pc(A, 'LT-03');
    const outcome = await syncWithHub(hub.transport, local, { hub: HUB, now: () => T0 });
    expect(outcome.pulled).toMatchObject({ rejected: 1, parked: 1 });
    expect((await store.getParked()).map((c) => c.row)).toEqual(['r2']);
  });

  it('does not send a change of its own over the limit, says so, sends the others and does not try again', async () => {
    const hub = new FakeHub();
    const { store, local } = pc(A, 'LT-03');
    await edit(store, A, [orgWrite('small-1', 'LT-03-001', '一支部')], T0);
    await edit(store, A, [{ ...orgWrite('huge', 'LT-03-002', '二支部'), fields: { ...orgWrite('huge', 'LT-03-002', '').fields, name: { zh: '团'.repeat(400_000) } } }], T0 + 1);
    await edit(store, A, [orgWrite('small-2', 'LT-03-003', '三支部')], T0 + 2);
    const outcome = await syncWithHub(hub.transport, local, { hub: HUB, now: () => T0 });
    expect(outcome).toMatchObject({ pushed: 2, tooLarge: 1 });
    expect([...hub.docs.values()].map((d) => d.doc['row']).filter(Boolean).sort()).toEqual(['small-1', 'small-2']);
    hub.requests.length = 0;
    const again = await syncWithHub(hub.transport, local, { hub: HUB, now: () => T0 });
    expect(again).toMatchObject({ pushed: 0, tooLarge: 0 });
    expect(hub.requests.filter((r) => r.path === '_bulk_docs')).toHaveLength(0);
  });

  it('keeps each push request under 8 MiB, however long the changes', async () => {
    const hub = new FakeHub();
    const { store, local } = pc(A, 'LT-03');
    for (let i = 0; i < 30; i++) {
      const write = orgWrite(`long-${i}`, `LT-03-${String(i + 1).padStart(3, '0')}`, '');
      await edit(store, A, [{ ...write, fields: { ...write.fields, name: { zh: '团'.repeat(200_000) } } }], T0 + i);
    }
    const outcome = await syncWithHub(hub.transport, local, { hub: HUB, now: () => T0 });
    expect(outcome.pushed).toBe(30);
    const bulk = hub.requests.filter((r) => r.path === '_bulk_docs');
    expect(bulk.length).toBeGreaterThan(1);
    for (const request of bulk) expect(jsonBytes(request.body)).toBeLessThanOrEqual(8 * 1024 * 1024 + 1024);
  });

  it('a hub with lower limits refuses one document: counted, and the others still go', async () => {
    const hub = new FakeHub();
    const { store, local } = pc(A, 'LT-03');
    await edit(store, A, [orgWrite('a', 'LT-03-001', '一支部'), orgWrite('b', 'LT-03-002', '二支部')], T0);
    hub.override = (request) => {
      if (request.path !== '_bulk_docs') return undefined;
      const docs = (request.body as { docs: { _id: string; row: string }[] }).docs;
      return {
        ok: true,
        status: 201,
        body: docs.map((d) => (d.row === 'a' ? { id: d._id, error: 'forbidden', reason: 'too-large' } : { id: d._id, ok: true, rev: '1-x' })),
      };
    };
    const outcome = await syncWithHub(hub.transport, local, { hub: HUB, now: () => T0 });
    expect(outcome).toMatchObject({ pushed: 1, tooLarge: 1 });
  });
});
