/**
 * Issue 14's promise, kept by the store and not only by the ledger: for random orders and groupings
 * of the same material — certificates, a revocation with its frontier, changes before and after the
 * cut, seals — every receiving PC ends with the same rows and the same refused changes (hash and
 * reason) as a PC that received everything in one file, and as decideAll of the union says — by USB
 * files or by hub pulls. A change applied before the revocation arrived that falls after the cut is
 * taken back out. Changes arriving out of stamp order are decided as of their stamp too: a township's
 * offline edit that reaches a PC after the county's later approval of that report stands everywhere.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_TABLES } from '../../../../shared/app/registry';
import { decodeBundle, encodeBundle } from '../../../../shared/sync/bundle/index';
import type { Change } from '../../../../shared/sync/change';
import { trustDoc } from '../../../../shared/sync/hub/client';
import { carriedRecordProblem } from '../../../../shared/trust/carried';
import { decideAll } from '../../../../shared/trust/decide';
import { prepareMaterial } from '../../../../shared/trust/material';
import { revokeDevice, type Revocation } from '../../../../shared/trust/revocation';
import { changeHash, type Seal } from '../../../../shared/trust/seal';
import { recordId } from '../../../../shared/trust/signed';
import type { ExportedBundle } from '../../../../renderer/src/features/sync/syncService';
import type { Store } from '../../../../renderer/src/store/store';
import { readTrustMaterial, refusedTable } from '../../../../renderer/src/store/trustStore';
import { makeCounty, ISO, T0, DAY, RULES, type County } from '../../trust/trustFixtures';
import { readAll } from '../fakeDb';
import { FakeHub } from '../../hub/fakeHub';
import { countyPcStore, enrolledPc, fullFile, hubSync, importFiles, report, writeSmallCounty } from './trustPcs';

/** One deliverable piece of the material: some changes and trust records, as a file would carry them. */
interface Item {
  what: string;
  changes: Change[];
  trust: object[];
}

interface Material {
  county: County;
  /** The file every item was cut from: its manifest is reused for the files a delivery makes. */
  template: ExportedBundle;
  items: Item[];
}

let material: Material;

/**
 * The county writes its tree; LT-03 and LT-05 (enrolled) submit figures; the county, having seen
 * LT-03's first submission, revokes it (LT-03's PC was stolen); the thief writes on, and LT-05 too.
 */
