/**
 * Data written before trust, adopted once by the county (issue 14): a PC upgraded from a build of
 * schema 8 — no keys, no seals — holding figures from several PCs becomes the county's PC; its
 * checkpoint travels in its files, and a township PC enrolled afterwards takes every one of those
 * changes as authorized. A PC restored as the county's later adopts only what is older than the
 * first checkpoint.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../shared/sync/change';
import { formatStamp } from '../../../../shared/sync/hlc';
import { applyChangeToRow, type MergedRow } from '../../../../shared/sync/row';
import { vectorOf } from '../../../../shared/sync/vector';
import { parseCheckpoint, type Checkpoint } from '../../../../shared/trust/checkpoint';
import { changeHash } from '../../../../shared/trust/seal';
import { STAT_REPORT_TABLE } from '../../../../shared/stats/tables';
import {
  authorityBackup,
  importEnrollmentAnswer,
  issueForRequest,
  openEnrollmentRequest,
  requestToJoin,
  restoreCountyPc,
  setUpCountyPc,
} from '../../../../renderer/src/store/authorityStore';
import { appendChanges } from '../../../../renderer/src/store/changeLog';
import { openStore, type Store } from '../../../../renderer/src/store/store';
import { covering, trustEntry, trustTable } from '../../../../renderer/src/store/trustStore';
import { inTransaction } from '../../../../renderer/src/store/tx';
import { ITERATIONS, PASSPHRASE } from '../../trust/trustFixtures';
import { freshDb, readAll } from '../fakeDb';
import { fullFile, importFiles, review } from './trustPcs';

const DAY = 86_400_000;
const NOW = new Date();
const ROUND = 'round-2026';
const REPORTS = STAT_REPORT_TABLE.name;
const OLD_COUNTY = '00000000000000b0';
const LT03 = '00000000000000b3';
const LT05 = '00000000000000b5';

/** A change as a build before trust wrote it: no seal anywhere. */
function old(device: string, at: number, table: string, row: string, fields: Record<string, unknown>, scope = 'LT'): Change {
  const hlc = formatStamp(at, 0, device);
  return { id: hlc, hlc, device, author: `local-${device}`, table, row, fields, base: Object.fromEntries(Object.keys(fields).map((f) => [f, ''])), scope, schema: 1 };
}

/** What the old county PC held: its own tree and round, and two townships' reports relayed by USB, one approved by its own PC. */
function countyHistory(): Change[] {
  const t = NOW.getTime() - 120 * DAY;
  const township = (code: string) => ({ code, name: { zh: code }, kind: 'township', parentId: 'org-LT', archived: false });
  return [
    old(OLD_COUNTY, t, 'org', 'org-LT', { code: 'LT', name: { zh: '团县委' }, kind: 'county', parentId: null, archived: false }),
    old(OLD_COUNTY, t + 1, 'org', 'org-LT-03', township('LT-03')),
    old(OLD_COUNTY, t + 2, 'org', 'org-LT-05', township('LT-05')),
    old(OLD_COUNTY, t + 3, 'round', ROUND, { period: '2026', deadline: '2027-01-20', status: 'open', orgIds: ['org-LT-03', 'org-LT-05'], figures: ['members', 'youth1428'] }),
    old(LT03, t + DAY, REPORTS, `${ROUND}:org-LT-03`, { roundId: ROUND, orgId: 'org-LT-03', period: '2026', status: 'submitted', members: 31, youth1428: 90 }, 'LT-03'),
    old(LT03, t + 2 * DAY, REPORTS, `${ROUND}:org-LT-03`, { status: 'approved' }, 'LT-03'),
    old(LT05, t + DAY, REPORTS, `${ROUND}:org-LT-05`, { roundId: ROUND, orgId: 'org-LT-05', period: '2026', status: 'draft', members: 12, youth1428: 50 }, 'LT-05'),
  ];
}

/** A database as a schema-8 build left it, with this PC's own identity, then opened by this build. */
async function upgradedPc(device: string, changes: readonly Change[]): Promise<Store> {
  const factory = new IDBFactory();
  const v8 = freshDb(8, factory);
  await v8.open();
  const rows = new Map<string, { table: string; row: MergedRow }>();
  for (const change of changes) {
    const key = `${change.table}/${change.row}`;
    rows.set(key, { table: change.table, row: applyChangeToRow(rows.get(key)?.row, change).row });
  }
  await inTransaction(v8, 'rw', ['log', 'meta', 'vector', ...new Set(changes.map((c) => c.table))], async (tx) => {
    await tx.table('meta').put({ key: 'identity', value: { device, author: `local-${device}` } });
    await tx.table('meta').put({ key: 'setup', value: 'empty' });
    await appendChanges(tx, changes);
    for (const [d, hlc] of Object.entries(vectorOf(changes))) await tx.table('vector').put({ device: d, hlc });
    for (const { table, row } of rows.values()) await tx.table(table).put(row);
  });
  v8.close();
  return openStore(freshDb(Infinity, factory), { enforceTrust: true });
}

const checkpoints = (store: Store): Promise<Checkpoint[]> =>
  readAll(store.db, async (tx) => (await trustTable(tx).toArray()).filter((e) => e.kind === 'checkpoint').map((e) => e.record as Checkpoint));

async function countyFromUpgrade(): Promise<{ store: Store; history: Change[]; adopted: number }> {
  const history = countyHistory();
  const store = await upgradedPc(OLD_COUNTY, history);
  expect(store.identity.device).toBe(OLD_COUNTY);
  const made = await setUpCountyPc(store, { county: 'LT', name: { zh: '共青团轮台县委员会' }, passphrase: PASSPHRASE, iterations: ITERATIONS });
  if (!made.ok) throw new Error(made.reason);
  return { store, history, adopted: made.adopted };
}

