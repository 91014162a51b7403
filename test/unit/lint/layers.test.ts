import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { importDirection } from '../../../scripts/lint-rules/layers.js';

const root = path.resolve('/project');
const at = (file: string) => path.join(root, file);

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });
const options = [{ root }];

tester.run('layers/import-direction', importDirection, {
  valid: [
    { filename: at('shared/sync/merge.ts'), code: "import { x } from './hlc'; import { z } from 'zod';", options },
    { filename: at('renderer/src/app/App.tsx'), code: "import { x } from '../../../shared/i18n/lang'; import React from 'react';", options },
    { filename: at('renderer/src/i18n.ts'), code: "import zh from '../../locales/zh-CN/common.json';", options },
    { filename: at('electron/main.ts'), code: "import { app } from 'electron'; import fs from 'node:fs'; import { x } from '../shared/bridge';", options },
    { filename: at('cli/main.ts'), code: "import { parseArgs } from 'node:util'; import { x } from '../shared/demo/luntai';", options },
    { filename: at('test/unit/x.test.ts'), code: "import { x } from '../../renderer/src/store/db'; import fs from 'node:fs';", options },
    // At depth: the sync core uses itself and the basics; the trust core also the sync core.
    { filename: at('shared/sync/bundle/manifest.ts'), code: "import { x } from '../hlc'; import { y } from '../../i18n/lang'; import { s } from '../../text/search';", options },
    { filename: at('shared/trust/authorize.ts'), code: "import { x } from '../sync/scope'; import { D } from '../demo/writer';", options },
    // The report engine uses itself, the basics and its packages; a feature's report uses the engine.
    { filename: at('shared/report/xlsx.ts'), code: "import ExcelJS from 'exceljs'; import { t } from './table'; import { i } from '../i18n/interpolate';", options },
    { filename: at('shared/stats/report/countySummaryTable.ts'), code: "import { nameCell } from '../../report/table'; import { r } from '../rollup';", options },
    // A feature uses its own files, the common components, the store and shared/; the composition root uses any feature.
    { filename: at('renderer/src/features/jobs/FiguresView.tsx'), code: "import { a } from './useJobsData'; import { b } from '../../components/chartDirection'; import { c } from '../../store/db'; import { d } from '../../../../shared/jobs/figures';", options },
    { filename: at('renderer/src/features/stats/grid/Row.tsx'), code: "import { a } from '../EntryGrid'; import { b } from '../../../components/ListTable';", options },
    // The shell composes features through their index files; a feature takes the shell's services and contract.
    { filename: at('renderer/src/app/features.ts'), code: "import { jobsFeature } from '../features/jobs'; import { statsFeature } from '../features/stats/index'; import { x } from '../features/conflicts/index.tsx';", options },
    { filename: at('renderer/src/app/StorageBanner.tsx'), code: "const { loadFullCopy } = await import('../features/sync');", options },
    { filename: at('renderer/src/features/jobs/index.ts'), code: "import type { RendererFeature } from '../../app/feature'; import { lazy } from 'react';", options },
    { filename: at('renderer/src/features/jobs/NoticeList.tsx'), code: "import { useStore } from '../../app/context'; import { setRouteParams } from '../../app/routes'; import { useWrite } from '../../app/useWrite';", options },
    { filename: at('shared/app/registry.ts'), code: "import { a } from '../jobs/feature'; import { b } from '../sync/tables';", options },
  ],
  invalid: [
    { filename: at('shared/a.ts'), code: "import { x } from '../renderer/src/store/db';", options, errors: [{ messageId: 'folder' }] },
    { filename: at('shared/a.ts'), code: "export * from '../electron/main';", options, errors: [{ messageId: 'folder' }] },
    { filename: at('shared/a.ts'), code: "import fs from 'node:fs';", options, errors: [{ messageId: 'builtin' }] },
    { filename: at('shared/a.ts'), code: "import path from 'path';", options, errors: [{ messageId: 'builtin' }] },
    { filename: at('shared/a.ts'), code: "import Dexie from 'dexie';", options, errors: [{ messageId: 'package' }] },
    { filename: at('shared/a.ts'), code: "import Button from '@mui/material/Button';", options, errors: [{ messageId: 'package' }] },
    { filename: at('shared/a.ts'), code: "const m = await import('../cli/main');", options, errors: [{ messageId: 'folder' }] },
    { filename: at('renderer/src/a.ts'), code: "import { ipcRenderer } from 'electron';", options, errors: [{ messageId: 'folder' }] },
    { filename: at('renderer/src/a.ts'), code: "import { x } from '../../electron/preload';", options, errors: [{ messageId: 'folder' }] },
    { filename: at('renderer/src/a.ts'), code: "import fs from 'fs';", options, errors: [{ messageId: 'builtin' }] },
    { filename: at('electron/main.ts'), code: "import { App } from '../renderer/src/app/App';", options, errors: [{ messageId: 'folder' }] },
    { filename: at('cli/main.ts'), code: "const db = require('../renderer/src/store/db');", options, errors: [{ messageId: 'folder' }] },
    // The sync core imports no feature, no domain and no composition root, at any depth, by any kind of import.
    { filename: at('shared/sync/tables.ts'), code: "import { jobs } from '../jobs/rows';", options, errors: [{ messageId: 'core' }] },
    { filename: at('shared/sync/bundle/demo.ts'), code: "import { x } from '../../contests/demo';", options, errors: [{ messageId: 'core' }] },
    { filename: at('shared/sync/hub/client.ts'), code: "export { APP_TABLES } from '../../app/registry';", options, errors: [{ messageId: 'core' }] },
    { filename: at('shared/sync/merge.ts'), code: "const m = await import('../stats/tables');", options, errors: [{ messageId: 'core' }] },
    { filename: at('shared/sync/change.ts'), code: "import type { Org } from '../domain/org';", options, errors: [{ messageId: 'core' }] },
    // The trust core imports no feature either: each feature hands in its rules.
    { filename: at('shared/trust/authorize.ts'), code: "import { ALL_FIGURES } from '../domain/stats';", options, errors: [{ messageId: 'core' }] },
    { filename: at('shared/trust/rules.ts'), code: "import { ORG_RULE } from '../orgs/rules';", options, errors: [{ messageId: 'core' }] },
    { filename: at('shared/trust/demo.ts'), code: "import { generateDemoCounty } from '../demo/luntai';", options, errors: [{ messageId: 'core' }] },
    // The report engine imports no feature and no domain: features build its tables.
    { filename: at('shared/report/table.ts'), code: "import { rollUpAll } from '../stats/rollup';", options, errors: [{ messageId: 'core' }] },
    { filename: at('shared/report/index.ts'), code: "export * from '../stats/report/countySummary';", options, errors: [{ messageId: 'core' }] },
    { filename: at('shared/report/html.ts'), code: "import type { AnyFigure } from '../domain/stats';", options, errors: [{ messageId: 'core' }] },
    { filename: at('shared/report/xlsx.ts'), code: "const j = await import('../jobs/figuresTable');", options, errors: [{ messageId: 'core' }] },
    // A feature never imports another feature, from any depth, to any depth.
    { filename: at('renderer/src/features/reports/SummarySection.tsx'), code: "import { useSaveReport } from '../sync/useSaveAndReport';", options, errors: [{ messageId: 'feature' }] },
    { filename: at('renderer/src/features/stats/grid/Row.tsx'), code: "import { x } from '../../dashboard/charts/Trend';", options, errors: [{ messageId: 'feature' }] },
    { filename: at('renderer/src/features/jobs/FiguresView.tsx'), code: "export * from '../dashboard/chartDirection';", options, errors: [{ messageId: 'feature' }] },
    // The shell never reaches past a feature's index, statically or lazily: pages are registered there.
    { filename: at('renderer/src/app/Shell.tsx'), code: "import { JobsPage } from '../features/jobs/JobsPage';", options, errors: [{ messageId: 'appToFeature' }] },
    { filename: at('renderer/src/app/Shell.tsx'), code: "const Page = lazy(() => import('../features/stats/EntryPage'));", options, errors: [{ messageId: 'appToFeature' }] },
    { filename: at('renderer/src/app/App.tsx'), code: "import { hubRunner } from '../features/sync/hubRunner';", options, errors: [{ messageId: 'appToFeature' }] },
    // A feature takes services from the shell, never the shell or the composition list (which imports it).
    { filename: at('renderer/src/features/jobs/index.ts'), code: "import { APP_FEATURES } from '../../app/features';", options, errors: [{ messageId: 'featureToApp' }] },
    { filename: at('renderer/src/features/about/AboutPage.tsx'), code: "import { LanguageSwitch } from '../../app/LanguageSwitch';", options, errors: [{ messageId: 'featureToApp' }] },
    { filename: at('renderer/src/features/stats/grid/Row.tsx'), code: "import { Shell } from '../../../app/Shell';", options, errors: [{ messageId: 'featureToApp' }] },
  ],
});