beforeAll(async () => {
  const county = await makeCounty('LT');
  const { store: countyPc, certificate: countyCert } = await enrolledPc(county, { role: 'countyAdmin', scope: 'LT' });
  await writeSmallCounty(countyPc);
  const { store: lt03, certificate: cert03 } = await enrolledPc(county, { role: 'townshipOfficer', scope: 'LT-03' });
  const { store: lt05, certificate: cert05 } = await enrolledPc(county, { role: 'townshipOfficer', scope: 'LT-05' });
  const tree = await fullFile(countyPc);
  await importFiles(lt03, tree);
  await importFiles(lt05, tree);
  const seen = await lt03.repo.write([{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { members: 20, status: 'submitted' } }]);
  // A write's seal waits for the next write (sealing.ts SealQueue): stored before the seals are read.
  const sealsOf = async (store: Store, device: string) => {
    await store.device.seals?.flush();
    return ((await readAll(store.db, readTrustMaterial)).seals as Seal[]).filter((s) => s.device === device);
  };
  const revocation: Revocation = await revokeDevice(
    { device: lt03.device.id, vector: { [lt03.device.id]: seen.at(-1)!.hlc }, seen: (await sealsOf(lt03, lt03.device.id)).map((s) => recordId(s)), cause: 'stolen' },
    county.authority,
    ISO(T0 + 20 * DAY),
  );
  const stolen = [
    ...(await lt03.repo.write([{ table: 'statReport', row: report('LT-03'), scope: 'LT-03', fields: { members: 999 } }])),
    ...(await lt03.repo.write([{ table: 'device', row: lt03.device.id, scope: 'LT-03', fields: { name: 'stolen' } }])),
  ];
  const honest05 = [
    ...(await lt05.repo.write([{ table: 'statReport', row: report('LT-05'), scope: 'LT-05', fields: { members: 21, status: 'submitted' } }])),
    ...(await lt05.repo.write([{ table: 'statReport', row: report('LT-05'), scope: 'LT-05', fields: { youth1428: 44 } }])),
  ];
  // The county takes LT-05's submission and approves it, while LT-05, offline, has edited its
  // figures once more (stamped before the approval, unseen by the county): delivered in any order,
  // the edit stands (the report was not approved yet at its stamp) and so does the approval.
  await importFiles(countyPc, await fullFile(lt05));
  const lateEdit05 = await lt05.repo.write([{ table: 'statReport', row: report('LT-05'), scope: 'LT-05', fields: { members: 23 } }]);
  await new Promise((resolve) => setTimeout(resolve, 5));
  const approval05 = await countyPc.repo.write([{ table: 'statReport', row: report('LT-05'), scope: 'LT-05', fields: { status: 'approved' } }]);
  const countyChanges = await changesOf(tree);
  const seals = [...(await sealsOf(countyPc, countyPc.device.id)), ...(await sealsOf(lt03, lt03.device.id)), ...(await sealsOf(lt05, lt05.device.id))];
  const sealsFor = (changes: Change[]) => {
    const hashes = new Set(changes.map(changeHash));
    return seals.filter((s) => s.hashes.some((h) => hashes.has(h)));
  };
  const item = (what: string, changes: Change[], trust: object[] = []): Item => ({ what, changes, trust: [...sealsFor(changes), ...trust] });
  material = {
    county,
    template: tree,
    items: [
      item('county tree', countyChanges, [countyCert]),
      item('LT-03 before the cut', seen, [cert03]),
      item('LT-03 after the cut', stolen),
      item('LT-05 figures', honest05),
      item('LT-05 certificate', [], [cert05]),
      item('revocation of LT-03', [], [revocation]),
      // As files carry them: a PC's changes come with all its earlier ones (exports go by version
      // vector), and the county's file after approving carries what it had taken from LT-05.
      item('LT-05 edit before the approval', [...honest05, ...lateEdit05]),
      item('county approves LT-05', [...countyChanges, ...honest05, ...approval05], [countyCert]),
    ],
  };
}, 60_000);

async function changesOf(file: ExportedBundle): Promise<Change[]> {
  const decoded = await decodeBundle(file.bytes, { tables: APP_TABLES });
  if (!decoded.ok) throw new Error(decoded.reason);
  return decoded.changes;
}

/** A file carrying these items, as the county's PC would send it. */
async function fileOf(items: readonly Item[], name: string): Promise<ExportedBundle> {
  const decoded = await decodeBundle(material.template.bytes, { tables: APP_TABLES });
  if (!decoded.ok) throw new Error(decoded.reason);
  const changes = [...new Map(items.flatMap((i) => i.changes).map((c) => [c.id, c])).values()];
  const trust = [...new Map(items.flatMap((i) => i.trust).map((t) => [recordId(t), t])).values()];
  const vector: Record<string, string> = {};
  for (const c of changes) if (!vector[c.device] || vector[c.device]! < c.hlc) vector[c.device] = c.hlc;
  const bytes = await encodeBundle({ ...decoded.manifest, kind: 'changes', changes, vector, blobs: [], trust }, { tables: APP_TABLES, trustRecord: carriedRecordProblem });
  return { bytes, fileName: `${name}.leaguesync`, changes: changes.length };
}

/** An item as the documents a hub holds: its changes and its trust records. */
function hubDocs(item: Item): Record<string, unknown>[] {
  return [...item.trust.map((record) => trustDoc({ id: recordId(record), record })), ...item.changes.map((c) => ({ ...c, _id: c.id }))];
}

interface Outcome {
  rows: Record<string, unknown[]>;
  refused: string[];
}