async function enrolledTownship(county: Store, scope: string): Promise<Store> {
  const store = await openStore(freshDb(), { enforceTrust: true });
  const asked = await requestToJoin(store);
  const opened = await openEnrollmentRequest(county, asked.text);
  if (!opened.ok) throw new Error(opened.reason);
  const validity = { validFrom: NOW.toISOString(), validTo: new Date(NOW.getTime() + 365 * DAY).toISOString() };
  const issued = await issueForRequest(county, opened.request, { role: 'townshipOfficer', scope, ...validity }, PASSPHRASE);
  if (!issued.ok) throw new Error(issued.reason);
  const taken = await importEnrollmentAnswer(store, issued.answer.text);
  if (!taken.ok) throw new Error(taken.reason);
  return store;
}

describe('an upgraded PC with data from several PCs becomes the county’s PC', () => {
  it('adopts every change it held — its own, sealed at first start under a certificate that starts later, and the townships’ unsealed ones — in one checkpoint', async () => {
    const { store, history, adopted } = await countyFromUpgrade();
    expect(adopted).toBe(history.length);
    const pages = await checkpoints(store);
    expect(pages).toHaveLength(1);
    expect(parseCheckpoint(pages[0]).ok).toBe(true);
    expect(pages[0]!.hashes).toEqual(history.map(changeHash).sort());
    expect(pages[0]!.county).toBe('LT');
  });

  it('a township PC importing the county’s file takes those changes as authorized, and holds the county’s rows', async () => {
    const { store: county, history } = await countyFromUpgrade();
    const lt03 = await enrolledTownship(county, 'LT-03');
    const file = await fullFile(county);
    const preview = await review(lt03, file);
    const summary = preview.trust!;
    for (const device of [OLD_COUNTY, LT03, LT05]) {
      expect(summary.find((w) => w.device === device), device).toMatchObject({ authorized: history.filter((c) => c.device === device).length, refused: {} });
    }
    await importFiles(lt03, file);
    expect(await lt03.db.rows(STAT_REPORT_TABLE).get(`${ROUND}:org-LT-03`)).toMatchObject({ status: 'approved', members: 31 });
    expect(await lt03.db.rows(STAT_REPORT_TABLE).get(`${ROUND}:org-LT-05`)).toMatchObject({ status: 'draft', members: 12 });
    // A township works on from the adopted rows: LT-05's draft, written before trust, takes its new figures, and the county authorizes them.
    const lt05 = await enrolledTownship(county, 'LT-05');
    await importFiles(lt05, file);
    await lt05.repo.write([{ table: REPORTS, row: `${ROUND}:org-LT-05`, scope: 'LT-05', fields: { members: 13, status: 'submitted' } }]);
    const back = await review(county, await fullFile(lt05));
    expect(back.trust!.find((w) => w.device === lt05.identity.device)).toMatchObject({ authorized: 1, refused: {} });
  });

  it('a PC set up with nothing written before makes no checkpoint', async () => {
    const store = await openStore(freshDb(), { enforceTrust: true });
    const made = await setUpCountyPc(store, { county: 'LT', passphrase: PASSPHRASE, iterations: ITERATIONS });
    expect(made).toMatchObject({ ok: true, adopted: 0 });
    expect(await checkpoints(store)).toEqual([]);
  });
});

describe('a PC restored as the county’s', () => {
  it('adopts nothing again of what the first checkpoint adopted, and only the older changes it alone held', async () => {
    const { store: county } = await countyFromUpgrade();
    const backup = await authorityBackup(county, PASSPHRASE);
    if (!backup.ok) throw new Error(backup.reason);
    // An old township PC, upgraded too, with figures the county never received (written before the county's checkpoint).
    const t = NOW.getTime() - 60 * DAY;
    const unseen = [old(LT05, t, REPORTS, `${ROUND}:org-LT-05`, { members: 14 }, 'LT-05'), old(LT05, t + 1, REPORTS, `${ROUND}:org-LT-05`, { youth1428: 52 }, 'LT-05')];
    const replacement = await upgradedPc('00000000000000c9', unseen);
    await importFiles(replacement, await fullFile(county));
    const restored = await restoreCountyPc(replacement, backup.text, PASSPHRASE);
    expect(restored).toMatchObject({ ok: true, adopted: unseen.length });
    const pages = await checkpoints(replacement);
    expect(pages).toHaveLength(2);
    expect(pages.find((p) => p.hashes.length === unseen.length)!.hashes).toEqual(unseen.map(changeHash).sort());

    // The township's figures now reach a township PC as the county's.
    const lt05 = await enrolledTownship(replacement, 'LT-05');
    await importFiles(lt05, await fullFile(replacement));
    expect(await lt05.db.rows(STAT_REPORT_TABLE).get(`${ROUND}:org-LT-05`)).toMatchObject({ members: 14, youth1428: 52 });
  });
});

describe('what a file for a peer carries', () => {
  it('the checkpoint pages whose span holds one of its changes, whoever wrote it, and no other page', async () => {
    const { store: county, history } = await countyFromUpgrade();
    const [page] = await checkpoints(county);
    const entries = [trustEntry('checkpoint', page!)];
    expect(entries[0]).toMatchObject({ kind: 'checkpoint', last: page!.last });
    expect(covering(entries, [history[5]!])).toEqual(entries);
    expect(covering(entries, [old(LT05, NOW.getTime(), REPORTS, `${ROUND}:org-LT-05`, { members: 15 }, 'LT-05')])).toEqual([]);
  });
});
