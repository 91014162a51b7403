import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { noStorageInComponents } from '../../../scripts/lint-rules/storage.js';

/*
 * A feature's components say what data they want (its use<Feature>Data.ts hooks, its services) and
 * never how it is stored: no database, no tables, no Dexie, no live query in a .tsx under
 * renderer/src/features/. The feature's hooks and services, the store and the app shell may.
 */

const root = path.resolve('/project');
const at = (file: string) => path.join(root, file);

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } });
const options = [{ root }];

tester.run('storage/no-storage-in-components', noStorageInComponents, {
  valid: [
    // A component asks its feature's hook, and hands the whole store to a named service or write.
    { filename: at('renderer/src/features/jobs/JobsPage.tsx'), code: 'const data = useJobsData(); await exportBundle(store, { peer }); await store.repo.write(specs);', options },
    { filename: at('renderer/src/features/stats/CellDetails.tsx'), code: 'const history = useCellHistory(id, figure); const rows = data.rows; const t = <Table size="small" />;', options },
    // A type from Dexie reads nothing.
    { filename: at('renderer/src/features/sync/BackupsCard.tsx'), code: "import type { Table } from 'dexie';", options },
    // The feature's hooks and services read the database: that is their job.
    { filename: at('renderer/src/features/jobs/useJobsData.ts'), code: "import { useLiveQuery } from 'dexie-react-hooks'; const rows = useLiveQuery(() => store.db.rows('notice').toArray(), [store]);", options },
    { filename: at('renderer/src/features/sync/syncService.ts'), code: "const { db } = store; const peers = await db.table('peers').toArray();", options },
    // Outside the features: the store, the app shell, the common components.
    { filename: at('renderer/src/store/changeLog.ts'), code: "const n = await db.table('log').count();", options },
    { filename: at('renderer/src/app/Shell.tsx'), code: "import { useLiveQuery } from 'dexie-react-hooks'; const n = useLiveQuery(() => store.db.conflicts.count(), [store]);", options },
    { filename: at('renderer/src/components/PcName.tsx'), code: 'const names = useLiveQuery(() => store.db.peers.toArray(), [store]);', options },
  ],
  invalid: [
    { filename: at('renderer/src/features/sync/ExportCard.tsx'), code: 'const peers = store.db.peers.toArray();', options, errors: [{ messageId: 'db' }] },
    { filename: at('renderer/src/features/about/AboutPage.tsx'), code: 'const row = [`${store.db.verno}`];', options, errors: [{ messageId: 'db' }] },
    { filename: at('renderer/src/features/contests/EntryFormDialog.tsx'), code: 'await importPhotos(store.db, sources);', options, errors: [{ messageId: 'db' }] },
    { filename: at('renderer/src/features/sync/BackupsCard.tsx'), code: "const { db } = useStore(); await db.meta.put({ key: 'backupsKept', value });", options, errors: [{ messageId: 'db' }] },
    { filename: at('renderer/src/features/orgs/OrgTree.tsx'), code: 'function Tree({ db }) { return null; }', options, errors: [{ messageId: 'db' }] },
    { filename: at('renderer/src/features/stats/grid/Row.tsx'), code: "const rows = await tx.table('statReport').toArray();", options, errors: [{ messageId: 'table' }] },
    {
      filename: at('renderer/src/features/conflicts/ConflictsPage.tsx'),
      code: "import { useLiveQuery } from 'dexie-react-hooks'; const context = useLiveQuery(() => readConflictContext(store), [store]);",
      options,
      errors: [{ messageId: 'dexie' }, { messageId: 'liveQuery' }],
    },
    { filename: at('renderer/src/features/contests/PhotoThumb.tsx'), code: "import Dexie from 'dexie';", options, errors: [{ messageId: 'dexie' }] },
  ],
});