/** What a PC holds of the synced tables, and its refused changes as hash and reason. */
async function outcomeOf(store: Store): Promise<Outcome> {
  return readAll(store.db, async (tx) => {
    const rows: Record<string, unknown[]> = {};
    for (const name of store.db.syncTables.names) {
      const held = await tx.table(name).toArray();
      if (held.length > 0) rows[name] = held.sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1));
    }
    const refused = (await refusedTable(tx).toArray()).map((r) => `${r.hash} ${r.reason}`).sort();
    return { rows, refused };
  });
}

/** One receiver's delivery: the items in some order, some twice, cut into files. */
const arbDelivery = fc.record({
  keys: fc.array(fc.nat(1000), { minLength: 8, maxLength: 8 }),
  twice: fc.array(fc.nat(7), { maxLength: 3 }),
  twiceKeys: fc.array(fc.nat(1000), { minLength: 3, maxLength: 3 }),
  cuts: fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }),
  /** By hub: each group of items reaches the hub, then the PC syncs; else each group is one USB file. */
  byHub: fc.boolean(),
});
type Delivery = typeof arbDelivery extends fc.Arbitrary<infer T> ? T : never;

/** The files of a delivery, in the order they are imported. */
function filesOf(delivery: Delivery): Item[][] {
  const keyed = [
    ...material.items.map((item, i) => ({ item, key: delivery.keys[i]! * 10 + 1 })),
    ...delivery.twice.map((i, j) => ({ item: material.items[i]!, key: delivery.twiceKeys[j]! * 10 })),
  ].sort((a, b) => a.key - b.key);
  const files: Item[][] = [[]];
  keyed.forEach(({ item }, i) => {
    files.at(-1)!.push(item);
    if (delivery.cuts[i] && i < keyed.length - 1) files.push([]);
  });
  return files;
}

describe('a revocation arriving after the changes it cuts (store level)', () => {
  let reference: Outcome;
  let expected: string[];

  beforeAll(async () => {
    const pc = await countyPcStore(material.county);
    await importFiles(pc, await fileOf(material.items, 'everything'));
    reference = await outcomeOf(pc);
    const union = await prepareMaterial({
      changes: material.items.flatMap((i) => i.changes),
      ...Object.fromEntries(
        (['certificate', 'revocation', 'seal'] as const).map((kind) => [
          `${kind}s`,
          material.items.flatMap((i) => i.trust).filter((t) => (t as { format?: string }).format === `league-desk-${kind}`),
        ]),
      ),
    });
    expected = [...decideAll(material.county.home, union, RULES)].flatMap(([hash, d]) => (d.status === 'refused' ? [`${hash} ${d.reason}`] : [])).sort();
  }, 60_000);

  it('the PC that received everything at once refuses what decideAll of the union refuses: LT-03’s changes after the cut, as revoked', () => {
    expect(reference.refused).toEqual(expected);
    expect(expected.length).toBe(2);
    expect(expected.every((e) => e.endsWith(' revoked'))).toBe(true);
    const reportRow = reference.rows['statReport']!.find((r) => (r as { id: string }).id === report('LT-03'));
    expect(reportRow).toMatchObject({ members: 20, status: 'submitted' });
    const lt05 = reference.rows['statReport']!.find((r) => (r as { id: string }).id === report('LT-05'));
    expect(lt05).toMatchObject({ members: 23, youth1428: 44, status: 'approved' });
  });

  it('every PC that receives the same material in any order and grouping ends the same', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbDelivery, { minLength: 2, maxLength: 2 }), async (deliveries) => {
        for (const delivery of deliveries) {
          const pc = await countyPcStore(material.county);
          const files = filesOf(delivery);
          const hub = new FakeHub();
          for (const [i, items] of files.entries()) {
            if (!delivery.byHub) await importFiles(pc, await fileOf(items, `part-${i}`));
            else {
              for (const item of items) for (const doc of hubDocs(item)) hub.put(doc);
              await hubSync(hub, pc, 'LT');
            }
          }
          const got = await outcomeOf(pc);
          expect(got.refused, files.map((f) => f.map((i) => i.what).join(' + ')).join(' | ')).toEqual(reference.refused);
          expect(got.rows).toEqual(reference.rows);
        }
      }),
      { numRuns: 20 },
    );
  }, 240_000);
});
