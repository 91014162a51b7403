// Runs inside Chromium (bundled by bench/stats.bench.ts).
import { APP_REGISTRY } from '../../shared/app/registry';
import type { Org } from '../../shared/domain/org';
import type { StatReport } from '../../shared/domain/stats';
import { prepareRollUp, rollUpAll } from '../../shared/stats/rollup';
import { LeagueDeskDb } from '../../renderer/src/store/db';
import { openStore } from '../../renderer/src/store/store';
import type { WriteSpec } from '../../shared/sync/write';

/** 20,000 organisations (county, 50 townships, 19,949 branches) with one report per branch per month for 60 months. */
function syntheticTree(): { orgs: Org[]; reports: StatReport[] } {
  const orgs: Org[] = [{ id: 'c', code: 'BX', name: { zh: '县' }, kind: 'county', parentId: null, archived: false }];
  for (let t = 0; t < 50; t++) orgs.push({ id: `t${t}`, code: `BX-${t}`, name: { zh: `乡${t}` }, kind: 'township', parentId: 'c', archived: false });
  const reports: StatReport[] = [];
  for (let b = 0; orgs.length < 20_000; b++) {
    const id = `b${b}`;
    orgs.push({ id, code: `BX-${b % 50}-${b}`, name: { zh: `支部${b}` }, kind: 'branch', parentId: `t${b % 50}`, archived: false });
    for (let m = 0; m < 60; m++) {
      const year = 2021 + Math.floor(m / 12);
      const month = String((m % 12) + 1).padStart(2, '0');
      const period = `${year}M${month}`;
      reports.push({ id: `${id}-${period}`, roundId: period, orgId: id, period, status: 'approved', members: 20 + (b % 7), newMembers: b % 3, youth1435: 90, youth1428: 45, cadres: 2, recommendedToParty: b % 2 });
    }
  }
  return { orgs, reports };
}

function rollupBench(): { yearly: number; monthly: number; trend60: number; reports: number } {
  const { orgs, reports } = syntheticTree();
  let t = performance.now();
  rollUpAll(orgs, reports, '2025');
  const yearly = performance.now() - t;
  t = performance.now();
  rollUpAll(orgs, reports, '2025M06');
  const monthly = performance.now() - t;
  t = performance.now();
  const prepared = prepareRollUp(orgs, reports);
  for (let m = 0; m < 60; m++) prepared.rollUp('c', `${2021 + Math.floor(m / 12)}M${String((m % 12) + 1).padStart(2, '0')}`);
  const trend60 = performance.now() - t;
  return { yearly, monthly, trend60, reports: reports.length };
}

/** Writes a county whose first township has 300 branches and an open round, into the app's own database. */
async function seedBigTownship(): Promise<void> {
  const store = await openStore(new LeagueDeskDb(APP_REGISTRY));
  const specs: WriteSpec[] = [
    { table: 'org', row: 'c', scope: 'BX', fields: { code: 'BX', name: { zh: '测试县' }, kind: 'county', parentId: null, archived: false } },
    { table: 'org', row: 't', scope: 'BX-01', fields: { code: 'BX-01', name: { zh: '大乡团委' }, kind: 'township', parentId: 'c', archived: false } },
  ];
  const ids: string[] = [];
  for (let b = 1; b <= 300; b++) {
    const code = `BX-01-${String(b).padStart(3, '0')}`;
    ids.push(`b${b}`);
    specs.push({ table: 'org', row: `b${b}`, scope: code, fields: { code, name: { zh: `第${b}团支部` }, kind: 'branch', parentId: 't', archived: false } });
  }
  specs.push({ table: 'round', row: 'r', scope: 'BX', fields: { period: '2026Q4', figures: ['members', 'newMembers', 'youth1435', 'youth1428', 'cadres', 'recommendedToParty'], orgIds: ids, deadline: '2026-12-31', status: 'open' } });
  await store.repo.write(specs, [{ key: 'setup', value: 'demo' }]);
  store.db.close();
}

(globalThis as unknown as Record<string, unknown>).statsBench = { rollupBench, seedBigTownship };
