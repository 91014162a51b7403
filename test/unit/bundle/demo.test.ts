import { describe, expect, it } from 'vitest';
import { generateDemoCounty } from '../../../shared/demo/luntai';
import { decodeBundle, encodeBundle } from '../../../shared/sync/bundle/index';
import { memoryAccess } from '../../../shared/sync/memoryAccess';
import { rowValues } from '../../../shared/sync/row';
import { APP_TABLES } from '../../../shared/app/registry';
import { DEMO_DEVICE } from '../../../shared/demo/writer';
import { demoBundleInput } from '../../../shared/app/demo';

describe('the demo county as a bundle', () => {
  it('imports into exactly the demo rows, with nothing parked and no conflicts', async () => {
    const decoded = await decodeBundle(await encodeBundle(demoBundleInput(), { tables: APP_TABLES }), { tables: APP_TABLES, expectedCounty: 'LT' });
    if (!decoded.ok) throw new Error(decoded.reason);
    const store = memoryAccess({ tables: APP_TABLES, now: () => Date.parse('2026-02-01T00:00:00Z') });
    const plan = await store.applyChanges(decoded.changes);
    expect(plan).toMatchObject({ refused: false, parked: 0, conflicts: [], futureStamped: [] });

    const demo = generateDemoCounty();
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId((await store.allRows('org')).map((r) => rowValues<{ id: string }>(r)))).toEqual(byId(demo.orgs));
    expect(byId((await store.allRows('round')).map((r) => rowValues<{ id: string }>(r)))).toEqual(byId(demo.rounds));
    expect(byId((await store.allRows('statReport')).map((r) => rowValues<{ id: string }>(r)))).toEqual(byId(demo.reports));
    expect(await store.getVector()).toEqual({ [DEMO_DEVICE]: decoded.changes.at(-1)!.hlc });
  });

  it('has the same stamps on every call, one device, one wall time', () => {
    const a = demoBundleInput();
    expect(demoBundleInput()).toEqual(a);
    expect(new Set(a.changes.map((c) => c.hlc.slice(0, 24)))).toEqual(new Set(['2026-01-25T00:00:00.000Z']));
    expect(new Set(a.changes.map((c) => c.device))).toEqual(new Set([DEMO_DEVICE]));
  });
});
