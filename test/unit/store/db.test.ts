import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { schemaVersions } from '../../../renderer/src/store/db';
import { APP_REGISTRY, APP_TABLES } from '../../../shared/app/registry';
import { composeRegistry } from '../../../shared/feature/registry';
import { countyTable } from '../../../shared/trust/ruleParts';

/**
 * Every schema version as shipped, stores only (the upgrades are tested in migration.test.ts). The
 * synced tables' stores come from their features' declarations now; a database of any earlier
 * build must still find exactly these steps.
 */
const SHIPPED = [
  { version: 1, stores: { meta: 'key', changes: 'id, [table+row]', org: 'id, code, parentId, kind', round: 'id, period', statReport: 'id, roundId, orgId, [roundId+orgId]' } },
  { version: 2, stores: { vector: 'device', changes: 'id, [table+row], device' } },
  { version: 3, stores: { conflicts: 'id, [table+row]', parked: 'id', peers: 'device', backups: 'id, created' } },
  { version: 4, stores: { target: 'id' } },
  {
    version: 5,
    stores: {
      notice: 'id, status, townshipId, closesOn',
      placement: 'id, noticeId, hiredOn',
      contest: 'id',
      entry: 'id, contestId',
      score: 'id, contestId, entryId',
      blobs: 'hash',
    },
  },
  { version: 6, stores: { log: '++seq, *ids, *rows', statReport: 'id, roundId' } },
  { version: 7, stores: { changes: null } },
  { version: 8, stores: { device: 'id' } },
  { version: 9, stores: {} },
  { version: 10, stores: { deviceKey: 'id', trust: 'id, kind, [kind+device]', refused: 'hash, device' } },
];

describe('schema versions', () => {
  it('are exactly the versions shipped, every one with its stores, though the features now declare their tables', () => {
    expect(schemaVersions(APP_TABLES).map(({ version, stores }) => ({ version, stores }))).toEqual(SHIPPED);
  });

  it('upgrade as shipped: version 2 backfills the vector, 6 pages the log, 9 joins rows under their canonical ids', () => {
    expect(schemaVersions(APP_TABLES).filter((v) => v.upgrade).map((v) => v.version)).toEqual([2, 6, 9]);
  });

  it('a new feature table with a version of its own adds that version and nothing else', () => {
    const withPolls = composeRegistry([...APP_REGISTRY.features, { name: 'polls', tables: [{ name: 'poll', row: z.object({ id: z.string() }), indexes: { 11: 'id' }, rule: countyTable }] }]);
    const versions = schemaVersions(withPolls.tables).map(({ version, stores }) => ({ version, stores }));
    expect(versions).toEqual([...SHIPPED, { version: 11, stores: { poll: 'id' } }]);
  });
});
