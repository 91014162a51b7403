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
  ],
});
