import { describe, expect, it } from 'vitest';
import { applyReviewedImport, exportBundle, reviewImport } from '../../../../renderer/src/features/sync/syncService';
import { openStore } from '../../../../renderer/src/store/store';
import { APP_TABLES } from '../../../../shared/app/registry';
import { encodeBundle } from '../../../../shared/sync/bundle';
import { PARKING_BUDGET } from '../../../../shared/sync/parking';
import { junkInput } from '../../bundle/bundleFixtures';
import { freshDb } from '../../store/fakeDb';

describe('the parking budget at import', () => {
  it('a file with more junk changes for an unknown table than the budget is refused with its reason; the other files of the import go in, and nothing is parked', async () => {
    const county = await openStore(freshDb());
    await county.repo.write([{ table: 'org', row: 'lt', fields: { code: 'LT', name: { zh: '团县委' }, kind: 'county', parentId: null, archived: false }, scope: 'LT' }]);
    const good = await exportBundle(county, { now: new Date('2026-07-01T00:00:00Z') });
    const junk = await encodeBundle(junkInput(PARKING_BUDGET + 1), { tables: APP_TABLES });

    const pc = await openStore(freshDb());
    const review = await reviewImport(pc, [
      { name: 'junk.leaguesync', data: junk },
      { name: good.fileName, data: good.bytes },
    ]);
    expect(review.files[0]!.refusal).toMatchObject({ reason: 'too-many-parked', detail: { parked: PARKING_BUDGET + 1, limit: PARKING_BUDGET } });
    expect(review.files[1]!.refusal).toBeUndefined();
    expect(review.preview?.parked).toBe(0);
    await applyReviewedImport(pc, review);
    expect(await pc.db.table('org').count()).toBe(1);
    expect(await pc.db.table('parked').count()).toBe(0);
  }, 60_000);
});
